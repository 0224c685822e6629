/**
 * pdf.js for the reader page: the library, its worker packaged in the extension (Vite emits the file
 * and gives its URL; no CDN), and the viewer components (PDFViewer with its text layer, link service,
 * find controller). The rest of the reader talks to this module only.
 */
import { getDocument, GlobalWorkerOptions, PasswordResponses, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { EventBus, PDFFindController, PDFLinkService, PDFViewer } from 'pdfjs-dist/web/pdf_viewer.mjs';
import 'pdfjs-dist/web/pdf_viewer.css';

GlobalWorkerOptions.workerSrc = workerUrl;

export interface OutlineNode {
  title: string;
  dest: unknown;
  items: OutlineNode[];
}

export interface FindStatus {
  query: string;
  /** pdf.js FindState: 0 found, 1 not found, 2 wrapped, 3 pending. */
  state: number | null;
  current: number;
  total: number;
}

export interface ViewerEvents {
  pageChanged(page: number, pages: number): void;
  scaleChanged(percent: number): void;
  textLayerRendered(page: number): void;
  findChanged(status: Partial<FindStatus>): void;
}

/** Asked for a password; `retry` after a wrong one. Resolves null when the reader cancels. */
export type AskPassword = (retry: boolean) => Promise<string | null>;

export class PasswordCancelled extends Error {
  override name = 'PasswordException';
}

const ZOOM_STEPS = [0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];

/** Packaged pdf.js resources (copied into the build by wxt.config.ts). */
const asset = (dir: string) => browser.runtime.getURL(`/pdfjs/${dir}/` as '/');

export class ReaderViewer {
  readonly eventBus = new EventBus();
  readonly linkService: PDFLinkService;
  readonly findController: PDFFindController;
  readonly viewer: PDFViewer;
  doc: PDFDocumentProxy | null = null;
  private query = '';
  /** pdf.js laid the pages out ('pagesinit'); before that a page cannot be shown. */
  private inited = false;
  private pendingPage: number | null = null;

  constructor(container: HTMLDivElement, viewerEl: HTMLDivElement, events: ViewerEvents) {
    const eventBus = this.eventBus;
    this.linkService = new PDFLinkService({ eventBus, externalLinkTarget: 2, externalLinkRel: 'noopener noreferrer' });
    this.findController = new PDFFindController({ eventBus, linkService: this.linkService });
    this.viewer = new PDFViewer({
      container,
      viewer: viewerEl,
      eventBus,
      linkService: this.linkService,
      findController: this.findController,
      // The text layer is what the content app reads and underlines; no annotation editing.
      textLayerMode: 1,
      annotationEditorMode: -1,
      removePageBorders: false,
    });
    this.linkService.setViewer(this.viewer);
    eventBus.on('pagechanging', (e: { pageNumber: number }) => events.pageChanged(e.pageNumber, this.pages));
    eventBus.on('pagesinit', () => {
      this.inited = true;
      this.viewer.currentScaleValue = 'page-width';
      if (this.pendingPage !== null) this.goTo(this.pendingPage);
      this.pendingPage = null;
      events.pageChanged(this.viewer.currentPageNumber, this.pages);
    });
    eventBus.on('scalechanging', (e: { scale: number }) => events.scaleChanged(Math.round(e.scale * 100)));
    eventBus.on('textlayerrendered', (e: { pageNumber: number }) => events.textLayerRendered(e.pageNumber));
    eventBus.on('updatefindmatchescount', (e: { matchesCount: { current: number; total: number } }) =>
      events.findChanged({ current: e.matchesCount.current, total: e.matchesCount.total }),
    );
    eventBus.on('updatefindcontrolstate', (e: { state: number; matchesCount?: { current: number; total: number } }) =>
      events.findChanged({
        state: e.state,
        ...(e.matchesCount ? { current: e.matchesCount.current, total: e.matchesCount.total } : {}),
      }),
    );
  }

  get pages(): number {
    return this.doc?.numPages ?? 0;
  }

  /** Load `data` (the bytes are handed to the worker) and show it. Throws pdf.js's errors. */
  async open(data: Uint8Array, askPassword: AskPassword): Promise<PDFDocumentProxy> {
    await this.close();
    this.inited = false;
    this.pendingPage = null;
    const task = getDocument({
      data,
      cMapUrl: asset('cmaps'),
      cMapPacked: true,
      standardFontDataUrl: asset('standard_fonts'),
      wasmUrl: asset('wasm'),
      // The extension-page CSP has no 'wasm-unsafe-eval': the image decoders run as packaged JS instead.
      useWasm: false,
      enableXfa: false,
    });
    let cancelled = false;
    task.onPassword = (update: (pw: string) => void, reason: number) => {
      void askPassword(reason === PasswordResponses.INCORRECT_PASSWORD).then((pw) => {
        if (pw === null) {
          cancelled = true;
          void task.destroy();
        } else update(pw);
      });
    };
    let doc: PDFDocumentProxy;
    try {
      doc = await task.promise;
    } catch (e) {
      if (cancelled) throw new PasswordCancelled('password not given');
      throw e;
    }
    this.doc = doc;
    this.viewer.setDocument(doc);
    this.linkService.setDocument(doc, null);
    return doc;
  }

  async close(): Promise<void> {
    const doc = this.doc;
    if (!doc) return;
    this.doc = null;
    this.viewer.setDocument(null as unknown as PDFDocumentProxy);
    this.linkService.setDocument(null, null);
    await doc.loadingTask.destroy().catch(() => undefined);
  }

  /** Show `page` now, or as soon as the pages are laid out. */
  startAt(page: number): void {
    if (this.inited) this.goTo(page);
    else this.pendingPage = page;
  }

  goTo(page: number): void {
    if (!this.doc) return;
    const p = Math.min(Math.max(1, Math.round(page)), this.pages);
    this.viewer.currentPageNumber = p;
  }

  get page(): number {
    return this.viewer.currentPageNumber;
  }

  zoom(dir: 1 | -1): void {
    const cur = this.viewer.currentScale;
    const next =
      dir > 0 ? ZOOM_STEPS.find((s) => s > cur + 0.001) : [...ZOOM_STEPS].reverse().find((s) => s < cur - 0.001);
    if (next) this.viewer.currentScale = next;
  }

  fitWidth(): void {
    this.viewer.currentScaleValue = 'page-width';
  }

  find(query: string, again: boolean, previous = false): void {
    const type = again && query === this.query ? 'again' : '';
    this.query = query;
    this.eventBus.dispatch('find', {
      source: this,
      type,
      query,
      caseSensitive: false,
      entireWord: false,
      highlightAll: true,
      findPrevious: previous,
      matchDiacritics: false,
    });
  }

  async outline(): Promise<OutlineNode[]> {
    const raw = ((await this.doc?.getOutline().catch(() => null)) ?? []) as Array<{
      title: string;
      dest: unknown;
      items: unknown[];
    }>;
    const map = (list: typeof raw): OutlineNode[] =>
      list.map((o) => ({ title: o.title, dest: o.dest, items: map(o.items as typeof raw) }));
    return map(raw);
  }

  goToDest(dest: unknown): void {
    if (dest) void this.linkService.goToDestination(dest as string);
  }

  /** The document's title from its metadata, or null. */
  async title(): Promise<string | null> {
    const meta = await this.doc?.getMetadata().catch(() => null);
    if (!meta) return null;
    const dc = (meta.metadata as { get?(k: string): unknown } | null)?.get?.('dc:title');
    const info = (meta.info as { Title?: unknown } | null)?.Title;
    const t = [dc, info].find((v): v is string => typeof v === 'string' && v.trim().length > 0);
    return t ? t.trim() : null;
  }

  /** The text of page `n` (lines joined with newlines), '' when it has none. */
  async pageText(n: number): Promise<string> {
    const doc = this.doc;
    if (!doc || n > doc.numPages) return '';
    const page = await doc.getPage(n);
    const tc = await page.getTextContent();
    let out = '';
    for (const item of tc.items as Array<{ str?: string; hasEOL?: boolean }>) {
      if (typeof item.str !== 'string') continue;
      out += item.str + (item.hasEOL ? '\n' : '');
    }
    return out;
  }

  /** The original file's bytes (for download and print). */
  async data(): Promise<Uint8Array | null> {
    return (await this.doc?.getData().catch(() => null)) ?? null;
  }
}
