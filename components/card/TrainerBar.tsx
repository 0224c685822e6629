import type { CardActions, CardView } from './types';

/** Trainer mode: light up every occurrence of the card's term and step through them (N / Shift+N). */
export function TrainerBar({ occ, on }: { occ: NonNullable<CardView['occurrences']>; on: CardActions }) {
  return (
    <div class="ml-trainer" role="group" aria-label="Occurrences on this page" data-testid="ml-trainer">
      <button
        type="button"
        class="ml-btn"
        aria-pressed={occ.focused}
        onClick={on.toggleFocusAll}
        data-testid="ml-focus-all"
      >
        Highlight every occurrence
      </button>
      <button
        type="button"
        class="ml-btn"
        onClick={() => on.step(-1)}
        aria-label="Previous occurrence (Shift+N)"
        disabled={!occ.count}
      >
        ◀
      </button>
      <span class="ml-count" aria-live="polite" data-testid="ml-occ">
        {occ.count === 0
          ? 'Not on this page'
          : occ.index < 0
            ? `${occ.count} on this page`
            : `${occ.index + 1} of ${occ.count}`}
      </span>
      <button
        type="button"
        class="ml-btn"
        onClick={() => on.step(1)}
        aria-label="Next occurrence (N)"
        disabled={!occ.count}
      >
        ▶
      </button>
    </div>
  );
}
