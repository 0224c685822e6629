import { Card } from './Card';
import type { CardActions, CardEnv, CardView } from './types';

/** Every open card (hover card and pinned ones), bottom to top. `actions(key)` binds callbacks per card. */
export function CardLayer({
  views,
  actions,
  env,
}: {
  views: CardView[];
  actions: (key: number) => CardActions;
  env: CardEnv;
}) {
  return (
    <>
      {views.map((v) => {
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
    </>
  );
}
