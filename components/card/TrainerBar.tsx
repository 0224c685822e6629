import type { CardActions, CardView } from './types';
import { t } from '@/lib/i18n/t';

/** Trainer mode: light up every occurrence of the card's term and step through them (N / Shift+N). */
export function TrainerBar({ occ, on }: { occ: NonNullable<CardView['occurrences']>; on: CardActions }) {
  return (
    <div class="ml-trainer" role="group" aria-label={t('card_occurrences')} data-testid="ml-trainer">
      <button
        type="button"
        class="ml-btn"
        aria-pressed={occ.focused}
        onClick={on.toggleFocusAll}
        data-testid="ml-focus-all"
      >
        {t('card_highlightAll')}
      </button>
      <button
        type="button"
        class="ml-btn"
        onClick={() => on.step(-1)}
        aria-label={t('card_prevOcc')}
        disabled={!occ.count}
      >
        ◀
      </button>
      <span class="ml-count" aria-live="polite" data-testid="ml-occ">
        {occ.count === 0
          ? t('card_notOnPage')
          : occ.index < 0
            ? t('card_countOnPage', occ.count)
            : t('card_nOfM', occ.index + 1, occ.count)}
      </span>
      <button
        type="button"
        class="ml-btn"
        onClick={() => on.step(1)}
        aria-label={t('card_nextOcc')}
        disabled={!occ.count}
      >
        ▶
      </button>
    </div>
  );
}
