// Page loads with vs without the built extension, in real Chromium, same run:
//   dense — the four source documents in ../shared/sources, each rendered as one HTML page (paragraphs
//           at blank lines) and served through a Playwright route: first underline after
//           DOMContentLoaded, heap added, `load` event delay.
//   huge  — the server's generated 5 MB page (/gen/big.html, the E2E csp-big case): the longest stall
//           after the first contentful paint.
// A main-world init script (both modes) records every animation frame's time, the first frame in which
// our highlight registry holds a range, and long tasks (PerformanceObserver, buffered). The dense pages
// also load with a do-nothing content script (the floor): Chromium injects document_idle scripts before
// `load`, so any content script delays it by its isolated world's set-up (tens of ms on 2 busy cores).
import fs from 'node:fs';
import path from 'node:path';
import { median } from './stats.mjs';

const HL = 'migration-lens-term';
export const RECORDER = `(() => {
  const r = window.__mlLoad = { frames: [], firstUnderline: 0, longTasks: [] };
  const tick = () => {
    const now = performance.now();
    r.frames.push(now);
    if (!r.firstUnderline && (globalThis.CSS?.highlights?.get(${JSON.stringify(HL)})?.size ?? 0) > 0) r.firstUnderline = now;
    if (now < 30000) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) r.longTasks.push([e.startTime, e.duration]); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export function denseHtml(txt, title) {
  const paras = txt
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>\n${paras.map((p) => `<p>${esc(p)}</p>`).join('\n')}\n</body></html>`;
}

export function denseDocs(sourcesDir) {
  if (!fs.existsSync(sourcesDir)) return [];
  return fs
    .readdirSync(sourcesDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f.replace(/\.txt$/, ''), file: path.join(sourcesDir, f) }));
}

async function heapOf(ctx, page) {
  const s = await ctx.newCDPSession(page);
  try {
    await s.send('HeapProfiler.collectGarbage');
    return (await s.send('Runtime.getHeapUsage')).usedSize;
  } finally {
    await s.detach().catch(() => {});
  }
}

/** Waits until our highlight count has not changed for `quietMs` (with the extension), at most 30 s. */
async function settle(page, ext, quietMs = 1000) {
  if (!ext) return new Promise((r) => setTimeout(r, quietMs));
  const t0 = Date.now();
  let last = -1,
    since = Date.now();
  while (Date.now() - t0 < 30000) {
    const n = await page.evaluate((k) => globalThis.CSS?.highlights?.get(k)?.size ?? 0, HL);
    if (n !== last) {
      last = n;
      since = Date.now();
    } else if (n > 0 && Date.now() - since >= quietMs) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function loadOnce(ctx, url, ext) {
  const page = await ctx.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 60000 });
    await settle(page, ext);
    const r = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
      const f = window.__mlLoad.frames.filter((t) => t >= fcp);
      let gap = 0;
      for (let i = 1; i < f.length; i++) gap = Math.max(gap, f[i] - f[i - 1]);
      const lt = window.__mlLoad.longTasks.filter(([s]) => s >= fcp).map(([, d]) => d);
      return {
        dcl: nav.domContentLoadedEventStart,
        load: nav.loadEventStart,
        floorStart: performance.getEntriesByName('bench-floor-start')[0]?.startTime ?? null,
        firstUnderline: window.__mlLoad.firstUnderline,
        fcp,
        maxFrameGap: gap,
        longTaskMax: Math.max(0, ...lt),
      };
    });
    r.heap = await heapOf(ctx, page);
    return r;
  } finally {
    await page.close();
  }
}

/**
 * @param {{ launch: (mode: 'noext' | 'floor' | 'ext') => Promise<any>, pages: {name: string, url: string, html?: string}[], runs: number }} o
 * Per page and mode: medians over `runs` loads (after one warm-up load of the first page). `floor` is
 * a do-nothing content script (frames.mjs floorExtension): what injecting any content script costs.
 */
