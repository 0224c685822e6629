/**
 * Where cards go: next to their term (floating-ui: flip, shift, shrink, never off-screen) and in the
 * top layer (Popover API on our host) so page dialogs, popovers and fullscreen elements cannot cover them.
 */
import { computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { CARD_MAX_HEIGHT } from '@/components/card/styles';

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

/**
 * Place `el` next to `anchor` (a rect getter), or in the top-left corner without one. Skipped when
 * nothing it depends on changed since the last placement: the show of a card prepared at the dwell
 * then costs no floating-ui pass (about a millisecond) inside its animation frame.
 */
export function place(el: HTMLElement, anchor: (() => DOMRect) | null): void {
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
  void computePosition({ getBoundingClientRect: () => a }, el, {
    strategy: 'fixed',
    placement: 'bottom-start',
    middleware: [
      offset(6),
      flip({ padding: 8 }),
      shift({ padding: 8 }),
      // Never off-screen: when neither side has room for the whole card, it shrinks and scrolls inside.
      size({
        padding: 8,
        apply: ({ availableHeight }) => {
          el.style.maxHeight = `min(${Math.max(160, Math.floor(availableHeight))}px, ${CARD_MAX_HEIGHT})`;
        },
      }),
      shift({ padding: 8, crossAxis: true }),
    ],
  }).then(({ x, y }) => {
    el.style.left = `${Math.round(x)}px`;
    el.style.top = `${Math.round(y)}px`;
    placedFrom.set(el, from()); // its size as placed (the max-height above may have changed it)
  });
}
