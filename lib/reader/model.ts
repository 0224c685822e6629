/**
 * The reader's state and actions: opening (web address, local file, password), the current page,
 * zoom, find, the outline, the header (title, UN symbol), the last page per document, and the
 * content app started on the text layers as pdf.js renders them. The view (components/reader)
 * renders `state` and calls the actions.
 */
import { t } from '../i18n/t';
import { badAddress, fetchFailed, httpFailed, looksLikePdf, notPdf, pdfFailed, type ReaderError } from './errors';
import { fileNameOf, nativeViewerUrl, parseReaderUrl } from './url';
import { findUnSymbol } from './symbol';
import { parsePositions, positionKey, remember, startPage } from './positions';
import type { FindStatus, OutlineNode, ReaderViewer } from './pdf';
import { spaceLineEnds } from './text-layer';

export type Phase = 'open' | 'loading' | 'ready' | 'error';

export interface ReaderState {
  phase: Phase;
  /** The web address being read, or null for a local file or none. */
  url: string | null;
  /** The original's address with the marker for the browser's own viewer. */
  nativeUrl: string | null;
  fileName: string | null;
  error: ReaderError | null;
  /** Set while pdf.js waits for a password; `retry` after a wrong one. */
  password: { retry: boolean } | null;
  page: number;
  pages: number;
  zoom: number;
  title: string | null;
  symbol: string | null;
  outline: OutlineNode[];
  /** No text on the first pages: a scan, nothing to recognise. */
  noText: boolean;
  find: FindStatus;
}

export interface ReaderHost {
  /** The viewer, created once its elements exist. */
  viewer(): ReaderViewer;
  /** Called with each rendered text layer's page (after our line-end fix). */
  textLayerReady(page: number): void;
  /** Does the extension hold read access to `url`'s site? null when unknown. */
  permitted(url: string): Promise<boolean | null>;
  /** Ask the user for read access to `url`'s site (called from a click). */
  requestAccess(url: string): Promise<boolean>;
  storage: { get(): Promise<unknown>; set(v: unknown): Promise<void> };
}

export function initialState(): ReaderState {
  return {
    phase: 'open',
    url: null,
    nativeUrl: null,
    fileName: null,
    error: null,
    password: null,
    page: 1,
    pages: 0,
    zoom: 100,
    title: null,
    symbol: null,
    outline: [],
    noText: false,
    find: { query: '', state: null, current: 0, total: 0 },
  };
}

export class ReaderModel {
  state: ReaderState = initialState();
  private listeners = new Set<(s: ReaderState) => void>();
  private passwordAnswer: ((pw: string | null) => void) | null = null;
  private key: string | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private openSeq = 0;

  constructor(private readonly host: ReaderHost) {}

  /** The pdf.js viewer (the view's buttons act on it directly). */
  viewer(): ReaderViewer {
    return this.host.viewer();
  }

  /** After a permission error: ask for access to the site (inside the click), then try again. */
  allowAndRetry(): void {
    const url = this.state.url;
    if (!url) return;
    void this.host.requestAccess(url).then((ok) => {
      if (ok) void this.openUrl(url);
    });
  }

  /** The interface language changed: views re-render with the new messages. */
  languageChanged(): void {
    this.set({});
  }

