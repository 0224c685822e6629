import { canGoBack } from '@/lib/content/history';
import { cardKeyAction, isEditable } from '@/lib/content/keys';
import { CardBody } from './CardBody';
import { TrainerBar } from './TrainerBar';
import type { CardActions, CardEnv, CardView } from './types';

export const UNREACHABLE = "Migration Lens can't reach its background. Reload the page or the extension and try again.";

/**
 * One card: toolbar (back, breadcrumb, pin, close), body for each state, and the "I know this" undo bar.
 * A hover card is role="tooltip"; pinned or keyboard-opened it becomes a labelled dialog.
 */
export function Card({ view, on, env = {} }: { view: CardView; on: CardActions; env?: CardEnv }) {
  const { state, history } = view;
  const titleId = `ml-title-${view.key}`;
  const trail = history.stack;
  /** The crumb Back returns to; none on the first entry. */
  const prev = canGoBack(history) ? trail[trail.length - 2] : undefined;
  const onKey = (e: KeyboardEvent) => {
    const action = cardKeyAction(e, {
      trainer: view.trainer,
      canGoBack: canGoBack(history),
      editable: isEditable(e.target),
    });
    if (!action) return;
    e.preventDefault();
    if (action === 'back') on.back();
    else {
      e.stopPropagation();
      on.step(action === 'next' ? 1 : -1);
    }
  };
  return (
    <div
      class={`ml-card${view.pinned ? ' ml-pinned' : ''}`}
      data-testid={view.pending ? undefined : 'ml-popover'}
      data-pending={view.pending ? '' : undefined}
      data-key={view.key}
      data-state={state.status}
      role={view.dialog ? 'dialog' : 'tooltip'}
      aria-labelledby={view.dialog && state.status === 'ready' ? titleId : undefined}
      aria-label={view.dialog && state.status !== 'ready' ? 'Migration Lens' : undefined}
      tabIndex={-1}
      onKeyDown={onKey}
    >
      <div class="ml-bar">
        {prev && (
          <button
            type="button"
            class="ml-btn ml-icon"
            onClick={on.back}
            aria-label={`Back to ${prev.label}`}
            data-testid="ml-back"
          >
            ←
          </button>
        )}
        {trail.length > 1 && (
          <div class="ml-crumbs" role="group" aria-label="Card history" data-testid="ml-crumbs">
            <ol>
              {trail.map((c, i) => (
                <li key={`${c.id}-${i}`}>
                  {i < trail.length - 1 ? (
                    <button type="button" class="ml-link" onClick={() => on.backTo(i)}>
                      {c.label}
                    </button>
                  ) : (
                    <span aria-current="page">{c.label}</span>
                  )}
                </li>
              ))}
            </ol>
          </div>
        )}
        <span class="ml-spacer" />
        <button
          type="button"
          class="ml-btn"
          aria-pressed={view.pinned}
          onClick={on.togglePin}
          data-testid="ml-pin"
          title={view.pinned ? 'Unpin (P)' : 'Pin (P)'}
        >
          {view.pinned ? 'Unpin' : 'Pin'}
        </button>
        <button
          type="button"
          class="ml-btn ml-icon"
          onClick={on.close}
          aria-label="Close card (Esc)"
          data-testid="ml-close"
        >
          ×
        </button>
      </div>
      {view.trainer && view.occurrences && state.status === 'ready' && <TrainerBar occ={view.occurrences} on={on} />}
      <div class="ml-body" data-testid="ml-body">
        {state.status === 'loading' && (
          <p class="ml-muted" role="status">
            Looking up…
          </p>
        )}
        {state.status === 'not-found' && (
          <p class="ml-muted">No entry for this term. It may have been removed from your custom glossary.</p>
        )}
        {state.status === 'error' && (
          <div class="ml-error" role="alert">
            <p>{UNREACHABLE}</p>
            <p class="ml-detail">{state.message}</p>
            <button type="button" class="ml-btn" onClick={on.retry}>
              Try again
            </button>
          </div>
        )}
        {state.status === 'ready' && (
          <CardBody
            key={state.card.id}
            card={state.card}
            on={on}
            env={env}
            titleId={titleId}
            location={view.location}
            disclosed={view.disclosed}
          />
        )}
        {state.status === 'ready' && view.location && (
          <p class="ml-muted" data-testid="ml-card-location">
            In this document: {view.location}
          </p>
        )}
      </div>
      {view.known && (
        <div class="ml-undo" role="status" data-testid="ml-undo">
          <span>“{view.known.label}” will no longer be underlined.</span>
          <button type="button" class="ml-btn" onClick={on.undoKnow}>
            Undo
          </button>
        </div>
      )}
    </div>
  );
}
