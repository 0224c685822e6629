/**
 * The card controller: owns the open cards (one hover card, any number of pinned ones in trainer mode),
 * decides where each goes — at its term (floating-ui, ./placement.ts) or, pinned in trainer mode, in
 * the dock column (./dock.ts) — and manages focus. Our element in the page, its shadow root and the top
 * layer are ./card-host.tsx's; the views, placement and dock ./card-layout.tsx's; looking entries up
 * ./card-load.ts's; what the buttons and keys inside a card do ./card-model.ts's.
 * A hover card is prepared at the dwell: rendered, styled, laid out and placed while hidden, so showing
 * it at the hover delay is a visibility flip inside an animation frame (lib/content/hover-intent.ts).
 */
import { cardActions, trainerOcc, type CardDeps, type OpenCard } from './card-model';
import { HOST_TAG } from './card-host';
import { CardLayout } from './card-layout';
import { loadCard, markShown, newCard, PreparedHover, type LoadTarget } from './card-load';
import { pageIsBlocked } from './placement';
import type { CardActions } from '@/components/card/types';
import { current } from '@/lib/content/history';
import type { ShowTiming } from '@/lib/content/hover-intent';
import type { TextMatch } from '@/lib/scan/hittest';
import type { AppContext } from './context';

export { HOST_TAG };
export type { CardDeps, OpenCard };

export class CardController {
  private readonly layout: CardLayout;
  private readonly loader: LoadTarget;
  cards: OpenCard[] = [];
  private readonly prepared: PreparedHover;
  private nextKey = 1;
  private actionCache = new Map<number, CardActions>();

  /** `ctx`: the page listeners end with it (see ./context.ts). `host`: our (empty) element, if made already. */
  constructor(
    private readonly doc: Document,
    ctx: AppContext,
    private readonly deps: CardDeps,
    host?: HTMLElement,
  ) {
    this.prepared = new PreparedHover(
      deps.cache,
      (m) => this.make(m, null, { pinned: false, dialog: false }),
      () => this.render(),
    );
    this.loader = { deps, doc, isOpen: (c) => this.cards.includes(c), render: () => this.render() };
    this.layout = new CardLayout(
      doc,
      ctx,
      {
        deps,
        all: () => this.all(),
        pending: () => this.prepared.card,
        actions: (k) => this.actions(k),
      },
      host,
    );
  }

  get host(): HTMLElement {
    return this.layout.view.host;
  }

  /** Close every card for good and take our host out of the page (the app's context ended). */
  dispose(): void {
    this.dropPending(false);
    for (const c of [...this.cards]) this.remove(c, false);
    this.layout.dispose();
  }

  get hover(): OpenCard | undefined {
    return this.cards.find((c) => !c.pinned);
  }
  get top(): OpenCard | undefined {
    return this.cards[this.cards.length - 1];
  }
  isPinnedAnchor(m: TextMatch): boolean {
    return this.cards.some((c) => c.pinned && c.anchor === m);
  }
  contains(node: Node | null): boolean {
    return this.layout.view.contains(node);
  }
  cardElement(key: number): HTMLElement | null {
    return this.layout.view.cardElement(key);
  }

  /**
   * Dwell: look the card up and render it hidden next to its term, so the show only reveals it.
   * Only found / not-found results are prepared; an error is retried by the show, as before.
   */
  prepareHover(m: TextMatch, isCurrent: () => boolean): void {
    this.dropPending(false);
    this.prepared.prepare(m, isCurrent);
  }

  /** The prepared hover was given up before it showed. */
  dropPending(rerender = true): void {
    const p = this.prepared.drop();
    if (!p) return;
    this.actionCache.delete(p.key);
    if (rerender) this.render();
  }

  /**
   * Show the hover card for `m` (replacing the previous hover card). `when` comes from the hover intent:
   * called inside an animation frame, a prepared card is painted in that very frame.
   */
  showHover(m: TextMatch, dwellAt: number | null, when: ShowTiming | null = null): void {
    const p = this.prepared.drop();
    const old = this.hover;
    if (old) this.remove(old, false);
    if (p && p.anchor === m) {
      this.cards.push(p);
      const el = old ? null : this.cardElement(p.key);
      if (el) this.layout.reveal(p, el);
      else this.render(); // an old card to take away too: the full render reveals and places it
      if (p.state.status === 'ready') markShown(this.doc, dwellAt, when);
      return;
    }
    if (p) this.actionCache.delete(p.key); // prepared for another term: load() renders it away
    const card = this.open(m, null, { pinned: false, dialog: false });
    loadCard(this.loader, card, m.termId, dwellAt, when);
  }

  hideHover(): void {
    const h = this.hover;
    if (h) {
      this.remove(h, false);
      this.render();
    }
  }

  /**
   * A card at `rect` with no term of this document under it: a term in an iframe (./frame-cards.ts).
   * A hover card replaces the hover card; a pinned one opens as a click on a term would.
   */
  showAt(termId: string, rect: DOMRect, pinned: boolean): OpenCard {
    if (pinned) return this.openPinned(null, termId, rect);
    this.dropPending(false);
    const old = this.hover;
    if (old) this.remove(old, false);
    const card = this.open(null, rect, { pinned: false, dialog: false });
    loadCard(this.loader, card, termId, null, null);
    return card;
  }

