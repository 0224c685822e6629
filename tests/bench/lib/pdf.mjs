// `pdf_*` figures: the PDF reader (reader.html of the built extension) on a 130-page PDF written in the
// run, with the content app (`#ml-bench=app`) and without it (`#ml-bench=viewer-only`: pdf.js's viewer
// alone, same page, same bundle; lib/reader/bench.ts). Method and figures: tests/bench/README.md "PDF reader".
import fs from 'node:fs';
import path from 'node:path';
import { makePdf } from '../../e2e/lib/pdf.mjs';
import { median, p95 } from './stats.mjs';

export const PDF_PAGES = 130;

/** Our own sentences: every page carries a few terms among plain text, like a long report. */
function pageLines(n) {
  const lines = [`Report page ${n}: labour mobility and the statistics behind it.`];
  for (let i = 0; i < 34; i++) {
    if (i % 9 === 3) lines.push(`In paragraph ${i}, the GFMD and the IOM compared their notes on remittances.`);
    else if (i % 9 === 7) lines.push(`Paragraph ${i} asks how UNHCR and host communities plan for the next season.`);
    else lines.push(`Line ${i} of page ${n} lists budgets, meeting dates and other plain material for readers.`);
  }
  return lines;
}

/** Writes the bench PDF into the directory the test server serves at /pdf/; returns its file name. */
export function writeBenchPdf(dir) {
  const name = 'bench-long.pdf';
  fs.mkdirSync(dir, { recursive: true });
  const pages = Array.from({ length: PDF_PAGES }, (_, i) => pageLines(i + 1));
  fs.writeFileSync(path.join(dir, name), makePdf({ title: 'Bench report', pages }));
  return name;
}

/**
 * Main world of the reader page, before its scripts: long tasks (buffered observer) and, for every PDF
 * page, when the first highlight range inside it was registered (Highlight constructor and add()).
 */
const INIT = `(() => {
  if (!location.pathname.endsWith('/reader.html')) return;
  const b = (globalThis.__mlPdfBench = { longtasks: [], firstRange: {} });
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) b.longtasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
  const pageOf = (r) => r.startContainer?.parentElement?.closest?.('.page[data-page-number]')?.getAttribute('data-page-number');
  const note = (ranges) => {
    const t = performance.now();
    for (const r of ranges) { const p = pageOf(r); if (p && !(p in b.firstRange)) b.firstRange[p] = t; }
  };
  const H = globalThis.Highlight;
  if (!H) return;
  const add = H.prototype.add;
  H.prototype.add = function (r) { note([r]); return add.call(this, r); };
  globalThis.Highlight = class extends H { constructor(...r) { super(...r); note(r); } };
})()`;

const marks = (page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('mark')
      .filter((m) => m.name.startsWith('ml-bench:'))
      .map((m) => [m.name.slice('ml-bench:'.length), m.startTime]),
  );

/** One open of the reader in `mode`, then a scroll through every page. */
async function openOnce(ctx, url, mode, pages) {
  const page = await ctx.newPage();
  try {
    await page.goto(`${url}#page=1&ml-bench=${mode}`);
    const hasMark = (name) => performance.getEntriesByName(`ml-bench:${name}`).length > 0;
    await page.waitForFunction(hasMark, 'pagerendered:1', { timeout: 30000 });
    const underlined = (p) => !!globalThis.__mlPdfBench?.firstRange[p];
    if (mode === 'app') await page.waitForFunction(underlined, 1, { timeout: 15000 });
    for (let p = 2; p <= pages; p++) {
      await page.evaluate((p) => document.querySelector(`.page[data-page-number="${p}"]`).scrollIntoView(), p);
      await page.waitForFunction(hasMark, `textlayerrendered:${p}`, { timeout: 15000 });
      if (mode === 'app') await page.waitForFunction(underlined, p, { timeout: 5000 }).catch(() => undefined);
    }
    const m = await marks(page);
    const got = await page.evaluate(() => globalThis.__mlPdfBench);
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    await cdp.detach();
    const firstPage = m.find(([n]) => n === 'pagerendered:1')?.[1] ?? null;
    // Per page: first range registered − the text layer's render that it belongs to (the last one before
    // it; pdf.js renders a page's layer again after a zoom change).
    const delays = [];
    let missing = 0;
    for (let p = 1; p <= pages && mode === 'app'; p++) {
      const at = got.firstRange[p];
      const layers = m.filter(([n]) => n === `textlayerrendered:${p}`).map(([, t]) => t);
      if (at === undefined) {
        missing++;
        continue;
      }
      const before = layers.filter((t) => t <= at);
      const from = before.length ? before[before.length - 1] : layers[0];
      delays.push({ page: p, ms: Math.max(0, at - from) });
    }
    return {
      firstPage,
      delays,
      missing,
      maxLongtask: got.longtasks.length ? Math.max(...got.longtasks) : 0,
      longtasks: got.longtasks.length,
      heapMb: heap.usedSize / 1048576,
    };
  } finally {
    await page.close();
  }
}

