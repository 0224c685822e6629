/**
 * The reader page: pdf.js viewer, the reader's model and view, and the very same content app the
 * content script runs (content scripts do not run on extension pages). The app starts once the first
 * page is drawn and reads text layers as pdf.js renders them (its MutationObserver, watching from before its first
 * pass: lib/scan/watch.ts), so a 500-page document is never scanned up front.
 * Requests from the side panel, popup and background reach this page as runtime messages wrapped with
 * its tab id (lib/messaging/page-protocol.ts).
 */
import { render } from 'preact';
import { startContentApp } from '@/lib/content/app';
import { browserPorts, type ContentPorts } from '@/lib/content/ports';
import { manualContext } from '@/lib/content/context';
import { Cursor, inDocumentOrder } from '@/lib/content/occurrences';
import {
  parseExtensionPageEnvelope,
  type PageRequest,
  type PageResponseMap,
  type PageTermsReply,
} from '@/lib/messaging/page-protocol';
import { isTrustedSender } from '@/lib/messaging/protocol';
import { FLASH_NAME, paintOnly } from '@/lib/scan/highlight';
import type { TextMatch } from '@/lib/scan/hittest';
import { settingsStore } from '@/lib/settings/store';
import type { Settings } from '@/lib/settings/schema';
import { applyPageLanguage } from '@/lib/i18n/page-language';
import { applyAppearance, injectStyles } from '@/components/pages/styles';
import { ReaderApp } from '@/components/reader/ReaderApp';
import { READER_CSS } from '@/components/reader/styles';
import { benchMode, markViewerEvents } from './bench';
import { DocTerms } from './doc-terms';
import { ReaderModel } from './model';
import { ReaderViewer } from './pdf';
import { POSITIONS_KEY } from './positions';

type AppListener = (msg: unknown) => Promise<unknown> | undefined;

