/**
 * The open-card model of the card controller (./card-controller.tsx, which owns the cards and renders them): what
 * one open card holds, what the controller needs from the content script, and what the buttons and keys
 * inside a card do (CardActions), bound by card key so that a closed card's callbacks do nothing.
 */
import type { CardActions, CardCore } from '@/components/card/types';
import type { CardCache } from '@/lib/content/card-cache';
import { back, backTo, current, push } from '@/lib/content/history';
import type { RecordFetch } from '@/lib/content/record';
import type { TextMatch } from '@/lib/scan/hittest';

/** A card the controller has open: the card's own state (CardCore) and where it sits on the page. */
export interface OpenCard extends CardCore {
  anchor: TextMatch | null;
  /** Fallback anchor rectangle (selection without a live match). */
  rect: DOMRect | null;
  returnFocus: HTMLElement | null;
  knownTimer?: ReturnType<typeof setTimeout>;
  /** Trainer stepping state, shown (as CardView.occurrences) while trainer mode is on and the card pinned. */
  occ: { index: number; count: number; focused: boolean } | null;
  modal: boolean;
}

export interface CardDeps {
  cache: CardCache;
  fetchRecord: RecordFetch;
  trainer(): boolean;
  /** Host attributes for theme and text size. */
  hostAttrs(): { theme: string | null; textSize: string | null };
  know(id: string, known: boolean): void;
  openSearch(query: string): void;
  /** Trainer mode helpers (page occurrences of a term). */
  occurrenceCount(termId: string): number;
  step(termId: string, dir: 1 | -1): number;
  /** Occurrence `index` of a term, in document order (the one a step went to: the dock keeps clear of it). */
  occurrence?(termId: string, index: number): TextMatch | null;
  focusAll(termId: string | null): void;
  /** Where the anchor term sits in the host's document (ContentPorts.citeLocation). */
  citeLocation?(m: TextMatch): string | null;
  /** Told when a card goes (the next-term key's ring goes with its card). */
  closed?(card: OpenCard): void;
}

const UNDO_MS = 6000;

/** A pinned card's trainer stepping state, kept where it was (-1: not started), counted afresh. */
export function trainerOcc(c: OpenCard, deps: CardDeps): NonNullable<OpenCard['occ']> {
  return { index: c.occ?.index ?? -1, count: deps.occurrenceCount(current(c.history).id), focused: !!c.occ?.focused };
}

/** The controller, as the actions see it. */
export interface ActionTarget {
  cards(): OpenCard[];
  deps: CardDeps;
  /** Show `termId` in `card` (from the cache when possible, else loading). */
  load(card: OpenCard, termId: string): void;
  focusCard(card: OpenCard): void;
  togglePin(card: OpenCard): void;
  close(card: OpenCard): void;
  render(): void;
  /** The occurrence the reader is looking at now (lib/content/dock.ts keeps the dock clear of it). */
  setActive(m: TextMatch | null): void;
  /** Trainer dock: move card `key` (by `delta` places, or to `index` on `side`, or the column across). */
  dockMove(key: number, to: { delta: number } | { index: number; side: 'left' | 'right' } | 'flip'): void;
}

export function cardActions(key: number, t: ActionTarget): CardActions {
  const { deps } = t;
  const find = () => t.cards().find((c) => c.key === key);
  const withCard = (f: (c: OpenCard) => void) => () => {
    const c = find();
    if (c) f(c);
  };
  return {
    navigate: (id, label) => {
      const c = find();
      if (!c) return;
      c.history = push(c.history, id, label);
      t.load(c, id);
      t.focusCard(c);
    },
    back: withCard((c) => {
      c.history = back(c.history);
      t.load(c, current(c.history).id);
    }),
    backTo: (i) => {
      const c = find();
      if (!c) return;
      c.history = backTo(c.history, i);
      t.load(c, current(c.history).id);
      t.focusCard(c);
    },
    togglePin: withCard((c) => t.togglePin(c)),
    close: withCard((c) => t.close(c)),
    search: (q) => deps.openSearch(q),
    know: (id, label) => {
      const c = find();
      if (!c) return;
      deps.know(id, true);
      if (c.knownTimer) clearTimeout(c.knownTimer);
      c.known = { id, label };
      c.knownTimer = setTimeout(() => {
        c.known = null;
        t.render();
      }, UNDO_MS);
      t.render();
    },
    undoKnow: withCard((c) => {
      if (!c.known) return;
      deps.know(c.known.id, false);
      if (c.knownTimer) clearTimeout(c.knownTimer);
      c.known = null;
      t.render();
    }),
    retry: withCard((c) => t.load(c, current(c.history).id)),
    step: (dir) => {
      const c = find();
      if (!c) return;
      const id = current(c.history).id;
      const count = deps.occurrenceCount(id);
      const index = deps.step(id, dir);
      c.occ = { index, count, focused: c.occ?.focused ?? false };
      t.setActive(index >= 0 ? (deps.occurrence?.(id, index) ?? null) : null);
      t.render();
    },
    dockMove: (delta) => t.dockMove(key, { delta }),
    dockTo: (index, side) => t.dockMove(key, { index, side }),
    dockFlip: () => t.dockMove(key, 'flip'),
    // No render: the button already shows its new state; this is what a re-mounted card starts from.
    disclose: (k, open) => {
      const c = find();
      if (c) c.disclosed = { ...c.disclosed, [k]: open };
    },
    toggleFocusAll: withCard((c) => {
      const id = current(c.history).id;
      const focused = !c.occ?.focused;
      for (const o of t.cards()) if (o !== c && o.occ) o.occ = { ...o.occ, focused: false };
      deps.focusAll(focused ? id : null);
      c.occ = { index: c.occ?.index ?? -1, count: deps.occurrenceCount(id), focused };
      t.render();
    }),
  };
}
