/**
 * The cards as the content app sees them before and after the card UI bundle is loaded
 * (./card-ui.ts): the same calls as the card controller, answered by it once it is there. Until then
 * there is no card open, and the one card asked for meanwhile (a hover, a pin, the presenter) is
 * kept and shown when the bundle arrives; asking for another one replaces it (a hover never replaces
 * a pinned card), and a hover given up (the pointer left) is dropped. Our element exists from the start, empty and outside the page, so the
 * scanner and the page listeners can tell it apart exactly as before.
 */
import type { ShowTiming } from '@/lib/content/hover-intent';
import { t } from '@/lib/i18n/t';
import type { TextMatch } from '@/lib/scan/hittest';
import type { CardDeps, OpenCard } from './card-model';
import type { CardUi, UiLoader } from './card-ui';
import type { AppContext } from './context';
import { HOST_TAG } from './host-tag';
import { markUiLoaded } from './timing';

type Queued = { kind: 'hover' | 'pinned'; run: (ui: CardUi) => void };

export class LazyCards {
  readonly host: HTMLElement;
  private ui: CardUi | null = null;
  private queued: Queued | null = null;
  private disposed = false;

  constructor(
    private readonly doc: Document,
    private readonly ctx: AppContext,
    private readonly deps: CardDeps,
    private readonly loader: UiLoader,
  ) {
    this.host = doc.createElement(HOST_TAG);
  }

  /** Whether the card UI is loaded and running. */
  get loaded(): boolean {
    return !!this.ui;
  }

  /** The pointer is over a term: start loading, so the card it may lead to need not wait. */
  warm(): void {
    if (!this.ui) void this.ready();
  }

  /** The card controller, loaded if need be; null if loading failed or the app ended meanwhile. */
  ready(): Promise<CardUi | null> {
    if (this.ui) return Promise.resolve(this.ui);
    const asked = performance.now();
    return this.loader.load().then((m) => {
      if (!m || this.disposed || !this.ctx.isValid) return null;
      if (!this.ui) {
        this.ui = m.createCardUi({ doc: this.doc, ctx: this.ctx, host: this.host, deps: this.deps, t });
        markUiLoaded(this.doc, performance.now() - asked);
      }
      return this.ui;
    });
  }

  get cards(): readonly OpenCard[] {
    return this.ui?.cards ?? [];
  }
  get hover(): OpenCard | undefined {
    return this.ui?.hover;
  }
  get top(): OpenCard | undefined {
    return this.ui?.top;
  }
  isPinnedAnchor(m: TextMatch): boolean {
    return !!this.ui?.isPinnedAnchor(m);
  }

  prepareHover(m: TextMatch, isCurrent: () => boolean): void {
    this.when('hover', (ui) => {
      if (isCurrent()) ui.prepareHover(m, isCurrent);
    });
  }

  dropPending(): void {
    if (this.ui) this.ui.dropPending();
    else if (this.queued?.kind === 'hover') this.queued = null;
  }

  /** `when` only applies to a card shown now: one that waited for the bundle is shown without it. */
  showHover(m: TextMatch, dwellAt: number | null, when: ShowTiming | null = null): void {
    if (this.ui) return this.ui.showHover(m, dwellAt, when);
    this.when('hover', (ui) => ui.showHover(m, dwellAt, null));
  }

  hideHover(): void {
    if (this.ui) this.ui.hideHover();
    else if (this.queued?.kind === 'hover') this.queued = null;
  }

  openPinned(m: TextMatch | null, termId: string): void {
    this.when('pinned', (ui) => ui.openPinned(m, termId));
  }

  present(m: TextMatch, index: number, count: number): void {
    this.when('pinned', (ui) => ui.present(m, index, count));
  }

  // Only reachable with a card open, hence with the UI loaded.
  togglePin(card: OpenCard): void {
    this.ui?.togglePin(card);
  }
  closeTop(): boolean {
    return !!this.ui?.closeTop();
  }
  stepCard(card: OpenCard, dir: 1 | -1): void {
    this.ui?.stepCard(card, dir);
  }
  refresh(): void {
    this.ui?.refresh();
  }

  dispose(): void {
    this.disposed = true;
    this.queued = null;
    this.ui?.dispose();
    this.host.remove();
  }

  /** Run `f` now if the UI is loaded, else once it is, unless something else was asked for meanwhile. */
  private when(kind: Queued['kind'], f: (ui: CardUi) => void): void {
    if (this.ui) return f(this.ui);
    if (kind === 'hover' && this.queued?.kind === 'pinned') return; // the pinned card the reader asked for first
    const q: Queued = { kind, run: f };
    this.queued = q;
    void this.ready().then((ui) => {
      if (this.queued !== q) return;
      this.queued = null;
      if (ui) q.run(ui);
    });
  }
}