  subscribe(cb: (s: ReaderState) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  private set(patch: Partial<ReaderState>): void {
    this.state = { ...this.state, ...patch };
    for (const cb of this.listeners) cb(this.state);
  }

  // ---- events from the viewer ----

  pageChanged(page: number, pages: number): void {
    this.set({ page, pages });
    this.savePosition(page);
  }
  scaleChanged(zoom: number): void {
    this.set({ zoom });
  }
  findChanged(f: Partial<FindStatus>): void {
    this.set({ find: { ...this.state.find, ...f } });
  }
  textLayerRendered(page: number, layer: Element | null): void {
    if (layer) spaceLineEnds(layer);
    this.host.textLayerReady(page);
  }

  // ---- opening ----

  /** Open what the page's URL names (`?file=`, `#page=`), or show the open screen. */
  async openFromLocation(loc: { search: string; hash: string }): Promise<void> {
    const target = parseReaderUrl(loc);
    if (target.error) return this.fail(badAddress(), null);
    if (target.file) await this.openUrl(target.file, target.page);
  }

  async openUrl(url: string, page: number | null = null): Promise<void> {
    const seq = ++this.openSeq;
    this.set({
      ...initialState(),
      phase: 'loading',
      url,
      nativeUrl: nativeViewerUrl(url),
      fileName: fileNameOf(url),
      zoom: this.state.zoom,
    });
    let res: Response;
    try {
      res = await fetch(url, { credentials: 'include' });
    } catch {
      return this.fail(fetchFailed(url, await this.host.permitted(url)), seq);
    }
    if (!res.ok) return this.fail(httpFailed(res.status, url), seq);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await res.arrayBuffer());
    } catch {
      return this.fail(fetchFailed(url, true), seq);
    }
    if (seq !== this.openSeq) return;
    if (!looksLikePdf(bytes))
      return this.fail(notPdf(bytes.length ? 'this address' : '', res.headers.get('content-type')), seq);
    await this.load(bytes, positionKey({ url }), page, seq);
  }

  async openFile(file: File): Promise<void> {
    const seq = ++this.openSeq;
    this.set({ ...initialState(), phase: 'loading', fileName: file.name, zoom: this.state.zoom });
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      return this.fail(
        { kind: 'unknown', title: t('rderr_unreadable'), detail: t('rderr_unreadableDetail', file.name) },
        seq,
      );
    }
    if (seq !== this.openSeq) return;
    if (!looksLikePdf(bytes)) return this.fail(notPdf(bytes.length ? file.name : '', file.type || null), seq);
    await this.load(bytes, null, null, seq);
  }

  answerPassword(pw: string | null): void {
    const answer = this.passwordAnswer;
    this.passwordAnswer = null;
    this.set({ password: null });
    answer?.(pw);
  }

  private askPassword = (retry: boolean): Promise<string | null> =>
    new Promise((resolve) => {
      this.passwordAnswer = resolve;
      this.set({ password: { retry } });
    });

  private async load(bytes: Uint8Array, key: string | null, hashPage: number | null, seq: number): Promise<void> {
    const viewer = this.host.viewer();
    let doc;
    try {
      doc = await viewer.open(bytes, this.askPassword);
    } catch (e) {
      return this.fail(pdfFailed(e), seq);
    }
    if (seq !== this.openSeq) return;
    this.key = key ?? positionKey({ fingerprint: doc.fingerprints[0] ?? 'unknown' });
    const remembered = parsePositions(await this.host.storage.get().catch(() => null))[this.key]?.page ?? null;
    const page = startPage(hashPage, remembered, doc.numPages);
    this.set({ phase: 'ready', pages: doc.numPages, page });
    viewer.startAt(page);
    void this.describe(seq);
  }

  /** Header and sidebar: title, UN symbol, outline; and whether the first pages carry any text. */
  private async describe(seq: number): Promise<void> {
    const viewer = this.host.viewer();
    const [title, outline, first] = await Promise.all([
      viewer.title(),
      viewer.outline(),
      viewer.pageText(1).catch(() => ''),
    ]);
    if (seq !== this.openSeq) return;
    let noText = !first.trim();
    for (let p = 2; noText && p <= Math.min(3, viewer.pages); p++)
      noText = !(await viewer.pageText(p).catch(() => '')).trim();
    if (seq !== this.openSeq) return;
    this.set({ title: title ?? this.state.fileName, symbol: findUnSymbol(first), outline, noText });
  }

  private fail(error: ReaderError, seq: number | null): void {
    if (seq !== null && seq !== this.openSeq) return;
    this.set({ phase: 'error', error, password: null });
  }

  /** Back to the open screen (after an error). */
  reset(): void {
    this.openSeq++;
    void this.host.viewer().close();
    this.set({ ...initialState(), zoom: this.state.zoom });
  }

  // ---- last page ----

  private savePosition(page: number): void {
    const key = this.key;
    if (!key || this.state.phase !== 'ready') return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      void this.host.storage
        .get()
        .then((raw) => this.host.storage.set(remember(parsePositions(raw), key, page, Date.now())))
        .catch(() => undefined);
    }, 400);
  }
}
