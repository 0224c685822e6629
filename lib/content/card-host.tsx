/**
 * Our element in the page: a custom element with an open shadow root holding the card styles and the
 * rendered cards. It joins the page (appended to <html>, or inside a page modal dialog or fullscreen
 * element, where everything else is inert) only when a card is first rendered, and enters the top
 * layer through the Popover API so page dialogs, [popover] elements and fullscreen elements cannot
 * cover it. What the cards are and where they go is the card controller's (./card-controller.tsx).
 */
import { render, type VNode } from 'preact';
import { CARD_CSS } from '@/components/card/styles';
import { hideTopLayer, hostParent, toTopLayer } from './placement';
import { listen, type AppContext } from './context';
import { HOST_TAG } from './host-tag';

export { HOST_TAG };

export class CardHost {
  readonly host: HTMLElement;
  private readonly mount: HTMLElement;
  private attached = false;
  private disposed = false;
  private readonly resizes: ResizeObserver | null;
  private observed = new WeakSet<Element>();

  /**
   * `onResize`: a card element changed size without a render of ours (a disclosure opened,
   * recommendations arrived). `showing`: whether any card is on screen (fullscreen re-stacking).
   * `host`: the element the content app created (empty, not in the page); a new one by default.
   */
  constructor(
    private readonly doc: Document,
    ctx: AppContext,
    onResize: (el: HTMLElement) => void,
    showing: () => boolean,
    host: HTMLElement = doc.createElement(HOST_TAG),
  ) {
    this.host = host;
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
    this.resizes =
      typeof ResizeObserver === 'function'
        ? new ResizeObserver((entries) => {
            for (const e of entries) if (e.target.isConnected) onResize(e.target as HTMLElement);
          })
        : null;
    // Back on top when the page enters fullscreen after our card opened.
    listen(ctx, doc, 'fullscreenchange', () => {
      if (showing()) toTopLayer(this.host, doc, HOST_TAG);
    });
  }

  contains(node: Node | null): boolean {
    return !!node && (node === this.host || this.host.contains(node));
  }

  cardElement(key: number): HTMLElement | null {
    return this.host.shadowRoot!.querySelector<HTMLElement>(`[data-key="${key}"]`);
  }

  dockElement(): HTMLElement | null {
    return this.host.shadowRoot!.querySelector<HTMLElement>('.ml-dock');
  }

  /** The focused element inside our shadow root, if any. */
  activeElement(): Element | null {
    return this.host.shadowRoot!.activeElement;
  }

  /**
   * Render `layer` (null: no card, the host leaves the top layer), open the modal wrappers of `modal`
   * cards, and hand every card element to `place` (observed for size changes from then on).
   */
  render(
    layer: VNode | null,
    attrs: { theme: string | null; textSize: string | null },
    keys: readonly { key: number; modal?: boolean }[],
    place: (key: number, el: HTMLElement) => void,
  ): void {
    if (this.disposed) return; // a lookup that was in flight when the context ended
    if (!layer) {
      render(null, this.mount);
      if (this.attached) hideTopLayer(this.host);
      return;
    }
    this.attach();
    this.setAttr('data-theme', attrs.theme);
    this.setAttr('data-text-size', attrs.textSize);
    render(layer, this.mount);
    this.attach(); // follows page dialogs and fullscreen, outside which everything is inert
    toTopLayer(this.host, this.doc, HOST_TAG);
    for (const c of keys) {
      if (c.modal) {
        const d = this.host.shadowRoot!.querySelector<HTMLDialogElement>(`dialog[data-modal-key="${c.key}"]`);
        try {
          if (d && !d.open) d.showModal();
        } catch {
          /* not connected */
        }
      }
      const el = this.cardElement(c.key);
      if (!el) continue;
      if (this.resizes && !this.observed.has(el)) {
        this.observed.add(el);
        this.resizes.observe(el);
      }
      place(c.key, el);
    }
  }

  /**
   * The show of a prepared card: no Preact render, just its two attributes (the next render sets the
   * same ones, since its view is no longer pending) and the host back on top if a page dialog opened.
   */
  reveal(el: HTMLElement): void {
    el.removeAttribute('data-pending');
    el.setAttribute('data-testid', 'ml-popover');
    this.attach();
    toTopLayer(this.host, this.doc, HOST_TAG);
  }

  /** Take our host out of the page for good (the app's context ended). */
  dispose(): void {
    this.resizes?.disconnect();
    render(null, this.mount);
    this.disposed = true;
    this.host.remove();
    this.attached = false;
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
