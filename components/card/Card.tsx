import { canGoBack } from '@/lib/content/history';
import { cardKeyAction, isEditable } from '@/lib/content/keys';
import { CardBody } from './CardBody';
import { DockHandle } from './DockHandle';
import { CARD_STRINGS } from './strings';
import { TrainerBar } from './TrainerBar';
import { t } from '@/lib/i18n/t';
import { categoryLabel } from './category';
import type { CardActions, CardEnv, CardView } from './types';

/** Said when the background does not answer (a function: the language may change while the page is open). */
export const unreachable = (): string => t('card_unreachable');

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
      docked: !!view.docked,
    });
    if (!action) return;
    e.preventDefault();
    if (action === 'back') on.back();
    else if (action === 'up' || action === 'down' || action === 'side') {
      e.stopPropagation();
      if (action === 'side') on.dockFlip();
      else on.dockMove(action === 'up' ? -1 : 1);
    } else {
      e.stopPropagation();
      on.step(action === 'next' ? 1 : -1);
    }
  };
  return (
    <div
      class={`ml-card${view.pinned ? ' ml-pinned' : ''}${view.docked ? ' ml-docked' : ''}`}
      lang={t('lang')}
      data-testid={view.pending ? undefined : 'ml-popover'}
      data-pending={view.pending ? '' : undefined}
      data-key={view.key}
      data-state={state.status}
      role={view.dialog ? 'dialog' : 'tooltip'}
      aria-labelledby={view.dialog && state.status === 'ready' ? titleId : undefined}
      aria-label={view.dialog && state.status !== 'ready' ? t('extName') : undefined}
      tabIndex={-1}
      onKeyDown={onKey}
    >
      <div class="ml-bar">
        {trail.length > 1 && (
          <div class="ml-crumbs" role="group" aria-label={t('card_history')} data-testid="ml-crumbs">
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
        {view.docked && <DockHandle on={on} />}
        {prev && (
          <button
            type="button"
            class="ml-btn ml-icon"
            onClick={on.back}
            aria-label={t('card_backTo', prev.label)}
            data-testid="ml-back"
          >
            ←
          </button>
        )}
        {state.status === 'ready' ? (
          <div class="ml-head">
            <h2 class="ml-label" id={titleId}>
              {state.card.label}
            </h2>
            {state.card.local?.label && state.card.local.label !== state.card.label && (
              <span class="ml-local" lang={state.card.local.lang} data-testid="ml-local-label">
                {state.card.local.label}
              </span>
            )}
            <span class="ml-category">{categoryLabel(state.card)}</span>
            {state.card.custom && (
              <span class="ml-badge" data-testid="ml-custom">
                {t('card_custom')}
              </span>
            )}
          </div>
        ) : (
          <span class="ml-spacer" />
        )}
        <button
          type="button"
          class="ml-btn"
          aria-pressed={view.pinned}
          onClick={on.togglePin}
          data-testid="ml-pin"
          title={view.pinned ? t('card_unpinTitle') : t('card_pinTitle')}
        >
          {view.pinned ? t('card_unpin') : t('card_pin')}
        </button>
        <button
          type="button"
          class="ml-btn ml-icon"
          onClick={on.close}
          aria-label={t('card_close')}
          data-testid="ml-close"
        >
          ×
        </button>
      </div>
      {view.trainer && view.occurrences && state.status === 'ready' && <TrainerBar occ={view.occurrences} on={on} />}
      {view.presenting && (
        <p class="ml-presenting" data-testid="ml-presenting">
          {CARD_STRINGS.presenting(view.presenting.index + 1, view.presenting.count)}
        </p>
      )}
      <div class="ml-body" data-testid="ml-body">
        {state.status === 'loading' && (
          <p class="ml-muted" role="status">
            {t('card_loading')}
          </p>
        )}
        {state.status === 'not-found' && <p class="ml-muted">{t('card_notFound')}</p>}
        {state.status === 'error' && (
          <div class="ml-error" role="alert">
            <p>{unreachable()}</p>
            <p class="ml-detail">{state.message}</p>
            <button type="button" class="ml-btn" onClick={on.retry}>
              {t('card_retry')}
            </button>
          </div>
        )}
        {state.status === 'ready' && (
          <CardBody
            key={state.card.id}
            card={state.card}
            on={on}
            env={env}
            location={view.location}
            disclosed={view.disclosed}
          />
        )}
        {state.status === 'ready' && view.location && (
          <p class="ml-muted" data-testid="ml-card-location">
            {t('card_location', view.location)}
          </p>
        )}
      </div>
      {view.known && (
        <div class="ml-undo" role="status" data-testid="ml-undo">
          <span>{t('card_known', view.known.label)}</span>
          <button type="button" class="ml-btn" onClick={on.undoKnow}>
            {t('card_undo')}
          </button>
        </div>
      )}
    </div>
  );
}
