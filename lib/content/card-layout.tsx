/**
 * Where the open cards go (the card controller's layout half, ./card-controller.tsx keeps which cards
 * are open): each card's view, the render into our host (./card-host.tsx), floating placement at the
 * term (./placement.ts) and, for pinned cards in trainer mode, the dock column (./dock.ts) that keeps
 * clear of the occurrence the reader is looking at.
 */
import { CardLayer } from '@/components/card/CardLayer';
import { CARD_STRINGS } from '@/components/card/strings';
import type { CardActions, CardView } from '@/components/card/types';
import { current } from '@/lib/content/history';
import { liveRange, type TextMatch } from '@/lib/scan/hittest';
import type { CardDeps, OpenCard } from './card-model';
import { CardHost } from './card-host';
import { listen, type AppContext } from './context';
import { Dock, settleDockSide, type DockSide } from './dock';
import { place } from './placement';

/** What the layout reads from the controller. */
export interface LayoutSource {
  deps: CardDeps;
  /** The open cards, then the prepared (hidden) hover card. */
  all(): OpenCard[];
  pending(): OpenCard | null;
  actions(key: number): CardActions;
}

/** How much of a focused docked card's top must be in the column's view (px). */
const SHOW_PX = 48;

export type DockMove = { delta: number } | { index: number; side: DockSide } | 'flip';

export class CardLayout {
  readonly view: CardHost;
  private readonly dock = new Dock();
  private dockStatus = '';
  /** The occurrence the reader is looking at (a pinned term, a step, the presenter): never under the dock. */
  active: TextMatch | null = null;
  /** The card the presenter key opened last, and the term's place among the page's terms. */
  presented: { key: number; index: number; count: number } | null = null;
  private settleFrame = 0;

  constructor(
    doc: Document,
    ctx: AppContext,
    private readonly src: LayoutSource,
    host?: HTMLElement,
  ) {
    // A card changes size without a render of ours (a disclosure opened, recommendations arrived):
    // place it again, so an expanded card grows inside the viewport (placement skips unchanged cards).
    this.view = new CardHost(
      doc,
      ctx,
      (el) => {
        const c = src.all().find((x) => String(x.key) === el.dataset.key);
        if (c) this.place(c, el);
      },
      () => src.all().some((c) => c !== src.pending()),
      host,
    );
    // The active occurrence moves with the page (a smooth scroll to it, the reader scrolling): the dock
    // goes to the other side when the occurrence would end up under it.
    const settle = () => {
      if (this.settleFrame || !this.dock.order.length) return;
      this.settleFrame = requestAnimationFrame(() => {
        this.settleFrame = 0;
        this.settleDock();
      });
    };
    listen(ctx, doc, 'scroll', settle, { capture: true, passive: true });
    if (doc.defaultView) listen(ctx, doc.defaultView, 'resize', settle, { passive: true });
  }

  dispose(): void {
    if (this.settleFrame) cancelAnimationFrame(this.settleFrame);
    this.view.dispose();
  }

  /** A card closed: nothing of it is kept. */
  forget(key: number): void {
    if (this.presented?.key === key) this.presented = null;
  }

  /**
   * A docked card got focus: its toolbar scrolled into the column's view (the column scrolls when its
   * cards are taller than the window; focus() is called with preventScroll, which moves nothing).
   */
  showInDock(el: HTMLElement): void {
    const dock = el.parentElement;
    if (!dock?.classList.contains('ml-dock')) return;
    const r = el.getBoundingClientRect();
    const d = dock.getBoundingClientRect();
    if (r.top < d.top || r.top > d.bottom - SHOW_PX) dock.scrollTop += r.top - d.top - 4;
  }

  /** A new occurrence is the one the reader looks at (a pinned term, the presenter): settled at render. */
  activate(m: TextMatch | null): void {
    if (!m || m === this.active) return;
    this.active = m;
    this.dock.held = false;
  }

  /** A step showed occurrence `m`: the column moves off it now if needed. */
  setActive(m: TextMatch | null): void {
    this.activate(m);
    this.settleDock();
  }

  /** Docked: pinned in trainer mode, on screen, and not inside our modal dialog (a page dialog is open). */
  docked(c: OpenCard): boolean {
    return c.pinned && !c.modal && c !== this.src.pending() && this.src.deps.trainer();
  }

  private views(): CardView[] {
    const trainer = this.src.deps.trainer();
    // The open card is a CardCore already; the view adds what is decided for all cards at once.
    const where = this.src.deps.citeLocation;
    const p = this.presented;
    return this.src.all().map((c) => ({
      ...c,
      trainer,
      occurrences: trainer && c.pinned ? c.occ : null,
      pending: c === this.src.pending(),
      docked: this.docked(c),
      presenting: p && p.key === c.key ? { index: p.index, count: p.count } : null,
      // Only while the card shows the term at its anchor, not a related one followed from it.
      location: where && c.anchor && current(c.history).id === c.anchor.termId ? where(c.anchor) : null,
    }));
  }

  render(): void {
    const all = this.src.all();
    const order = this.dock.sync(all.filter((c) => this.docked(c)).map((c) => c.key));
    const layer = all.length ? (
      <CardLayer
        views={this.views()}
        actions={(k) => this.src.actions(k)}
        env={{ fetchRecord: this.src.deps.fetchRecord }}
        dock={order.length ? { side: this.dock.side ?? 'right', order, status: this.dockStatus } : null}
      />
    ) : null;
    // The column's side is settled before placing: nothing is painted in between.
    this.view.render(layer, this.src.deps.hostAttrs(), all, (key, el) => {
      if (key === order[0]) this.settleDock();
      const c = all.find((x) => x.key === key);
      if (c) this.place(c, el);
    });
  }

  /** Reorder a docked card or move the column across (CardActions.dockMove / dockTo / dockFlip). */
  /** Reorder: false when `key` is not docked. The caller renders and refocuses. */
  moveDocked(key: number, to: DockMove): boolean {
    if (!this.dock.order.includes(key)) return false;
    if (to === 'flip') this.dock.flip();
    else if ('delta' in to) this.dock.move(key, to.delta);
    else {
      this.dock.moveTo(key, to.index);
      this.dock.side = to.side;
    }
    this.dock.held = true;
    const pos = this.dock.order.indexOf(key) + 1;
    this.dockStatus = CARD_STRINGS.moved(pos, this.dock.order.length, this.dock.side ?? 'right');
    return true;
  }

  /** The dock's side after a render, scroll or step: the reader's choice unless it would cover `active`. */
  private settleDock(): void {
    const m = this.active;
    settleDockSide(this.dock, this.view.dockElement(), m && m.startNode.isConnected ? liveRange(m) : null);
  }

  /** The show of a prepared card, in the animation frame callback: a reveal and a new position. */
  reveal(card: OpenCard, el: HTMLElement): void {
    this.view.reveal(el);
    this.place(card, el);
  }

  place(c: OpenCard, el: HTMLElement): void {
    if (this.docked(c)) {
      // In the column: whatever placement left on the element when it floated goes.
      for (const k of ['left', 'top', 'maxHeight', 'maxWidth'] as const) if (el.style[k]) el.style[k] = '';
      return;
    }
    const range = c.anchor && c.anchor.startNode.isConnected ? liveRange(c.anchor) : null;
    // A pinned card may cover its own term rather than scroll; a hover card keeps the term in view.
    place(el, range ? () => range.getBoundingClientRect() : c.rect ? () => c.rect! : null, { mayCover: c.pinned });
  }
}