/** The 1-based PDF page a node of a text layer belongs to. */
export function pageOf(node: Node): number | null {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  const n = Number(el?.closest('.page[data-page-number]')?.getAttribute('data-page-number'));
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** Pages whose text layer is in the document now (the scanner can only have read these). */
export function renderedTextPages(doc: Document): number[] {
  const out: number[] = [];
  for (const layer of doc.querySelectorAll('.page[data-page-number] .textLayer')) {
    if (!layer.firstChild) continue;
    const p = pageOf(layer);
    if (p) out.push(p);
  }
  return out;
}

const FLASH_MS = 1000;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function startReader(root: HTMLElement): void {
  injectStyles(document);
  injectStyles(document, READER_CSS);
  const store = settingsStore();
  applyPageLanguage('auto');
  const apply = (s: Settings) => {
    applyAppearance(document.documentElement, s);
    if (applyPageLanguage(s.language)) model.languageChanged();
  };
  void store.get().then(apply, () => undefined);
  store.watch(apply);

  let viewer: ReaderViewer | null = null;
  const bench = benchMode(location.hash);
  const docTerms = new DocTerms();
  const cursor = new Cursor();
  let app: AppListener | null = null;
  let matches: TextMatch[] = [];
  // Known synchronously once resolved: a listener that returns a promise claims the reply, so a reader
  // in another tab must decline at once, not later.
  let myTab: number | null | undefined;
  const tabId = browser.tabs.getCurrent().then(
    (t) => (myTab = t?.id ?? null),
    () => (myTab = null),
  );

  const model = new ReaderModel({
    viewer: () => viewer!,
    textLayerReady: () => undefined,
    async permitted(url) {
      try {
        return await browser.permissions.contains({ origins: [`${new URL(url).origin}/*`] });
      } catch {
        return null;
      }
    },
    requestAccess: (url) => browser.permissions.request({ origins: [`${new URL(url).origin}/*`] }).catch(() => false),
    storage: {
      get: () => browser.storage.local.get(POSITIONS_KEY).then((r) => r[POSITIONS_KEY]),
      set: (v) => browser.storage.local.set({ [POSITIONS_KEY]: v }),
    },
  });
  let phase = model.state.phase;
  model.subscribe((s) => {
    if (s.phase === 'loading' && phase !== 'loading') {
      docTerms.reset();
      matches = [];
    }
    phase = s.phase;
    document.title = s.title ? `${s.title} — Migration Lens reader` : 'Migration Lens — PDF reader';
  });

  const where = () => model.state.url ?? model.state.fileName ?? location.href;

  async function pageTerms(): Promise<PageTermsReply> {
    const own = (await app?.({ type: 'pageTerms' })) as PageTermsReply | undefined;
    if (own) docTerms.learnCategories(own.terms);
    const reply: PageTermsReply = {
      url: where(),
      active: own?.active ?? true,
      terms: docTerms.terms(),
      total: docTerms.total(),
    };
    if (own?.error) reply.error = own.error;
    return reply;
  }

  /** Occurrence `index` of a term in the whole document: the page is shown first if it is not rendered. */
  async function jumpTo(termId: string, index?: number): Promise<PageResponseMap['jumpTo']> {
    const first = docTerms.locate(termId, 0);
    if (!first || !viewer) return null;
    const i = cursor.next(termId, first.count, index);
    const at = docTerms.locate(termId, i);
    if (!at) return null;
    const onPage = () =>
      inDocumentOrder(
        matches.filter((m) => m.termId === termId && m.startNode.isConnected && pageOf(m.startNode) === at.page),
      );
    if (onPage().length <= at.k) {
      viewer.goTo(at.page);
      for (let t = 0; t < 50 && onPage().length <= at.k; t++) await wait(100);
    }
    const m = onPage()[at.k] ?? onPage()[0];
    if (!m) return { index: i, count: at.count, page: at.page };
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    m.startNode.parentElement?.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
    paintOnly(FLASH_NAME, [m.range]);
    setTimeout(() => paintOnly(FLASH_NAME, []), FLASH_MS);
    return { index: i, count: at.count, page: at.page };
  }

  function handle(req: PageRequest): Promise<unknown> | undefined {
    switch (req.type) {
      case 'pageTerms':
        return pageTerms();
      case 'jumpTo':
        return jumpTo(req.termId, req.index);
      default:
        return app?.(req) ?? Promise.resolve(req.type === 'explainSelection' ? { termId: null } : { count: 0 });
    }
  }

  const base = browserPorts();
  const ports: ContentPorts = {
    send: base.send,
    openSearch: base.openSearch,
    // The card UI from this page's own bundle, not card-ui.js (see lib/pages/demo.ts: Chrome's CSP).
    loadUi: () => import('@/lib/content/card-ui-module'),
    onMessage(listener) {
      app = listener;
      return () => {
        app = null;
      };
    },
    // pdf.js adds each text layer once: read it on the next task, not after a batching window (rescans
    // never overlap: lib/scan/watch.ts holds changes while one runs).
    scanDebounceMs: 0,
    citeLocation(m) {
      const p = pageOf(m.startNode);
      return p ? `PDF p. ${p}` : null;
    },
    onMatches(ms) {
      matches = ms;
      const pages: Array<{ termId: string; page: number }> = [];
      // While pdf.js re-renders a page (zoom), its old and new text layers may both be in the document:
      // one occurrence is counted once, by its place in its layer.
      const seen = new Set<string>();
      for (const m of ms) {
        const page = pageOf(m.startNode);
        const span = m.startNode.parentElement;
        if (!page || !span || !m.startNode.isConnected) continue;
        const at = span.parentElement ? Array.prototype.indexOf.call(span.parentElement.children, span) : -1;
        const key = `${page}|${m.termId}|${at}|${m.startOffset}`;
        if (seen.has(key)) continue;
        seen.add(key);
        pages.push({ termId: m.termId, page });
      }
      docTerms.update(pages, renderedTextPages(document));
      void (app?.({ type: 'pageTerms' }) as Promise<PageTermsReply> | undefined)?.then((r) =>
        docTerms.learnCategories(r.terms),
      );
    },
  };

  // Envelopes for this tab only; everything else on runtime messaging is not for this page.
  browser.runtime.onMessage.addListener((msg: unknown, sender: { id?: string }) => {
    const env = parseExtensionPageEnvelope(msg);
    if (!env || !isTrustedSender(sender, browser.runtime.id)) return undefined;
    if (myTab === undefined) return tabId.then((id) => (id === env.tabId ? handle(env.req) : undefined));
    return myTab === env.tabId ? handle(env.req) : undefined;
  });

  function startApp(): void {
    // An extension page of ours lives no longer than the extension: its context never ends first.
    startContentApp(manualContext(), ports);
  }

  render(
    <ReaderApp
      model={model}
      onViewer={(container, viewerEl) => {
        viewer = new ReaderViewer(container, viewerEl, {
          pageChanged: (p, n) => model.pageChanged(p, n),
          scaleChanged: (z) => model.scaleChanged(z),
          findChanged: (f) => model.findChanged(f),
          textLayerRendered: (p) =>
            model.textLayerRendered(p, container.querySelector(`.page[data-page-number="${p}"] .textLayer`)),
        });
        if (bench) markViewerEvents(viewer.eventBus);
        // The app starts once pdf.js has drawn a page: starting with the reader page made the first page
        // appear later (its matcher load competed with pdf.js's first render; tests/bench/lib/pdf.mjs),
        // and from then on it reads each text layer as it is added (it watches from before its first
        // pass, so a layer rendered meanwhile is not missed).
        let appStarted = bench === 'viewer-only';
        viewer.eventBus.on('pagerendered', () => {
          if (appStarted) return;
          appStarted = true;
          startApp();
        });
        void model.openFromLocation(location);
      }}
    />,
    root,
  );
}
