/**
 * The card controller: owns the open cards (one hover card, any number of pinned ones in trainer mode),
 * renders them into our shadow root, positions them with floating-ui and manages focus. The host element
 * joins the page (appended to <html>) only when a card is first prepared, and enters the top layer through
 * the Popover API so page dialogs, [popover] elements and fullscreen elements cannot cover it.
 * A hover card is prepared at the dwell: rendered, styled, laid out and placed while hidden, so showing
 * it at the hover delay is a visibility flip inside an animation frame (lib/content/hover-intent.ts).
 */
import { render } from 'preact';
import { CardLayer } from '@/components/card/CardLayer';
import { CARD_CSS } from '@/components/card/styles';
import { cardActions, type CardDeps, type OpenCard } from './card-model';
import { hideTopLayer, hostParent, pageIsBlocked, place, toTopLayer } from './placement';
import type { CardActions, CardState, CardView } from '@/components/card/types';
import { current, relabel, startHistory } from '@/lib/content/history';
import type { ShowTiming } from '@/lib/content/hover-intent';
import { markPainted } from '@/lib/content/timing';
import { liveRange, type TextMatch } from '@/lib/scan/hittest';
import { listen, type AppContext } from './context';
import { readerHint } from './reader-hint';

export const HOST_TAG = 'migration-lens-host';
export type { CardDeps, OpenCard };

export class CardController {
  readonly host: HTMLElement;
  private readonly mount: HTMLElement;
  private attached = false;
  cards: OpenCard[] = [];
  /**
   * The hover card prepared at the dwell, rendered hidden (no test id, visibility: hidden) and not in
   * `cards`, so Esc, P and the keyboard logic never see it before it is shown.
   */
  private pending: OpenCard | null = null;
  /** Identifies the preparation in flight; a lookup that returns after another one started is dropped. */
  private prepToken: object | null = null;
  private nextKey = 1;
  private actionCache = new Map<number, CardActions>();
  private disposed = false;
  private readonly resizes: ResizeObserver | null;
  private observed = new WeakSet<Element>();

