/**
 * Filling an open card with its entry: a new card's initial state, and the lookup through the card
 * cache — synchronous when the entry is cached, so the card paints in the frame it is shown in — with
 * the paint timing recorded for hover cards (./timing.ts; docs in tests/bench/README.md) — and the
 * hover card prepared at the dwell (looked up and rendered hidden, so the show only reveals it).
 */
import type { CardState } from '@/components/card/types';
import { current, relabel, startHistory } from '@/lib/content/history';
import type { ShowTiming } from '@/lib/content/hover-intent';
import { markPainted } from '@/lib/content/timing';
import type { TextMatch } from '@/lib/scan/hittest';
import type { CardCache } from './card-cache';
import type { CardDeps, OpenCard } from './card-model';
import { readerHint } from './reader-hint';

export function newCard(
  key: number,
  anchor: TextMatch | null,
  rect: DOMRect | null,
  o: { pinned: boolean; dialog: boolean; modal: boolean },
): OpenCard {
  return {
    key,
    anchor,
    rect,
    history: startHistory(anchor?.termId ?? ''),
    state: { status: 'loading', termId: '' },
    pinned: o.pinned,
    dialog: o.dialog,
    returnFocus: null,
    known: null,
    occ: null,
    modal: o.modal,
  };
}

/** What loading needs from the card controller. */
export interface LoadTarget {
  deps: CardDeps;
  doc: Document;
  /** The card is still open (a lookup that returns for a closed card is dropped). */
  isOpen(card: OpenCard): boolean;
  render(): void;
}

/** A prepared hover card was shown (revealed in the show's frame): its paint timing. */
export function markShown(doc: Document, dwellAt: number | null, when: ShowTiming | null): void {
  markPainted(doc, {
    dwellAt,
    showAt: when?.at ?? performance.now(),
    dueAt: when?.dueAt ?? null,
    inFrame: !!when?.inFrame,
    cached: true,
    prepared: true,
  });
}

/** Show `termId` in `card`: synchronously from the cache when possible (one-frame paint), else loading. */
export function loadCard(
  t: LoadTarget,
  card: OpenCard,
  termId: string,
  dwellAt: number | null,
  when: ShowTiming | null,
): void {
  const { deps } = t;
  const showAt = when?.at ?? performance.now();
  if (card.history.stack.length === 1 && !card.history.stack[0]?.id) card.history = startHistory(termId);
  if (card.pinned && deps.trainer()) card.occ = { index: -1, count: deps.occurrenceCount(termId), focused: false };
  // The anchor's own term is shown as the reader met it (its language); related entries in English.
  const hint = card.anchor?.termId === termId ? readerHint(card.anchor) : undefined;
  const hit = deps.cache.peek(termId, hint);
  const done = (r: CardState, cached: boolean, now = false) => {
    // Stale: the card was closed or navigated elsewhere while the lookup ran.
    if (!t.isOpen(card) || current(card.history).id !== termId) return;
    card.state = r;
    if (r.status === 'ready') card.history = relabel(card.history, termId, r.card.label);
    t.render();
    if (r.status === 'ready' && !card.pinned) {
      // Only a card rendered right now, in the show's frame callback, is painted in that frame.
      markPainted(t.doc, {
        dwellAt,
        showAt,
        dueAt: when?.dueAt ?? null,
        inFrame: now && !!when?.inFrame,
        cached,
        prepared: false,
      });
    }
  };
  if (hit) return done(hit, true, true);
  card.state = { status: 'loading', termId };
  t.render();
  void deps.cache.get(termId, hint).then((r) => done(r, false));
}

/**
 * The hover card prepared at the dwell, rendered hidden (no test id, visibility: hidden) and not among
 * the open cards, so Esc, P and the keyboard logic never see it before it is shown. Only found /
 * not-found results are prepared; an error is retried by the show, as before.
 */
export class PreparedHover {
  card: OpenCard | null = null;
  /** Identifies the preparation in flight; a lookup that returns after another one started is dropped. */
  private token: object | null = null;

  constructor(
    private readonly cache: CardCache,
    private readonly make: (m: TextMatch) => OpenCard,
    private readonly ready: () => void,
  ) {}

  prepare(m: TextMatch, isCurrent: () => boolean): void {
    const token = {};
    this.token = token;
    const prepare = (r: CardState) => {
      // Stale: the pointer moved on, or the card was shown (or another one prepared) meanwhile.
      if (this.token !== token || !isCurrent() || r.status === 'error' || r.status === 'loading') return;
      this.token = null;
      const card = this.make(m);
      card.state = r;
      if (r.status === 'ready') card.history = relabel(card.history, m.termId, r.card.label);
      this.card = card;
      this.ready();
    };
    const hint = readerHint(m);
    const hit = this.cache.peek(m.termId, hint);
    if (hit) return prepare(hit);
    void this.cache.get(m.termId, hint).then(prepare);
  }

  /** No preparation any more: the card that was prepared, if one was. */
  drop(): OpenCard | null {
    this.token = null;
    const c = this.card;
    this.card = null;
    return c;
  }
}
