// `npm run bench`: performance figures for the scanner, the background and hover → popover, each
// measured next to a baseline in the same run. Writes .output/bench.json (flat keys) and
// .output/bench-pages.json (per-page scanner rows), prints every figure, ratio and target.
// Options: --pages N (first N readability pages; default all), --runs N (timed runs per method and page,
// default 3), --hover-samples N (default 30), --hover-repeats N (default 15), --markjs-array-pages N (default 1),
// --pdf-runs N (default 3), --skip scan,hover,node,pdf. Methods: tests/bench/README.md.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { startServer, ROOT, ROUTES } from '../e2e/lib/server.mjs';
import { launchBenchChromium } from './lib/chromium.mjs';
import { bundlePageEntry } from './lib/bundle.mjs';
import { benchScan, benchMarkArray, summariseScan } from './lib/scan.mjs';
import { benchHover } from './lib/hover.mjs';
import { benchFrames, floorExtension, framesFigures } from './lib/frames.mjs';
import { benchLoads, denseDocs, denseHtml, loadFigures } from './lib/pageload.mjs';
import { benchBackground as benchBgChromium } from './lib/bg.mjs';
import { printReport, TARGETS } from './lib/report.mjs';
import { benchPdf, pdfFigures, PDF_TARGETS, writeBenchPdf } from './lib/pdf.mjs';
import { ratio, round, sum } from './lib/stats.mjs';