  /** `ctx`: the page listeners end with it (see ./context.ts). */
  constructor(
    private readonly doc: Document,
    ctx: AppContext,
    private readonly deps: CardDeps,
  ) {
    this.host = doc.createElement(HOST_TAG);
    const shadow = this.host.attachShadow({ mode: 'open' });
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CARD_CSS);
      shadow.adoptedStyleSheets = [sheet];
    } catch {
      const style = doc.createElement('style'); // inside our own shadow root only
      style.textContent = CARD_CSS;
      shadow.append(style);
    }
    this.mount = doc.createElement('div');
    shadow.append(this.mount);
    // A card changes size without a render of ours (a disclosure opened, recommendations arrived):
    // place it again, so an expanded card grows inside the viewport (placement skips unchanged cards).
    this.resizes =
      typeof ResizeObserver === 'function'
        ? new ResizeObserver((entries) => {
            for (const e of entries) {
              const el = e.target as HTMLElement;
              const c = this.all().find((x) => String(x.key) === el.dataset.key);
              if (c && el.isConnected) this.place(c, el);
            }
          })
        : null;
    // Back on top when the page enters fullscreen after our card opened.
    listen(ctx, doc, 'fullscreenchange', () => {
      if (this.cards.length || this.pending) toTopLayer(this.host, doc, HOST_TAG);
    });
  }

  /** Close every card for good and take our host out of the page (the app's context ended). */
  dispose(): void {
    this.dropPending(false);
    for (const c of [...this.cards]) this.remove(c, false);
    this.resizes?.disconnect();
    render(null, this.mount);
    this.disposed = true;
    this.host.remove();
    this.attached = false;
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
    return !!node && (node === this.host || this.host.contains(node));
  }
  cardElement(key: number): HTMLElement | null {
    return this.host.shadowRoot!.querySelector<HTMLElement>(`[data-key="${key}"]`);
  }

  /**
   * Dwell: look the card up and render it hidden next to its term, so the show only reveals it.
   * Only found / not-found results are prepared; an error is retried by the show, as before.
   */
  prepareHover(m: TextMatch, isCurrent: () => boolean): void {
    this.dropPending(false);
    const token = {};
    this.prepToken = token;
    const prepare = (r: CardState) => {
      // Stale: the pointer moved on, or the card was shown (or another one prepared) meanwhile.
      if (this.prepToken !== token || !isCurrent() || r.status === 'error' || r.status === 'loading') return;
      this.prepToken = null;
      const card = this.make(m, null, { pinned: false, dialog: false });
      card.state = r;
      if (r.status === 'ready') card.history = relabel(card.history, m.termId, r.card.label);
      this.pending = card;
      this.render();
    };
    const hint = readerHint(m);
    const hit = this.deps.cache.peek(m.termId, hint);
    if (hit) return prepare(hit);
    void this.deps.cache.get(m.termId, hint).then(prepare);
  }

  /** The prepared hover was given up before it showed. */
  dropPending(rerender = true): void {
    this.prepToken = null;
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    this.actionCache.delete(p.key);
    if (rerender) this.render();
  }

  /**
   * Show the hover card for `m` (replacing the previous hover card). `when` comes from the hover intent:
   * called inside an animation frame, a prepared card is painted in that very frame.
   */
  showHover(m: TextMatch, dwellAt: number | null, when: ShowTiming | null = null): void {
    const p = this.pending;
    this.pending = this.prepToken = null;
    const old = this.hover;
    if (old) this.remove(old, false);
    if (p && p.anchor === m) {
      this.cards.push(p);
      const el = old ? null : this.cardElement(p.key);
      if (el) this.reveal(p, el);
      else this.render(); // an old card to take away too: the full render reveals and places it
      if (p.state.status === 'ready')
        markPainted(this.doc, {
          dwellAt,
          showAt: when?.at ?? performance.now(),
          dueAt: when?.dueAt ?? null,
          inFrame: !!when?.inFrame,
          cached: true,
          prepared: true,
        });
      return;
    }
    if (p) this.actionCache.delete(p.key); // prepared for another term: load() renders it away
    const card = this.open(m, null, { pinned: false, dialog: false });
    this.load(card, m.termId, dwellAt, when);
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
    this.load(card, termId, null);
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
      this.pin(hover);
      return hover;
    }
    if (hover) this.remove(hover, false);
    const returnFocus = this.activeOutside();
    const card = this.open(m, rect, { pinned: true, dialog: true });
    card.returnFocus = returnFocus;
    this.unpinOthers(card);
    this.load(card, termId, null);
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
    if (this.deps.trainer())
      card.occ = { index: -1, count: this.deps.occurrenceCount(current(card.history).id), focused: false };
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
    if (!this.deps.trainer()) for (const c of this.cards) if (c.occ?.focused) this.deps.focusAll(null);
    for (const c of this.cards)
      c.occ =
        this.deps.trainer() && c.pinned
          ? {
              index: c.occ?.index ?? -1,
              count: this.deps.occurrenceCount(current(c.history).id),
              focused: c.occ?.focused ?? false,
            }
          : null;
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
    return {
      key: this.nextKey++,
      anchor,
      rect,
      history: startHistory(anchor?.termId ?? ''),
      state: { status: 'loading', termId: '' },
      pinned: o.pinned,
      dialog: o.dialog,
      returnFocus: null,
      known: null,
      occ: null,
      modal: o.pinned && pageIsBlocked(this.doc),
    };
  }

  /** Show `termId` in `card`: synchronously from the cache when possible (one-frame paint), else loading. */
  private load(card: OpenCard, termId: string, dwellAt: number | null, when: ShowTiming | null = null): void {
    const showAt = when?.at ?? performance.now();
    if (card.history.stack.length === 1 && !card.history.stack[0]?.id) card.history = startHistory(termId);
    if (card.pinned && this.deps.trainer())
      card.occ = { index: -1, count: this.deps.occurrenceCount(termId), focused: false };
    // The anchor's own term is shown as the reader met it (its language); related entries in English.
    const hint = card.anchor?.termId === termId ? readerHint(card.anchor) : undefined;
    const hit = this.deps.cache.peek(termId, hint);
    const done = (r: CardState, cached: boolean, now = false) => {
      // Stale: the card was closed or navigated elsewhere while the lookup ran.
      if (!this.cards.includes(card) || current(card.history).id !== termId) return;
      card.state = r;
      if (r.status === 'ready') card.history = relabel(card.history, termId, r.card.label);
      this.render();
      if (r.status === 'ready' && !card.pinned) {
        // Only a card rendered right now, in the show's frame callback, is painted in that frame.
        markPainted(this.doc, {
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
    this.render();
    void this.deps.cache.get(termId, hint).then((r) => done(r, false));
  }

  private remove(card: OpenCard, restoreFocus: boolean): void {
    this.cards = this.cards.filter((c) => c !== card);
    this.actionCache.delete(card.key);
    if (card.knownTimer) clearTimeout(card.knownTimer);
    if (card.occ?.focused) this.deps.focusAll(null);
    this.deps.closed?.(card);
    if (restoreFocus && card.returnFocus?.isConnected) card.returnFocus.focus({ preventScroll: true });
  }

  private activeOutside(): HTMLElement | null {
    const a = this.doc.activeElement as HTMLElement | null;
    return a && !this.contains(a) && a !== this.doc.body ? a : null;
  }

  private focusCard(card: OpenCard): void {
    // After render: the element exists once Preact committed (render is synchronous).
    this.cardElement(card.key)?.focus({ preventScroll: true });
  }

  private actions(key: number): CardActions {
    let a = this.actionCache.get(key);
    if (!a) {
      a = cardActions(key, {
        cards: () => this.cards,
        deps: this.deps,
        load: (c, id) => this.load(c, id, null),
        focusCard: (c) => this.focusCard(c),
        togglePin: (c) => this.togglePin(c),
        close: (c) => this.close(c),
        render: () => this.render(),
      });
      this.actionCache.set(key, a);
    }
    return a;
  }

  /** Every card to render: the open ones, then the prepared (hidden) hover card. */
  private all(): OpenCard[] {
    return this.pending ? [...this.cards, this.pending] : this.cards;
  }

  private views(): CardView[] {
    const trainer = this.deps.trainer();
    // The open card is a CardCore already; the view adds what is decided for all cards at once.
    const where = this.deps.citeLocation;
    return this.all().map((c) => ({
      ...c,
      trainer,
      occurrences: trainer && c.pinned ? c.occ : null,
      pending: c === this.pending,
      // Only while the card shows the term at its anchor, not a related one followed from it.
      location: where && c.anchor && current(c.history).id === c.anchor.termId ? where(c.anchor) : null,
    }));
  }

  render(): void {
    if (this.disposed) return; // a lookup that was in flight when the context ended
    const all = this.all();
    if (!all.length) {
      render(null, this.mount);
      if (this.attached) hideTopLayer(this.host);
      return;
    }
    this.attach();
    const { theme, textSize } = this.deps.hostAttrs();
    this.setAttr('data-theme', theme);
    this.setAttr('data-text-size', textSize);
    render(
      <CardLayer views={this.views()} actions={(k) => this.actions(k)} env={{ fetchRecord: this.deps.fetchRecord }} />,
      this.mount,
    );
    this.attach(); // follows page dialogs and fullscreen, outside which everything is inert
    toTopLayer(this.host, this.doc, HOST_TAG);
    for (const c of all) {
      if (c.modal) {
        const d = this.host.shadowRoot!.querySelector<HTMLDialogElement>(`dialog[data-modal-key="${c.key}"]`);
        try {
          if (d && !d.open) d.showModal();
        } catch {
          /* not connected */
        }
      }
      const el = this.cardElement(c.key);
      if (el) {
        if (this.resizes && !this.observed.has(el)) {
          this.observed.add(el);
          this.resizes.observe(el);
        }
        this.place(c, el);
      }
    }
  }

  /**
   * The show of a prepared card, in the animation frame callback: no Preact render, just its two
   * attributes (the next render sets the same ones, since its view is no longer pending), the host
   * back on top if a page dialog opened meanwhile, and a new position in case the page scrolled.
   */
  private reveal(card: OpenCard, el: HTMLElement): void {
    el.removeAttribute('data-pending');
    el.setAttribute('data-testid', 'ml-popover');
    this.attach();
    toTopLayer(this.host, this.doc, HOST_TAG);
    this.place(card, el);
  }

  private place(c: OpenCard, el: HTMLElement): void {
    const range = c.anchor && c.anchor.startNode.isConnected ? liveRange(c.anchor) : null;
    // A pinned card may cover its own term rather than scroll; a hover card keeps the term in view.
    place(el, range ? () => range.getBoundingClientRect() : c.rect ? () => c.rect! : null, { mayCover: c.pinned });
  }

  private setAttr(name: string, v: string | null): void {
    if (v === null) {
      if (this.host.hasAttribute(name)) this.host.removeAttribute(name);
    } else if (this.host.getAttribute(name) !== v) this.host.setAttribute(name, v);
  }

  private attach(): void {
    const parent = hostParent(this.doc, this.host);
    if (this.attached && this.host.parentNode === parent) return;
    if ('popover' in this.host) this.host.popover = 'manual';
    parent.append(this.host);
    this.attached = true;
  }
}
