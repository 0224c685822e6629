/**
 * Page-level shortcuts while a card is open: Esc closes the top card, P pins/unpins, Alt+. / Alt+,
 * step through occurrences in trainer mode. Pure so the rules (especially "never while typing in a
 * field") are unit-tested; the content script maps the action to the card controller.
 */

export type KeyAction = 'close' | 'pin' | 'next' | 'prev' | null;

export interface KeyInput {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

export interface KeyContext {
  /** Any card on screen (hover or pinned). */
  cardOpen: boolean;
  /** Focus is inside one of our cards. */
  inCard: boolean;
  /** Focus is in an input, textarea, select or contenteditable of the page. */
  editable: boolean;
  trainer: boolean;
  anyPinned: boolean;
}

export function keyAction(e: KeyInput, ctx: KeyContext): KeyAction {
  if (!ctx.cardOpen) return null;
  if (e.key === 'Escape') return 'close';
  if (e.ctrlKey || e.metaKey || (ctx.editable && !ctx.inCard)) return null;
  if ((e.key === 'p' || e.key === 'P') && !e.altKey) return 'pin';
  if (e.altKey && ctx.trainer && ctx.anyPinned) {
    if (e.code === 'Period') return 'next';
    if (e.code === 'Comma') return 'prev';
  }
  return null;
}
