/**
 * Every keyboard rule of the in-page cards, in one place:
 * - page level, while a card is open (keyAction): Esc closes the top card, P pins/unpins,
 *   Alt+. / Alt+, step through occurrences in trainer mode;
 * - inside a card (cardKeyAction): N / Shift+N step in trainer mode, Backspace goes back; in a docked
 *   trainer card Alt+↑ / Alt+↓ move it up or down the column and M moves the column to the other side;
 * - the presenter key, Alt+Shift+. / Alt+Shift+, in trainer mode (lib/content/presenter.ts presenterKey);
 * - in the related-terms list (listKeyIndex): arrows move with wrap-around, Home/End jump.
 * - browser commands (wxt.config.ts `commands`, rebindable in the browser): explain-selection, and
 *   next-term / previous-term, which step through the underlined terms in reading order (termStep).
 * Pure, so the rules (especially "never while typing in a field") are unit-tested; the content
 * app and the card components map the action to what it does.
 */
import { presenterKey } from './presenter';

/** Typing in a field must never trigger our single-key shortcuts. */
export function isEditable(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable === true;
}

export type KeyAction = 'close' | 'pin' | 'next' | 'prev' | 'present-next' | 'present-prev' | null;

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
  // Before the rest: it works with no card open, and Alt+. without Shift steps occurrences.
  const present = presenterKey(e, ctx);
  if (present) return present > 0 ? 'present-next' : 'present-prev';
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

export type CardKeyAction = 'next' | 'prev' | 'back' | 'up' | 'down' | 'side' | null;

export interface CardKeyContext {
  trainer: boolean;
  /** The card's history has a previous term. */
  canGoBack: boolean;
  /** The key was typed into a field inside the card. */
  editable: boolean;
  /** The card sits in the trainer dock (lib/content/dock.ts). */
  docked?: boolean;
}

/** Keys pressed with focus inside a card. */
export function cardKeyAction(e: KeyInput, ctx: CardKeyContext): CardKeyAction {
  if (ctx.editable) return null;
  if (ctx.docked && e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
    if (e.key === 'ArrowUp') return 'up';
    if (e.key === 'ArrowDown') return 'down';
  }
  if (ctx.docked && (e.key === 'm' || e.key === 'M') && !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey)
    return 'side';
  if (ctx.trainer && (e.key === 'n' || e.key === 'N') && !e.ctrlKey && !e.metaKey && !e.altKey)
    return e.shiftKey ? 'prev' : 'next';
  if (e.key === 'Backspace' && ctx.canGoBack) return 'back';
  return null;
}

/** Roving focus in a list of `n` items with item `i` focused: the index to focus, or null for other keys. */
export function listKeyIndex(key: string, i: number, n: number): number | null {
  switch (key) {
    case 'Home':
      return 0;
    case 'End':
      return n - 1;
    case 'ArrowDown':
    case 'ArrowRight':
      return (i + 1) % n;
    case 'ArrowUp':
    case 'ArrowLeft':
      return (i - 1 + n) % n;
    default:
      return null;
  }
}

/** Browser commands (manifest `commands`) that step through the underlined terms, and their direction. */
export const TERM_COMMANDS = { 'next-term': 1, 'previous-term': -1 } as const;
export type TermCommand = keyof typeof TERM_COMMANDS;

/**
 * Which of `count` underlined terms (in reading order) the next/previous-term key goes to. From the
 * term it focused last (`current`, -1 when none or gone) it moves by one, wrapping around; the first
 * press starts where the reader is: next goes to the first term at or below the top of the viewport
 * (`firstVisible`, `count` when none is), previous to the one before it.
 */
export function termStep(current: number, dir: 1 | -1, count: number, firstVisible: number): number {
  if (count <= 0) return -1;
  if (current >= 0 && current < count) return (current + dir + count) % count;
  const start = Math.min(Math.max(firstVisible, 0), count);
  return dir > 0 ? start % count : (start - 1 + count) % count;
}
