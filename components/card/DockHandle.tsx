import { useRef } from 'preact/hooks';
import { dropIndex } from '@/lib/content/dock';
import { CARD_STRINGS } from './strings';
import type { CardActions } from './types';

/** Pointer travel (px) before a press on the handle counts as a drag rather than a click. */
const DRAG_SLOP = 4;
/** Near the column's top or bottom edge (px) a drag scrolls it, by STEP px per pointer move. */
const EDGE = 40;
const STEP = 24;

/**
 * The drag handle of a docked trainer card. Dragging moves the card along with the pointer; on release
 * it takes the column place whose middle it passed, and a release in the other half of the viewport
 * moves the column to that side. A click (or Enter / Space) without a drag moves the column to the
 * other side, like M. Held near the column's top or bottom edge, a drag scrolls it. Keyboard reordering is Alt+↑ / Alt+↓ on the card (lib/content/keys.ts).
 */
export function DockHandle({ on }: { on: CardActions }) {
  const drag = useRef<{ id: number; x: number; y: number; scroll: number; moved: boolean } | null>(null);
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
        const dock = cardOf(e.currentTarget)?.parentElement;
        drag.current = { id: e.pointerId, x: e.clientX, y: e.clientY, scroll: dock?.scrollTop ?? 0, moved: false };
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
        const dock = card?.parentElement;
        if (!card || !dock) return;
        // A column taller than the viewport scrolls under a drag held near its edge.
        const r = dock.getBoundingClientRect();
        if (e.clientY > r.bottom - EDGE) dock.scrollTop += STEP;
        else if (e.clientY < r.top + EDGE) dock.scrollTop -= STEP;
        const sy = dock.scrollTop - d.scroll; // the card scrolled with the column: keep it under the pointer
        card.style.transform = `translate(${Math.round(dx)}px, ${Math.round(dy + sy)}px)`;
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
