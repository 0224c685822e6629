import { Card } from './Card';
import { CARD_STRINGS } from './strings';
import type { CardActions, CardEnv, CardView, DockView } from './types';

/**
 * Every open card (hover card and pinned ones), bottom to top. `actions(key)` binds callbacks per card.
 * Docked trainer cards (CardView.docked) go into one column, in `dock.order`, instead of floating.
 */
export function CardLayer({
  views,
  actions,
  env,
  dock,
}: {
  views: CardView[];
  actions: (key: number) => CardActions;
  env: CardEnv;
  dock?: DockView | null;
}) {
  const docked = new Map(views.filter((v) => v.docked).map((v) => [v.key, v]));
  return (
    <>
      {views
        .filter((v) => !v.docked)
        .map((v) => {
          const card = <Card key={v.key} view={v} on={actions(v.key)} env={env} />;
          if (!v.modal) return card;
          // The controller calls showModal() after render; Esc is handled by our own key handler.
          return (
            <dialog
              key={v.key}
              class="ml-modal"
              data-modal-key={v.key}
              onCancel={(e) => {
                e.preventDefault();
                actions(v.key).close();
              }}
            >
              {card}
            </dialog>
          );
        })}
      {dock && docked.size > 0 && (
        <div
          class="ml-dock"
          data-side={dock.side}
          data-testid="ml-dock"
          role="group"
          aria-label={CARD_STRINGS.dockLabel}
        >
          {dock.order.map((k) => {
            const v = docked.get(k);
            return v ? <Card key={k} view={v} on={actions(k)} env={env} /> : null;
          })}
          <span class="ml-sr" role="status">
            {dock.status}
          </span>
        </div>
      )}
    </>
  );
}
