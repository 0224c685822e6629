/**
 * Where cards go: next to their term (a side where the whole card fits, else widened, else shrunk;
 * floating-ui shifts it, never off-screen) and in the
 * top layer (Popover API on our host) so page dialogs, popovers and fullscreen elements cannot cover them.
 */
import { computePosition, offset, shift, size } from '@floating-ui/dom';

/** A page modal dialog or fullscreen element makes the rest of the page (and our host) inert. */
export function pageIsBlocked(doc: Document): boolean {
  try {
    return !!doc.fullscreenElement || !!doc.querySelector('dialog:modal');
  } catch {
    return !!doc.fullscreenElement; // :modal unsupported
  }
}

const REPLACED = new Set([
  'VIDEO',
  'AUDIO',
  'IMG',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'INPUT',
  'TEXTAREA',
  'SELECT',
]);

/**
 * Where our host must live so it is not inert: inside the top-most page modal dialog or fullscreen
 * element when there is one (everything outside them ignores the pointer), else under <html>.
 * Only our own host element moves; nothing of the page changes.
 */
export function hostParent(doc: Document, host: Element): Element {
  let blocker: Element | null = doc.fullscreenElement;
  try {
    const modals = doc.querySelectorAll('dialog:modal');
    if (modals.length) blocker = modals.item(modals.length - 1);
  } catch {
    /* :modal unsupported */
  }
  if (!blocker || blocker === host || host.contains(blocker) || REPLACED.has(blocker.tagName))
    return doc.documentElement;
  return blocker;
}

/** (Re-)enter the top layer, above page dialogs/popovers opened since; no-op without the Popover API. */
export function toTopLayer(host: HTMLElement, doc: Document, hostTag: string): void {
  if (typeof host.showPopover !== 'function') return;
  try {
    if (host.matches(':popover-open')) {
      // Only re-stack when something else may have entered the top layer above us.
      if (!doc.fullscreenElement && !doc.querySelector(`dialog[open], :popover-open:not(${hostTag})`)) return;
      const focused = host.shadowRoot?.activeElement as HTMLElement | null;
      host.hidePopover();
      host.showPopover();
      focused?.focus({ preventScroll: true });
    } else host.showPopover();
  } catch {
    /* e.g. host not connected yet */
  }
}

export function hideTopLayer(host: HTMLElement): void {
  try {
    if (host.matches(':popover-open')) host.hidePopover();
  } catch {
    /* no Popover API */
  }
}

/** Where each card was last placed from: anchor rectangle, card size and viewport size. */
const placedFrom = new WeakMap<HTMLElement, string>();

const GAP = 6;
const PAD = 8;
/** The widest a card gets when widening lets it fit without scrolling (px, before the text scale). */
export const WIDE_CARD_PX = 640;

export type Side = 'bottom-start' | 'top-start' | 'right-start' | 'left-start';
export interface Choice {
  placement: Side;
  /** No side has room for the whole card: shrink it to the side with most room (it scrolls inside). */
  shrink: boolean;
  /** The card may overlap its term (pinned cards): it then stays whole and is shifted into view. */
  cover: boolean;
}

/**
 * Which side of the term a card of `w` × `h` goes to: below or above when it fits whole, else to the
 * right or left (the whole viewport height is there), else — a card the reader pinned — over the
 * term, whole; a hover card rather keeps the term visible and scrolls inside.
 */
export function chooseSide(a: DOMRect, w: number, h: number, vw: number, vh: number, mayCover: boolean): Choice {
  const below = vh - a.bottom - GAP - PAD;
  const above = a.top - GAP - PAD;
  const fits = { shrink: false, cover: false };
  if (h <= below) return { placement: 'bottom-start', ...fits };
  if (h <= above) return { placement: 'top-start', ...fits };
  if (w <= vw - a.right - GAP - PAD) return { placement: 'right-start', ...fits };
  if (w <= a.left - GAP - PAD) return { placement: 'left-start', ...fits };
  const placement = below >= above ? 'bottom-start' : 'top-start';
  return mayCover ? { placement, shrink: false, cover: true } : { placement, shrink: true, cover: false };
}

/** The card's height with nothing scrolled away: its box plus what its scrolling body hides. */
function naturalHeight(el: HTMLElement): number {
  let hidden = 0;
  for (const c of Array.from(el.children)) hidden = Math.max(hidden, c.scrollHeight - c.clientHeight);
  return el.offsetHeight + hidden;
}

/**
 * Place `el` next to `anchor` (a rect getter), or in the top-left corner without one. The card is
 * measured whole (its CSS caps it at the viewport's height); when no side of the term has room for it,
 * it is widened (a wider card is shorter: at 200 % zoom a 1280×800 screen is 640×400 CSS px) before it
 * is made to scroll. Skipped when nothing it depends on changed since the last placement: the show of
 * a card prepared at the dwell then costs no floating-ui pass (about a millisecond) inside its frame.
 */
export function place(el: HTMLElement, anchor: (() => DOMRect) | null, o: { mayCover?: boolean } = {}): void {
  if (!anchor) {
    el.style.left = '16px';
    el.style.top = '16px';
    return;
  }
  const a = anchor();
  const view = el.ownerDocument.defaultView;
  const from = () =>
    [a.x, a.y, a.width, a.height, el.offsetWidth, el.offsetHeight, view?.innerWidth, view?.innerHeight].join();
  if (placedFrom.get(el) === from()) return;
  const vw = view?.innerWidth ?? 0;
  const vh = view?.innerHeight ?? 0;
  el.style.maxHeight = '';
  el.style.maxWidth = '';
  let h = naturalHeight(el);
  let choice = chooseSide(a, el.offsetWidth, h, vw, vh, !!o.mayCover);
  if (choice.shrink || choice.cover) {
    const scale = parseFloat(getComputedStyle(el).getPropertyValue('--ml-scale')) || 1;
    el.style.maxWidth = `${Math.min(vw - 2 * PAD, WIDE_CARD_PX * scale)}px`;
    const wh = naturalHeight(el);
    if (wh < h) {
      h = wh;
      choice = chooseSide(a, el.offsetWidth, h, vw, vh, !!o.mayCover);
    } else el.style.maxWidth = ''; // no shorter: keep the usual width
  }
  void computePosition({ getBoundingClientRect: () => a }, el, {
    strategy: 'fixed',
    placement: choice.placement,
    middleware: [
      offset(GAP),
      shift({ padding: PAD }),
      // Never off-screen: when neither side has room for the whole card, it shrinks and scrolls inside.
      ...(choice.shrink
        ? [
            size({
              padding: PAD,
              apply: ({ availableHeight }) => {
                el.style.maxHeight = `${Math.max(160, Math.floor(availableHeight))}px`;
              },
            }),
          ]
        : []),
      // A whole card taller than the room on its side moves over the term, staying in the viewport.
      shift({ padding: PAD, crossAxis: true }),
    ],
  }).then(({ x, y }) => {
    el.style.left = `${Math.round(x)}px`;
    el.style.top = `${Math.round(y)}px`;
    placedFrom.set(el, from()); // its size as placed (the max-height above may have changed it)
  });
}