  /** Pinned dialog card for `m` (click on a term, keyboard command). Focus moves into it. */
  openPinned(m: TextMatch | null, termId: string, rect: DOMRect | null = null): OpenCard {
    this.dropPending();
    const existing = this.cards.find(
      (c) => c.pinned && current(c.history).id === termId && (m === null || c.anchor === m),
    );
    if (existing) {
      this.focusCard(existing);
      return existing;
    }
    const hover = this.hover;
    if (hover && current(hover.history).id === termId && (m === null || hover.anchor === m)) {
      this.layout.activate(m);
      this.pin(hover);
      return hover;
    }
    if (hover) this.remove(hover, false);
    this.layout.activate(m);
    const returnFocus = this.activeOutside();
    const card = this.open(m, rect, { pinned: true, dialog: true });
    card.returnFocus = returnFocus;
    this.unpinOthers(card);
    loadCard(this.loader, card, termId, null, null);
    this.focusCard(card);
    return card;
  }

  pin(card: OpenCard): void {
    if (card.pinned) return;
    card.pinned = true;
    card.dialog = true;
    card.modal = pageIsBlocked(this.doc);
    card.returnFocus = this.activeOutside();
    this.unpinOthers(card);
    // Pinned cards go on top.
    this.cards = [...this.cards.filter((c) => c !== card), card];
    if (this.deps.trainer()) card.occ = trainerOcc(card, this.deps);
    this.render();
    this.focusCard(card);
  }

  togglePin(card: OpenCard): void {
    if (!card.pinned) return this.pin(card);
    this.close(card); // unpinning a card closes it: the pointer is elsewhere by then
  }

  close(card: OpenCard): void {
    this.remove(card, true);
    this.render();
  }

  closeTop(): boolean {
    const t = this.top;
    if (!t) return false;
    this.close(t);
    return true;
  }

  /** Trainer stepping from the page-level shortcut (Alt+. / Alt+,). */
  stepCard(card: OpenCard, dir: 1 | -1): void {
    this.actions(card.key).step(dir);
  }

  /** Settings changed (theme, size, trainer mode): re-render every card. */
  refresh(): void {
    const on = this.deps.trainer();
    for (const c of this.cards) {
      if (!on && c.occ?.focused) this.deps.focusAll(null);
      c.occ = on && c.pinned ? trainerOcc(c, this.deps) : null;
    }
    if (this.cards.length) this.render();
  }

  // ---- internals ----

  private unpinOthers(card: OpenCard): void {
    // Several pinned cards only in trainer mode; otherwise the newest pin replaces the older one.
    if (this.deps.trainer()) return;
    for (const c of [...this.cards]) if (c !== card && c.pinned) this.remove(c, false);
  }

  private open(anchor: TextMatch | null, rect: DOMRect | null, o: { pinned: boolean; dialog: boolean }): OpenCard {
    const card = this.make(anchor, rect, o);
    this.cards.push(card);
    return card;
  }

  private make(anchor: TextMatch | null, rect: DOMRect | null, o: { pinned: boolean; dialog: boolean }): OpenCard {
    return newCard(this.nextKey++, anchor, rect, { ...o, modal: o.pinned && pageIsBlocked(this.doc) });
  }

  private remove(card: OpenCard, restoreFocus: boolean): void {
    this.cards = this.cards.filter((c) => c !== card);
    this.actionCache.delete(card.key);
    this.layout.forget(card.key);
    if (card.knownTimer) clearTimeout(card.knownTimer);
    if (card.occ?.focused) this.deps.focusAll(null);
    this.deps.closed?.(card);
    if (restoreFocus && card.returnFocus?.isConnected) card.returnFocus.focus({ preventScroll: true });
  }

  private activeOutside(): HTMLElement | null {
    const a = this.doc.activeElement as HTMLElement | null;
    return a && !this.contains(a) && a !== this.doc.body ? a : null;
  }

  private focusCard(card: OpenCard | number): void {
    // After render: the element exists once Preact committed (render is synchronous).
    const el = this.cardElement(typeof card === 'number' ? card : card.key);
    el?.focus({ preventScroll: true });
    if (el) this.layout.showInDock(el);
  }

  private actions(key: number): CardActions {
    let a = this.actionCache.get(key);
    if (!a) {
      a = cardActions(key, {
        cards: () => this.cards,
        deps: this.deps,
        load: (c, id) => loadCard(this.loader, c, id, null, null),
        focusCard: (c) => this.focusCard(c),
        togglePin: (c) => this.togglePin(c),
        close: (c) => this.close(c),
        render: () => this.render(),
        setActive: (m) => this.layout.setActive(m),
        dockMove: (k, to) => {
          if (!this.layout.moveDocked(k, to)) return;
          this.render();
          this.focusCard(k); // a moved element may lose focus
        },
      });
      this.actionCache.set(key, a);
    }
    return a;
  }

  render(): void {
    this.layout.render();
  }

  /** Every card to render: the open ones, then the prepared (hidden) hover card. */
  private all(): OpenCard[] {
    const p = this.prepared.card;
    return p ? [...this.cards, p] : this.cards;
  }

  /** The presenter key reached `m` (term `index` of `count` on the page): its card, docked; the last one goes. */
  present(m: TextMatch, index: number, count: number): OpenCard {
    const was = this.layout.presented;
    const prev = was && this.cards.find((c) => c.key === was.key);
    const card = this.openPinned(m, m.termId);
    if (prev && prev !== card) this.remove(prev, false);
    this.layout.presented = { key: card.key, index, count };
    this.layout.activate(m);
    this.render();
    this.focusCard(card);
    return card;
  }
}
