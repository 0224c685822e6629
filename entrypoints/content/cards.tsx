/**
 * The card controller: owns the open cards (one hover card, any number of pinned ones in trainer mode),
 * renders them into our shadow root, positions them with floating-ui and manages focus. The host element
 * joins the page (appended to <html>) only when a card is first shown, and enters the top layer through
 * the Popover API so page dialogs, [popover] elements and fullscreen elements cannot cover it.
 */
import { render } from 'preact';
import { CardLayer } from '@/components/card/CardLayer';
import { CARD_CSS } from '@/components/card/styles';
import { hideTopLayer, hostParent, pageIsBlocked, place, toTopLayer } from './placement';
import type { CardActions, CardState, CardView } from '@/components/card/types';
import type { CardCache } from '@/lib/content/card-cache';
import { back, backTo, current, push, relabel, startHistory, type CardHistory } from '@/lib/content/history';
import type { RecordFetch } from '@/lib/content/record';
import { markPaintedNextFrame } from '@/lib/content/timing';
import { liveRange, type TextMatch } from '@/lib/scan/hittest';

export const HOST_TAG = 'migration-lens-host';
const UNDO_MS = 6000;

export interface OpenCard {
  key: number;
  anchor: TextMatch | null;
  /** Fallback anchor rectangle (selection without a live match). */
  rect: DOMRect | null;
  history: CardHistory;
  state: CardState;
  pinned: boolean;
  dialog: boolean;
  returnFocus: HTMLElement | null;
  known: { id: string; label: string } | null;
  knownTimer?: ReturnType<typeof setTimeout>;
  occ: { index: number; count: number; focused: boolean } | null;
  /** See CardView.modal. */
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
  focusAll(termId: string | null): void;
}

export class CardController {
  readonly host: HTMLElement;
  private readonly mount: HTMLElement;
  private attached = false;
  cards: OpenCard[] = [];
  private nextKey = 1;
  private actionCache = new Map<number, CardActions>();

  constructor(private readonly doc: Document, private readonly deps: CardDeps) {
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
    // Back on top when the page enters fullscreen after our card opened.
    doc.addEventListener('fullscreenchange', () => { if (this.cards.length) toTopLayer(this.host, doc, HOST_TAG); });
  }

  get hover(): OpenCard | undefined { return this.cards.find((c) => !c.pinned); }
  get top(): OpenCard | undefined { return this.cards[this.cards.length - 1]; }
  isPinnedAnchor(m: TextMatch): boolean { return this.cards.some((c) => c.pinned && c.anchor === m); }
  contains(node: Node | null): boolean { return !!node && (node === this.host || this.host.contains(node)); }
  cardElement(key: number): HTMLElement | null {
    return this.host.shadowRoot!.querySelector<HTMLElement>(`[data-key="${key}"]`);
  }

  /** Show the hover card for `m` (replacing the previous hover card). */
  showHover(m: TextMatch, dwellAt: number | null): void {
    const old = this.hover;
    if (old) this.remove(old, false);
    const card = this.open(m, null, { pinned: false, dialog: false });
    this.load(card, m.termId, dwellAt);
  }

  hideHover(): void {
    const h = this.hover;
    if (h) { this.remove(h, false); this.render(); }
  }