const argv = process.argv.slice(2);
const opt = (k, d) => {
  const i = argv.indexOf(k);
  return i >= 0 ? argv[i + 1] : d;
};
const num = (k, d) => {
  const v = Number(opt(k, d));
  if (!Number.isInteger(v) || v < 1) {
    console.error(`${k} needs a positive integer`);
    process.exit(2);
  }
  return v;
};
const RUNS = num('--runs', 3);
const PAGES = opt('--pages') ? num('--pages') : Infinity;
const HOVER_SAMPLES = num('--hover-samples', 30);
const HOVER_REPEATS = num('--hover-repeats', 15);
const MARK_ARRAY_PAGES = num('--markjs-array-pages', 1);
const FRAME_RUNS = num('--frame-runs', 5);
const LOAD_RUNS = num('--load-runs', 3);
const PDF_RUNS = num('--pdf-runs', 3);
const skip = new Set((opt('--skip', '') ?? '').split(',').filter(Boolean));
const OUT = path.join(ROOT, '.output');
const EXT = path.join(OUT, 'chrome-mv3');
const CONTENT_JS = path.join(EXT, 'content-scripts/content.js');
const t0 = Date.now();
const figures = { bench_loadavg_1m_start: round(os.loadavg()[0], 2), bench_cpus: os.cpus().length };
const notes = [];
const log = (...a) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(3)} s]`, ...a);
fs.mkdirSync(OUT, { recursive: true });

// ---- Node side: compiled matcher for the page bench + background figures ----
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ml-bench-'));
log('node side: compiling the glossary matcher, building the KB, background bench…');
const nodeOut = path.join(tmp, 'node.json');
const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/bench/node-side.ts'), nodeOut], {
  cwd: ROOT,
  stdio: ['ignore', 'inherit', 'inherit'],
});
if (child.status !== 0) {
  console.error('bench: node side failed (see above)');
  process.exit(1);
}
const node = JSON.parse(fs.readFileSync(nodeOut, 'utf8'));
fs.rmSync(tmp, { recursive: true, force: true });
notes.push(...node.notes);
if (!skip.has('node')) Object.assign(figures, node.figures);
notes.push(
  'search_p95_ms / index_cold_load_ms: tests/bench/background.ts benchBackground() under Node with fake-indexeddb (in-memory; absolute numbers are indicative of CPU cost, not of real IndexedDB I/O).',
);

// ---- Underlines per 1,000 words, before/after the first-occurrence default (issue #16) ----
{
  const ulOut = path.join(os.tmpdir(), `ml-bench-underlines-${process.pid}.json`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/bench/lib/underlines.ts'), ulOut], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status === 0) {
    const ul = JSON.parse(fs.readFileSync(ulOut, 'utf8'));
    Object.assign(figures, ul.figures);
    notes.push(...ul.notes);
    fs.rmSync(ulOut, { force: true });
  } else notes.push('underlines_per_1000_words: tests/bench/lib/underlines.ts failed (see above).');
}

// ---- Content script size ----
if (fs.existsSync(CONTENT_JS)) {
  const js = fs.readFileSync(CONTENT_JS);
  figures.content_js_bytes = js.length;
  figures.content_js_gzip_bytes = gzipSync(js, { level: 9 }).length;
  notes.push(
    `content.js from the existing build (${fs.statSync(CONTENT_JS).mtime.toISOString()}); rebuild with npm run build:chrome for current code.`,
  );
} else {
  figures.content_js_bytes = figures.content_js_gzip_bytes = null;
  notes.push(`${CONTENT_JS} missing: run npm run build:chrome first.`);
}

const server = await startServer();
try {
  // ---- Scanner ----
  if (!skip.has('scan')) {
    const pages = fs
      .readdirSync(ROUTES.readability)
      .filter((f) => f.endsWith('.html'))
      .sort()
      .slice(0, PAGES);
    const code = await bundlePageEntry(ROOT);
    const markSrc = fs.readFileSync(path.join(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');
    const b = await launchBenchChromium({ origin: server.origin, csp: "script-src 'none'" });
    try {
      // Init scripts are not subject to the page CSP; page scripts are (script-src 'none').
      await b.ctx.addInitScript({ content: `${markSrc};\n${code};\n__mlBench.init(${JSON.stringify(node.matcher)});` });
      log(`scanner: ${pages.length} pages × (floor, chunked scan, unchunked scan, mark.js) × ${RUNS} runs…`);
      let n = 0;
      const rows = await benchScan({
        ctx: b.ctx,
        urls: pages.map((p) => server.url(`/readability/${encodeURIComponent(p)}`)),
        runs: RUNS,
        markRegex: node.markRegex,
        onPage: (r) => {
          n++;
          const name = decodeURIComponent(r.url.split('/').pop());
          if (r.error) log(`  ${n}/${pages.length} ${name}: ERROR ${r.error}`);
          else
            log(
              `  ${n}/${pages.length} ${name}: floor ${r.floorMs.toFixed(2)} · scan ${r.scanActiveMs.toFixed(1)} (unsliced ${r.unslicedMs.toFixed(1)}, max task ${r.scanMaxTaskMs.toFixed(1)}) · mark.js ${r.markMs.toFixed(1)} ms · ${r.matches} terms`,
            );
        },
      });
      fs.writeFileSync(path.join(OUT, 'bench-pages.json'), JSON.stringify(rows, null, 1));
      const s = summariseScan(rows);
      if (s.failed)
        notes.push(`${s.failed} page(s) failed and are excluded from the scan totals (see .output/bench-pages.json).`);
      if (!s.yieldHooked) notes.push('scheduler.yield was not available: scan_ms_total is wall time including yields.');
      Object.assign(figures, {
        scan_pages: s.pages,
        scan_text_chars_total: s.chars,
        scan_ms_total: round(s.scan, 1),
        scan_wall_ms_total: round(s.scanWall, 1),
        scan_unsliced_ms_total: round(s.unsliced, 1),
        scan_ratio_slicing: ratio(s.scan, s.unsliced),
        scan_floor_ms_total: round(s.floor, 2),
        scan_ratio_floor: ratio(s.scan, s.floor),
        scan_read_chars_ms_total: round(s.readAll, 2),
        scan_read_chars_ratio_floor: ratio(s.readAll, s.floor),
        scan_walk_only_ms_total: round(s.walkOnly, 1),
        scan_walk_only_ratio_read_chars: ratio(s.walkOnly, s.readAll),
        scan_ratio_floor_unsliced: ratio(s.unsliced, s.floor),
        scan_markjs_ms_total: round(s.mark, 1),
        scan_ratio_markjs: ratio(s.mark, s.scan),
        scan_max_task_ms: round(s.maxTask, 1),
        scan_max_task_page: s.maxTaskPage ? decodeURIComponent(s.maxTaskPage.split('/').pop()) : null,
        scan_max_slice_ms: round(s.maxSlice, 1),
        scan_longtasks: s.longTasks,
        scan_longtask_max_ms: round(s.longTaskMax, 1),
        scan_cold_ms_total: round(s.coldScan, 1),
        scan_cold_floor_ms_total: round(s.coldFloor, 2),
        scan_cold_markjs_ms_total: round(s.coldMark, 1),
        scan_cold_ratio_floor: ratio(s.coldScan, s.coldFloor),
        scan_cold_read_chars_ms_total: round(s.coldReadAll, 2),
        scan_cold_ratio_read_chars: ratio(s.coldScan, s.coldReadAll),
        scan_ratio_read_chars: ratio(s.scan, s.readAll),
        scan_cold_ratio_markjs: ratio(s.coldMark, s.coldScan),
        scan_cold_max_task_ms: round(s.coldMaxTask, 1),
        scan_matcher_prepare_ms_total: round(s.prep, 1),
        scan_matcher_resolve_ms_total: round(s.resolve, 1),
        scan_breakdown_ms_total: round(s.diag, 1),
        scan_matches_total: s.matches,
        scan_markjs_marks_total: s.markCount,
      });
      // mark(array) on the smallest real article(s) (file ≥ 20 KB; the tiny ones are parser test stubs):
      // one run each, seconds per page.
      const sized = pages
        .map((p) => [p, fs.statSync(path.join(ROUTES.readability, p)).size])
        .sort((a, c) => a[1] - c[1]);
      const small = [...sized.filter(([, n]) => n >= 20_000), ...sized.filter(([, n]) => n < 20_000).reverse()]
        .slice(0, MARK_ARRAY_PAGES)
        .map(([p]) => p);
      log(`mark.js mark(array of ${node.terms.length} forms) on ${small.join(', ')}…`);
      const arr = await benchMarkArray({
        ctx: b.ctx,
        urls: small.map((p) => server.url(`/readability/${encodeURIComponent(p)}`)),
        terms: node.terms,
      });
      for (const r of arr)
        log(
          `  ${decodeURIComponent(r.url.split('/').pop())}: mark(array) ${r.markArrayMs.toFixed(0)} ms vs scan ${r.scanMs.toFixed(1)} ms`,
        );
      figures.markjs_array_sample_pages = arr.length;
      figures.markjs_array_ms_sample = round(sum(arr.map((r) => r.markArrayMs)), 1);
      figures.markjs_array_scan_ms_sample = round(sum(arr.map((r) => r.scanMs)), 1);
      figures.scan_ratio_markjs_array_sample = ratio(sum(arr.map((r) => r.markArrayMs)), sum(arr.map((r) => r.scanMs)));
    } finally {
      await b.close();
    }
  }

  // ---- Hover → popover ----
  if (!skip.has('hover')) {
    if (!fs.existsSync(path.join(EXT, 'manifest.json'))) {
      figures.hover_to_popover_p95_ms = null;
      notes.push('hover: no build in .output/chrome-mv3 (npm run build:chrome).');
    } else {
      const b = await launchBenchChromium({ ext: EXT, origin: server.origin });
      try {
        log(`hover: ${HOVER_SAMPLES} first + ${HOVER_REPEATS} repeat hovers with the built extension…`);
        const h = await benchHover({
          ctx: b.ctx,
          origin: server.origin,
          terms: node.hoverTerms,
          samples: HOVER_SAMPLES,
          repeats: HOVER_REPEATS,
          delayMs: node.hoverDelayMs,
        });
        Object.assign(figures, {
          hover_to_popover_p95_ms: round(h.p95, 1),
          hover_to_popover_median_ms: round(h.median, 1),
          hover_first_p95_ms: round(h.firstP95, 1),
          hover_repeat_p95_ms: round(h.repeatP95, 1),
          hover_method: h.method,
          hover_samples: h.samples,
          hover_delay_ms: h.delayMs,
          hover_page_side_p95_ms: round(h.pageSideP95, 1),
          hover_page_side_median_ms: round(h.pageSideMedian, 1),
          hover_due_to_paint_p95_ms: round(h.dueP95, 1),
          hover_due_to_paint_median_ms: round(h.dueMedian, 1),
          hover_prepared: h.prepared,
          hover_in_frame: h.inFrame,
          hover_floor_p95_ms: round(h.floorP95, 1),
          hover_floor_median_ms: round(h.floorMedian, 1),
          hover_floor_due_p95_ms: round(h.floorDueP95, 1),
          hover_floor_due_median_ms: round(h.floorDueMedian, 1),
          hover_ratio_floor: ratio(h.p95, h.floorP95),
        });
        if (h.method === 'page-side-no-dwell')
          notes.push(
            `hover: the built content script shows the card sooner than the ${node.hoverDelayMs} ms default delay (no dwell timer yet), so the figure is pointer arrival → ready card painted, nothing subtracted.`,
          );
        if (h.method !== 'hook-event')
          notes.push(
            'hover: the content script did not report migration-lens:timing (lib/content/timing.ts); figure measured page-side (see README).',
          );
        if (h.prepared > h.inFrame)
          notes.push(
            `hover: ${h.prepared - h.inFrame} of ${h.prepared} prepared cards were shown from the fallback timer instead of an animation frame (the tab was not rendering frames): the figures time the browser's throttling.`,
          );
      } catch (e) {
        figures.hover_to_popover_p95_ms = null;
        notes.push(`hover bench failed: ${String(e?.message ?? e).split('\n')[0]}`);
      } finally {
        await b.close();
      }
    }
  }
  // ---- Background in Chromium: worker heap, cold wake → first lookup ----
  if (!skip.has('bg')) {
    if (!fs.existsSync(path.join(EXT, 'manifest.json'))) notes.push('bg: no build in .output/chrome-mv3.');
    else {
      log('background: worker heap after install and after 100 lookups + 100 searches, cold wake → lookup…');
      const ids = JSON.parse(fs.readFileSync(path.join(EXT, 'kb/matcher.json'), 'utf8')).ids.slice(0, 100);
      const b = await launchBenchChromium({ ext: EXT, origin: server.origin });
      try {
        Object.assign(figures, await benchBgChromium({ b, termIds: ids, queries: node.terms.slice(0, 100) }));
      } catch (e) {
        notes.push(`bg bench failed: ${String(e?.message ?? e).split('\n')[0]}`);
      } finally {
        await b.close();
      }
    }
  }

  // ---- PDF reader ----
  if (!skip.has('pdf')) {
    TARGETS.push(...PDF_TARGETS);
    if (!fs.existsSync(path.join(EXT, 'manifest.json'))) {
      figures.pdf_first_page_ratio = null;
      notes.push('pdf: no build in .output/chrome-mv3 (npm run build:chrome).');
    } else {
      const file = writeBenchPdf(ROUTES.pdf);
      const b = await launchBenchChromium({ ext: EXT, origin: server.origin });
      try {
        log(`pdf: reader on a generated PDF, with and without the content app, ${PDF_RUNS} runs each…`);
        const readerUrl = `chrome-extension://${b.extId}/reader.html?file=${encodeURIComponent(server.url(`/pdf/${file}`))}`;
        Object.assign(
          figures,
          pdfFigures(await benchPdf({ ctx: b.ctx, readerUrl, runs: PDF_RUNS, log }), round, ratio),
        );
        notes.push(
          'pdf_*: built reader.html in Chromium, #ml-bench=app vs viewer-only (lib/reader/bench.ts); longest task from PerformanceObserver longtask (only tasks ≥ 50 ms exist there: 0 = none); heap = main thread after GC (the pdf.js worker not included).',
        );
      } catch (e) {
        figures.pdf_first_page_ratio = null;
        notes.push(`pdf bench failed: ${String(e?.message ?? e).split('\n')[0]}`);
      } finally {
        await b.close();
      }
    }
  }

  // ---- Page loads: the dense source documents and the 5 MB page, with vs without the extension ----
  if (!skip.has('loads')) {
    if (!fs.existsSync(path.join(EXT, 'manifest.json'))) notes.push('loads: no build in .output/chrome-mv3.');
    else {
      const docs = denseDocs(path.resolve(ROOT, '../shared/sources'));
      if (!docs.length) notes.push('dense: ../shared/sources has no .txt documents.');
      const pages = [
        ...docs.map((d) => ({
          name: d.name,
          url: server.url(`/bench/dense/${d.name}.html`),
          html: denseHtml(fs.readFileSync(d.file, 'utf8'), d.name),
        })),
        { name: 'huge', url: server.url('/gen/big.html') },
      ];
      log(`page loads: ${docs.length} dense documents + the 5 MB page × ${LOAD_RUNS}: no extension, floor, ours…`);
      const floorExt = floorExtension();
      const launch = (mode) =>
        launchBenchChromium({
          ext: mode === 'ext' ? EXT : mode === 'floor' ? floorExt.dir : undefined,
          origin: server.origin,
        });
      const res = await benchLoads({ launch, pages, runs: LOAD_RUNS, log }).finally(() => floorExt.remove());
      Object.assign(
        figures,
        loadFigures(
          res,
          docs.map((d) => d.name),
          'huge',
        ),
      );
    }
  }

  // ---- Frames: 40 iframes with vs without the extension ----
  if (!skip.has('frames')) {
    if (!fs.existsSync(path.join(EXT, 'manifest.json'))) notes.push('frames: no build in .output/chrome-mv3.');
    else if (!server.origin2) notes.push('frames: no second loopback address (127.0.0.2) for cross-origin frames.');
    else {
      log(`frames: 3 pages of iframes × ${FRAME_RUNS} loads: no extension, a do-nothing content script, ours…`);
      const floorExt = floorExtension();
      const launch = (mode) =>
        launchBenchChromium({
          ext: mode === 'ext' ? EXT : mode === 'floor' ? floorExt.dir : undefined,
          origin: server.origin,
          origin2: server.origin2,
        });
      try {
        const fr = await benchFrames({ launch, server, runs: FRAME_RUNS, log });
        Object.assign(figures, framesFigures(fr));
      } finally {
        floorExt.remove();
      }
    }
  }
} finally {
  await server.close();
}

figures.bench_seconds = Math.round((Date.now() - t0) / 1000);
figures.bench_loadavg_1m_end = round(os.loadavg()[0], 2);
if (figures.bench_loadavg_1m_start > figures.bench_cpus)
  notes.push(
    `machine busy (load ${figures.bench_loadavg_1m_start} on ${figures.bench_cpus} CPUs): absolute times are inflated; ratios are measured in the same run and hold better.`,
  );
const json = { ...figures, notes: notes.join(' | ') };
fs.writeFileSync(path.join(OUT, 'bench.json'), JSON.stringify(json, null, 1) + '\n');
printReport(figures, notes);