export async function benchLoads({ launch, pages, runs, log }) {
  const out = {};
  for (const mode of ['noext', 'floor', 'ext']) {
    const ext = mode === 'ext';
    const b = await launch(mode);
    try {
      await b.ctx.addInitScript({ content: RECORDER });
      for (const p of pages)
        if (p.html)
          await b.ctx.route(p.url, (route) =>
            route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: p.html }),
          );
      await loadOnce(b.ctx, pages[0].url, ext);
      for (const p of pages) {
        if (mode === 'floor' && !p.html) continue; // the floor's load delay is measured on the dense pages
        const xs = [];
        for (let r = 0; r < runs; r++) xs.push(await loadOnce(b.ctx, p.url, ext));
        const m = (k) => median(xs.map((x) => x[k]));
        const row = {
          dcl: m('dcl'),
          load: m('load'),
          underlineAfterDcl: ext
            ? median(xs.map((x) => (x.firstUnderline ? x.firstUnderline - x.dcl : Infinity)))
            : null,
          scriptAfterDcl: mode === 'floor' ? median(xs.map((x) => (x.floorStart ?? Infinity) - x.dcl)) : null,
          heap: m('heap'),
          maxFrameGap: Math.max(...xs.map((x) => x.maxFrameGap)),
          longTaskMax: Math.max(...xs.map((x) => x.longTaskMax)),
        };
        (out[p.name] ??= {})[mode] = row;
        log(
          `  ${p.name} ${mode}: DCL ${row.dcl.toFixed(0)} · load ${row.load.toFixed(0)} ms` +
            (ext ? ` · first underline +${row.underlineAfterDcl.toFixed(0)} ms after DCL` : '') +
            (row.scriptAfterDcl !== null
              ? ` · content script starts +${row.scriptAfterDcl.toFixed(0)} ms after DCL`
              : '') +
            ` · heap ${(row.heap / 1048576).toFixed(1)} MB · longest frame gap ${row.maxFrameGap.toFixed(0)} ms`,
        );
      }
    } finally {
      await b.close();
    }
  }
  return out;
}

const r1 = (x) => (x == null || !Number.isFinite(x) ? null : Math.round(x * 10) / 10);

/** Flat keys: the worst of the dense documents, and the huge page with vs without. */
export function loadFigures(res, denseNames, hugeName) {
  const f = {};
  if (denseNames.length) {
    const d = denseNames.map((n) => res[n]);
    f.dense_pages = d.length;
    f.dense_first_underline_ms = r1(Math.max(...d.map((x) => x.ext.underlineAfterDcl)));
    // When a do-nothing content script starts on the same page (Chromium injects document_idle scripts
    // after its own post-DOMContentLoaded work): no underline can come earlier. Same page as the maximum.
    const worst = d.reduce((a, x) => (x.ext.underlineAfterDcl > a.ext.underlineAfterDcl ? x : a));
    f.dense_first_underline_floor_ms = r1(worst.floor.scriptAfterDcl);
    f.dense_script_start_floor_max_ms = r1(Math.max(...d.map((x) => x.floor.scriptAfterDcl)));
    f.dense_heap_mb = r1(Math.max(...d.map((x) => (x.ext.heap - x.noext.heap) / 1048576)));
    f.dense_load_delay_ms = r1(Math.max(...d.map((x) => x.ext.load - x.noext.load)));
    f.dense_load_delay_floor_ms = r1(Math.max(...d.map((x) => x.floor.load - x.noext.load)));
    f.dense_load_delay_over_floor_ms = r1(Math.max(...d.map((x) => x.ext.load - x.floor.load)));
    f.dense_longest_frame_gap_ms = r1(Math.max(...d.map((x) => x.ext.maxFrameGap)));
    f.dense_noext_longest_frame_gap_ms = r1(Math.max(...d.map((x) => x.noext.maxFrameGap)));
  }
  const h = res[hugeName];
  if (h) {
    f.huge_max_stall_ms = r1(h.ext.maxFrameGap);
    f.huge_noext_max_stall_ms = r1(h.noext.maxFrameGap);
    f.huge_longtask_max_ms = r1(h.ext.longTaskMax);
    f.huge_noext_longtask_max_ms = r1(h.noext.longTaskMax);
    f.huge_first_underline_ms = r1(h.ext.underlineAfterDcl);
    f.huge_load_delay_ms = r1(h.ext.load - h.noext.load);
  }
  return f;
}
