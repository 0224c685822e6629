import { useRef } from 'preact/hooks';
import { dropIndex } from '@/lib/content/dock';
import { CARD_STRINGS } from './strings';
import type { CardActions } from './types';

/** Pointer travel (px) before a press on the handle counts as a drag rather than a click. */
const DRAG_SLOP = 4;

/**
 * The drag handle of a docked trainer card. Dragging moves the card along with the pointer; on release
 * it takes the column place whose middle it passed, and a release in the other half of the viewport
 * moves the column to that side. A click (or Enter / Space) without a drag moves the column to the
 * other side, like M. Keyboard reordering is Alt+↑ / Alt+↓ on the card (lib/content/keys.ts).
 */
export function DockHandle({ on }: { on: CardActions }) {
  const drag = useRef<{ id: number; x: number; y: number; moved: boolean } | null>(null);
  const cardOf = (el: EventTarget | null) => (el as HTMLElement | null)?.closest<HTMLElement>('.ml-card') ?? null;
  return (
    <button
      type="button"
      class="ml-btn ml-icon ml-handle"
      aria-label={CARD_STRINGS.moveLabel}
      title={CARD_STRINGS.moveHint}
      data-testid="ml-handle"
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        drag.current = { id: e.pointerId, x: e.clientX, y: e.clientY, moved: false };
        (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        if (!d || d.id !== e.pointerId) return;
        const dx = e.clientX - d.x;
        const dy = e.clientY - d.y;
        if (!d.moved && Math.hypot(dx, dy) < DRAG_SLOP) return;
        d.moved = true;
        const card = cardOf(e.currentTarget);
        if (card) card.style.transform = `translate(${Math.round(dx)}px, ${Math.round(dy)}px)`;
      }}
      onPointerUp={(e) => {
        const d = drag.current;
        if (!d || d.id !== e.pointerId || !d.moved) return;
        const card = cardOf(e.currentTarget);
        if (!card) return;
        card.style.transform = '';
        const others = Array.from(card.parentElement?.querySelectorAll<HTMLElement>(':scope > .ml-card') ?? [])
          .filter((c) => c !== card)
          .map((c) => c.getBoundingClientRect());
        const vw = card.ownerDocument.defaultView?.innerWidth ?? 0;
        on.dockTo(dropIndex(e.clientY, others), e.clientX < vw / 2 ? 'left' : 'right');
      }}
      onPointerCancel={(e) => {
        drag.current = null;
        const card = cardOf(e.currentTarget);
        if (card) card.style.transform = '';
      }}
      onClick={() => {
        // The click that ends a drag is not a request to flip the column.
        const dragged = drag.current?.moved;
        drag.current = null;
        if (!dragged) on.dockFlip();
      }}
    >
      ⠿
    </button>
  );
}