/**
 * `runs` interleaved pairs (app / viewer-only, order alternating) after one warm-up of each.
 * ctx: a bench Chromium with the built extension; readerUrl: its reader.html?file=… for the bench PDF.
 */
export async function benchPdf({ ctx, readerUrl, runs, log = () => {} }) {
  await ctx.addInitScript({ content: INIT });
  // The bench context routes every request (lib/chromium.mjs aborts what is not on the local server),
  // extension files included: each would make a round trip through Playwright and inflate both modes'
  // times alike. The reader asks for nothing but the PDF (E2E "reader: privacy" asserts it).
  await ctx.unrouteAll({ behavior: 'wait' });
  const res = { app: [], 'viewer-only': [] };
  for (const mode of ['app', 'viewer-only']) await openOnce(ctx, readerUrl, mode, 3);
  for (let i = 0; i < runs; i++) {
    const order = i % 2 ? ['viewer-only', 'app'] : ['app', 'viewer-only'];
    for (const mode of order) {
      const r = await openOnce(ctx, readerUrl, mode, PDF_PAGES);
      res[mode].push(r);
      log(
        `  pdf ${mode}: first page ${r.firstPage?.toFixed(0)} ms, longest task ${r.maxLongtask.toFixed(0)} ms, heap ${r.heapMb.toFixed(1)} MB` +
          (mode === 'app'
            ? `, underline p95 ${p95(r.delays.map((d) => d.ms))?.toFixed(1)} ms (page 1: ${r.delays[0]?.ms.toFixed(1)})`
            : ''),
      );
    }
  }
  const app = res.app;
  const only = res['viewer-only'];
  const later = app.flatMap((r) => r.delays.filter((d) => d.page > 1).map((d) => d.ms));
  const worst = app.flatMap((r) => r.delays).reduce((a, d) => (d.ms > (a?.ms ?? -1) ? d : a), null);
  return {
    firstPage: median(app.map((r) => r.firstPage)),
    firstPageViewer: median(only.map((r) => r.firstPage)),
    underlineP95: p95(later),
    underlineMedian: median(later),
    underlinePage1: median(app.map((r) => r.delays.find((d) => d.page === 1)?.ms ?? NaN)),
    underlineWorst: worst,
    underlineMissing: app.reduce((a, r) => a + r.missing, 0),
    maxTask: median(app.map((r) => r.maxLongtask)),
    maxTaskViewer: median(only.map((r) => r.maxLongtask)),
    longtasks: median(app.map((r) => r.longtasks)),
    longtasksViewer: median(only.map((r) => r.longtasks)),
    heapMb: median(app.map((r) => r.heapMb)),
    heapViewerMb: median(only.map((r) => r.heapMb)),
  };
}

/** Targets of the `pdf_*` figures (printed with the others by lib/report.mjs). */
export const PDF_TARGETS = [
  {
    key: 'pdf_first_page_ratio',
    label: 'PDF first page with our app ≤ 1.15× the viewer alone',
    target: '≤ 1.15',
    ok: (v) => v <= 1.15,
  },
  {
    key: 'pdf_first_underline_ms',
    label: 'PDF first underline ≤ 50 ms after a text layer renders (p95 over pages)',
    target: '≤ 50',
    ok: (v) => v <= 50,
  },
  {
    key: 'pdf_max_task_added_ms',
    label: 'PDF longest main-thread task added ≤ 50 ms',
    target: '≤ 50',
    ok: (v) => v <= 50,
  },
];

/** The flat `pdf_*` keys of .output/bench.json. */
export function pdfFigures(s, round, ratio) {
  return {
    pdf_pages: PDF_PAGES,
    pdf_first_page_ms: round(s.firstPage, 1),
    pdf_first_page_viewer_only_ms: round(s.firstPageViewer, 1),
    pdf_first_page_ratio: ratio(s.firstPage, s.firstPageViewer),
    pdf_first_underline_ms: round(s.underlineP95, 1),
    pdf_first_underline_median_ms: round(s.underlineMedian, 1),
    pdf_first_underline_page1_ms: round(s.underlinePage1, 1),
    pdf_first_underline_worst_ms: round(s.underlineWorst?.ms, 1),
    pdf_first_underline_worst_page: s.underlineWorst?.page ?? null,
    pdf_pages_not_underlined: s.underlineMissing,
    pdf_max_task_ms: round(s.maxTask, 1),
    pdf_max_task_viewer_only_ms: round(s.maxTaskViewer, 1),
    pdf_max_task_added_ms: round(Math.max(0, s.maxTask - s.maxTaskViewer), 1),
    pdf_longtasks: s.longtasks,
    pdf_longtasks_viewer_only: s.longtasksViewer,
    pdf_heap_after_scroll_mb: round(s.heapMb, 1),
    pdf_heap_after_scroll_viewer_only_mb: round(s.heapViewerMb, 1),
  };
}
