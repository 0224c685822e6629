import type { LookupResult } from '@/lib/content/card-cache';
import type { CardHistory } from '@/lib/content/history';
import type { RecordFetch } from '@/lib/content/record';

export type CardState = LookupResult | { status: 'loading'; termId: string };

export interface CardActions {
  /** Follow a related entry inside the same card. */
  navigate(id: string, label: string): void;
  back(): void;
  /** Jump to breadcrumb `index`. */
  backTo(index: number): void;
  togglePin(): void;
  close(): void;
  /** Open the extension's search for this text. */
  search(query: string): void;
  /** "I know this term": stop underlining it. */
  know(id: string, label: string): void;
  undoKnow(): void;
  retry(): void;
  /** Trainer mode: previous / next occurrence on the page. */
  step(dir: 1 | -1): void;
  /** Trainer mode: highlight every occurrence of the card's term (or stop). */
  toggleFocusAll(): void;
  /** A disclosure button was toggled (`key`: `${termId}:${section}`); the controller keeps the state. */
  disclose(key: string, open: boolean): void;
}

/**
 * One card's own state. The card controller's open card (OpenCard, lib/content/card-model.ts) is
 * this plus where it is anchored on the page; the view a card renders (CardView) is this plus what
 * the controller derives for all cards at render time.
 */
export interface CardCore {
  /** Stable per open card; used for element ids (aria-labelledby) and positioning. */
  key: number;
  state: CardState;
  history: CardHistory;
  pinned: boolean;
  /** role="dialog" (pinned or opened by keyboard) instead of role="tooltip". */
  dialog: boolean;
  /** Set for a few seconds after "I know this term", to offer Undo. */
  known: { id: string; label: string } | null;
  /**
   * Rendered inside our own modal <dialog>: a page modal dialog or fullscreen element makes everything
   * else inert, so a pinned card there must become the modal one to stay clickable.
   */
  modal?: boolean;
  /** Disclosures opened in this card (CardActions.disclose), so a re-mounted card opens as it was. */
  disclosed?: Readonly<Record<string, boolean>>;
}

export interface CardView extends CardCore {
  trainer: boolean;
  /**
   * A hover card prepared at the dwell and not shown yet: rendered and laid out but invisible, and
   * without the `ml-popover` test id (it is not on screen), so that showing it costs one attribute flip.
   */
  pending?: boolean;
  /** Trainer mode: where stepping is (index -1 = not started) and whether all occurrences are lit. */
  occurrences: { index: number; count: number; focused: boolean } | null;
  /** Where the term sits in the host's document ("PDF p. 12"), appended to citations of it. */
  location?: string | null;
}

export interface CardEnv {
  fetchRecord?: RecordFetch;
}
