/**
 * The trainer dock (issue #16: in a room, two pinned x-large cards overlapped each other and covered
 * the paragraph being taught). In trainer mode pinned cards stack in one column at the left or right
 * edge of the viewport instead of floating at their terms. The reader reorders them (drag handle,
 * Alt+↑ / Alt+↓) and moves the column to the other side (drag across the middle, M); the column
 * starts on the side away from the active occurrence and moves over when that occurrence would be
 * under it — except right after the reader moved it there, until the next occurrence is shown. The page is never changed: the column is ours, fixed in our top-layer host.
 */
export type DockSide = 'left' | 'right';

/** Gap between the column and the viewport's edge (px; the CSS uses the same). */
export const DOCK_PAD = 8;

/** Horizontal extent of an occurrence (a DOMRect is enough). */
export interface Span {
  left: number;
  right: number;
}

/** How much of `a` lies under a column `width` px wide on `side` of a `vw` px viewport. */
export function overlap(a: Span, side: DockSide, width: number, vw: number): number {
  const [l, r] = side === 'left' ? [0, DOCK_PAD + width] : [vw - DOCK_PAD - width, vw];
  return Math.max(0, Math.min(a.right, r) - Math.max(a.left, l));
}

/**
 * The side for the column. First time (`current` null): the side that covers less of the text the
 * occurrence is in (`text`, its block's extent), on a tie the half the occurrence is not in; right
 * when there is none. Afterwards it stays where it is (the reader may have moved it) unless the
 * occurrence would be under it; then it goes to the side that covers less of it.
 */
export function dockSide(
  current: DockSide | null,
  active: Span | null,
  width: number,
  vw: number,
  text: Span | null = null,
): DockSide {
  if (!active) return current ?? 'right';
  const away: DockSide = (active.left + active.right) / 2 > vw / 2 ? 'left' : 'right';
  let side = current ?? away;
  if (!current && text) {
    const l = overlap(text, 'left', width, vw);
    const r = overlap(text, 'right', width, vw);
    if (l !== r) side = l < r ? 'left' : 'right';
  }
  const other: DockSide = side === 'left' ? 'right' : 'left';
  const here = overlap(active, side, width, vw);
  return here > 0 && overlap(active, other, width, vw) < here ? other : side;
}

/** Column order (card keys, top to bottom) kept in step with the docked cards. */
export class Dock {
  order: number[] = [];
  side: DockSide | null = null;
  /** The reader moved the column: it stays on their side until the active occurrence changes. */
  held = false;

  /** Keep the known cards' order; newly docked ones go to the bottom. */
  sync(keys: readonly number[]): number[] {
    const set = new Set(keys);
    this.order = [...this.order.filter((k) => set.has(k)), ...keys.filter((k) => !this.order.includes(k))];
    if (!this.order.length) {
      this.side = null; // an empty dock chooses its side afresh next time
      this.held = false;
    }
    return this.order;
  }

  /** Move card `key` by `delta` places (clamped); false when it did not move. */
  move(key: number, delta: number): boolean {
    const i = this.order.indexOf(key);
    if (i < 0) return false;
    return this.moveTo(key, i + delta);
  }

  /** Put card `key` at `index` (clamped); false when it did not move. */
  moveTo(key: number, index: number): boolean {
    const i = this.order.indexOf(key);
    const to = Math.max(0, Math.min(this.order.length - 1, index));
    if (i < 0 || i === to) return false;
    this.order.splice(i, 1);
    this.order.splice(to, 0, key);
    return true;
  }

  flip(): DockSide {
    this.side = this.side === 'left' ? 'right' : 'left';
    return this.side;
  }
}

/** How far into a tall card (px) a drag must go to pass it: x-large cards run past the viewport. */
const PASS_PX = 48;

/**
 * Where a card dragged to client y `y` lands: the index among the other cards' boxes (in column
 * order, the dragged card left out) whose middle, or whose first PASS_PX, it passed.
 */
export function dropIndex(y: number, boxes: readonly { top: number; bottom: number }[]): number {
  let i = 0;
  for (const b of boxes) if (y > Math.min((b.top + b.bottom) / 2, b.top + PASS_PX)) i++;
  return i;
}

/** The extent of the block an occurrence's text is in: the nearest ancestor that is not inline. */
export function blockSpan(node: Node): Span | null {
  const view = node.ownerDocument?.defaultView;
  for (let el = node.parentElement; el && view; el = el.parentElement) {
    const d = view.getComputedStyle(el).display;
    if (d && !d.startsWith('inline') && d !== 'contents') return el.getBoundingClientRect();
  }
  return null;
}

/**
 * After a render, a scroll or a new active occurrence: the side the column `el` should be on, set on
 * the element at once (no render needed; the next render sets the same value from `dock.side`). The
 * viewport width is the root's client width: a fixed column's edge is at the page's scrollbar.
 */
export function settleDockSide(dock: Dock, el: HTMLElement | null, active: Range | null): void {
  if (!el) return;
  const vw = el.ownerDocument.documentElement.clientWidth;
  const rect = active?.getBoundingClientRect() ?? null;
  const text = active && !dock.side ? blockSpan(active.startContainer) : null;
  const side = dock.held && dock.side ? dock.side : dockSide(dock.side, rect, el.offsetWidth, vw, text);
  dock.side = side;
  if (el.dataset.side !== side) el.dataset.side = side;
}