  /** Pinned dialog card for `m` (click on a term, keyboard command). Focus moves into it. */
  openPinned(m: TextMatch | null, termId: string, rect: DOMRect | null = null): OpenCard {
    const existing = this.cards.find((c) => c.pinned && current(c.history).id === termId && (m === null || c.anchor === m));
    if (existing) { this.focusCard(existing); return existing; }
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
    if (this.deps.trainer()) card.occ = { index: -1, count: this.deps.occurrenceCount(current(card.history).id), focused: false };
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
  stepCard(card: OpenCard, dir: 1 | -1): void { this.actions(card.key).step(dir); }

  /** Settings changed (theme, size, trainer mode): re-render every card. */
  refresh(): void {
    if (!this.deps.trainer()) for (const c of this.cards) if (c.occ?.focused) this.deps.focusAll(null);
    for (const c of this.cards) c.occ = this.deps.trainer() && c.pinned ? { index: c.occ?.index ?? -1, count: this.deps.occurrenceCount(current(c.history).id), focused: c.occ?.focused ?? false } : null;
    if (this.cards.length) this.render();
  }

  // ---- internals ----


  private unpinOthers(card: OpenCard): void {
    // Several pinned cards only in trainer mode; otherwise the newest pin replaces the older one.
    if (this.deps.trainer()) return;
    for (const c of [...this.cards]) if (c !== card && c.pinned) this.remove(c, false);
  }

  private open(anchor: TextMatch | null, rect: DOMRect | null, o: { pinned: boolean; dialog: boolean }): OpenCard {
    const card: OpenCard = {
      key: this.nextKey++, anchor, rect, history: startHistory(anchor?.termId ?? ''), state: { status: 'loading', termId: '' },
      pinned: o.pinned, dialog: o.dialog, returnFocus: null, known: null, occ: null, modal: o.pinned && pageIsBlocked(this.doc),
    };
    this.cards.push(card);
    return card;
  }

  /** Show `termId` in `card`: synchronously from the cache when possible (one-frame paint), else loading. */
  private load(card: OpenCard, termId: string, dwellAt: number | null): void {
    const showAt = performance.now();
    if (card.history.stack.length === 1 && !card.history.stack[0].id) card.history = startHistory(termId);
    if (card.pinned && this.deps.trainer()) card.occ = { index: -1, count: this.deps.occurrenceCount(termId), focused: false };
    const hit = this.deps.cache.peek(termId);
    const done = (r: CardState, cached: boolean) => {
      // Stale: the card was closed or navigated elsewhere while the lookup ran.
      if (!this.cards.includes(card) || current(card.history).id !== termId) return;
      card.state = r;
      if (r.status === 'ready') card.history = relabel(card.history, termId, r.card.label);
      this.render();
      if (r.status === 'ready' && !card.pinned) markPaintedNextFrame(this.doc, dwellAt, showAt, cached);
    };
    if (hit) return done(hit, true);
    card.state = { status: 'loading', termId };
    this.render();
    void this.deps.cache.get(termId).then((r) => done(r, false));
  }

  private remove(card: OpenCard, restoreFocus: boolean): void {
    this.cards = this.cards.filter((c) => c !== card);
    this.actionCache.delete(card.key);
    if (card.knownTimer) clearTimeout(card.knownTimer);
    if (card.occ?.focused) this.deps.focusAll(null);
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
    if (a) return a;
    const find = () => this.cards.find((c) => c.key === key);
    const withCard = (f: (c: OpenCard) => void) => () => { const c = find(); if (c) f(c); };
    a = {
      navigate: (id, label) => { const c = find(); if (!c) return; c.history = push(c.history, id, label); this.load(c, id, null); this.focusCard(c); },
      back: withCard((c) => { c.history = back(c.history); this.load(c, current(c.history).id, null); }),
      backTo: (i) => { const c = find(); if (!c) return; c.history = backTo(c.history, i); this.load(c, current(c.history).id, null); this.focusCard(c); },
      togglePin: withCard((c) => this.togglePin(c)),
      close: withCard((c) => this.close(c)),
      search: (q) => this.deps.openSearch(q),
      know: (id, label) => {
        const c = find(); if (!c) return;
        this.deps.know(id, true);
        if (c.knownTimer) clearTimeout(c.knownTimer);
        c.known = { id, label };
        c.knownTimer = setTimeout(() => { c.known = null; this.render(); }, UNDO_MS);
        this.render();
      },
      undoKnow: withCard((c) => {
        if (!c.known) return;
        this.deps.know(c.known.id, false);
        if (c.knownTimer) clearTimeout(c.knownTimer);
        c.known = null;
        this.render();
      }),
      retry: withCard((c) => this.load(c, current(c.history).id, null)),
      step: (dir) => {
        const c = find(); if (!c) return;
        const id = current(c.history).id;
        const count = this.deps.occurrenceCount(id);
        const index = this.deps.step(id, dir);
        c.occ = { index, count, focused: c.occ?.focused ?? false };
        this.render();
      },
      toggleFocusAll: withCard((c) => {
        const id = current(c.history).id;
        const focused = !c.occ?.focused;
        for (const o of this.cards) if (o !== c && o.occ) o.occ = { ...o.occ, focused: false };
        this.deps.focusAll(focused ? id : null);
        c.occ = { index: c.occ?.index ?? -1, count: this.deps.occurrenceCount(id), focused };
        this.render();
      }),
    };
    this.actionCache.set(key, a);
    return a;
  }

  private views(): CardView[] {
    const trainer = this.deps.trainer();
    return this.cards.map((c) => ({
      key: c.key, state: c.state, history: c.history, pinned: c.pinned, dialog: c.dialog, trainer,
      known: c.known, occurrences: trainer && c.pinned ? c.occ : null, modal: c.modal,
    }));
  }

  render(): void {
    if (!this.cards.length) {
      render(null, this.mount);
      if (this.attached) hideTopLayer(this.host);
      return;
    }
    this.attach();
    const { theme, textSize } = this.deps.hostAttrs();
    this.setAttr('data-theme', theme);
    this.setAttr('data-text-size', textSize);
    render(<CardLayer views={this.views()} actions={(k) => this.actions(k)} env={{ fetchRecord: this.deps.fetchRecord }} />, this.mount);
    this.attach(); // follows page dialogs and fullscreen, outside which everything is inert
    toTopLayer(this.host, this.doc, HOST_TAG);
    for (const c of this.cards) {
      if (c.modal) {
        const d = this.host.shadowRoot!.querySelector<HTMLDialogElement>(`dialog[data-modal-key="${c.key}"]`);
        try { if (d && !d.open) d.showModal(); } catch { /* not connected */ }
      }
      const el = this.cardElement(c.key);
      if (!el) continue;
      const range = c.anchor && c.anchor.startNode.isConnected ? liveRange(c.anchor) : null;
      place(el, range ? () => range.getBoundingClientRect() : c.rect ? () => c.rect! : null);
    }
  }

  private setAttr(name: string, v: string | null): void {
    if (v === null) { if (this.host.hasAttribute(name)) this.host.removeAttribute(name); }
    else if (this.host.getAttribute(name) !== v) this.host.setAttribute(name, v);
  }

  private attach(): void {
    const parent = hostParent(this.doc, this.host);
    if (this.attached && this.host.parentNode === parent) return;
    if ('popover' in this.host) this.host.popover = 'manual';
    parent.append(this.host);
    this.attached = true;
  }
}
