// Frames: what the content script costs a page with many iframes, in real Chromium, with vs without the
// built extension in the same run. Pages are generated here and served through a Playwright route on
// the server's two loopback origins (127.0.0.1 same-origin, 127.0.0.2 cross-origin: another site, so
// an out-of-process iframe). Variants (each main document has no text of its own):
//   empty — 20 same-origin + 20 cross-origin frames with no text (ad/analytics-like boxes)
//   text  — 10 same-origin + 10 cross-origin frames with a few paragraphs naming glossary terms
//   mixed — 20 same-origin + 20 cross-origin, half of each with text (the fixture)
// Heap: HeapProfiler.collectGarbage then Runtime.getHeapUsage on one CDP session per renderer process
// of the page (the main page's, which also runs the same-origin frames, and one cross-origin frame's:
// all frames of one site share a process). CPU: SystemInfo.getProcessInfo cpuTime summed over every
// renderer process (the page's and the extension's worker), from before the navigation until settled.
// Matcher traffic: the background's `status` reply counts the `terms` replies it served and their bytes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median } from './stats.mjs';

/**
 * The floor: an extension whose content script (all frames, document_idle, like ours) does nothing.
 * What it costs per frame (an isolated world, the script's compile and run) any content script pays.
 */
export function floorExtension() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ml-bench-floor-'));
  const manifest = {
    manifest_version: 3,
    name: 'bench floor',
    version: '1.0',
    background: { service_worker: 'bg.js' },
    content_scripts: [{ matches: ['<all_urls>'], js: ['cs.js'], all_frames: true, run_at: 'document_idle' }],
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  fs.writeFileSync(path.join(dir, 'bg.js'), 'self.addEventListener("install", () => {});\n');
  // The top frame marks when it runs (a content script shares the page's performance timeline): the
  // earliest any content script can act on a page, the floor of dense_first_underline_ms (pageload.mjs).
  fs.writeFileSync(
    path.join(dir, 'cs.js'),
    'globalThis.__benchFloor = (globalThis.__benchFloor || 0) + 1;\n' +
      'if (window === top) performance.mark("bench-floor-start");\n',
  );
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export const VARIANTS = {
  empty: { sameText: 0, sameEmpty: 20, crossText: 0, crossEmpty: 20 },
  text: { sameText: 10, sameEmpty: 0, crossText: 10, crossEmpty: 0 },
  mixed: { sameText: 10, sameEmpty: 10, crossText: 10, crossEmpty: 10 },
};

// Our own sentences (no third-party text in the repo); every frame gets a slightly different page.
const PARAS = [
  'The regional office of IOM shared its annual report with UNHCR and the ILO before the GFMD summit.',
  'Delegates compared notes on labour mobility, remittance costs and the protection of migrant workers.',
  'A working group of the GMG drafted a short paper on data, and KNOMAD offered to review the figures.',
  'Nothing in this paragraph names an agency; it only talks about weather, trains and the harbour lights.',
];
const textFrame = (i) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t${i}</title></head><body>` +
  Array.from({ length: 6 }, (_, k) => `<p>${i}.${k} ${PARAS[(i + k) % PARAS.length]}</p>`).join('') +
  '</body></html>';
// An ad or analytics frame: boxes, an image placeholder, whitespace, no words.
const emptyFrame = (i) =>
  `<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0">\n  <div id="slot${i}" style="width:300px;height:60px;background:#eee"></div>\n  <img alt="" width="1" height="1">\n</body></html>`;

function mainPage(v, origin2) {
  const frames = [];
  const add = (n, base, kind) => {
    for (let i = 0; i < n; i++)
      frames.push(`<iframe src="${base}/bench/frames/${kind}-${frames.length}.html" width="320" height="90"></iframe>`);
  };
  add(v.sameText, '', 'text');
  add(v.sameEmpty, '', 'empty');
  add(v.crossText, origin2, 'text');
  add(v.crossEmpty, origin2, 'empty');
  return `<!doctype html><html><head><meta charset="utf-8"></head><body>${frames.join('\n')}</body></html>`;
}

async function routePages(ctx, origin2) {
  await ctx.route(/\/bench\/frames\//, (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    const [kind, rest] = name.replace('.html', '').split('-');
    const i = Number(rest);
    const body = kind === 'main' ? mainPage(VARIANTS[rest], origin2) : kind === 'text' ? textFrame(i) : emptyFrame(i);
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
}

const rendererCpu = async (bs) =>
  (await bs.send('SystemInfo.getProcessInfo')).processInfo
    .filter((p) => p.type === 'renderer')
    .reduce((m, p) => m.set(p.id, p.cpuTime), new Map());

async function heapOf(ctx, target) {
  const s = await ctx.newCDPSession(target);
  try {
    await s.send('HeapProfiler.collectGarbage');
    return (await s.send('Runtime.getHeapUsage')).usedSize;
  } finally {
    await s.detach().catch(() => {});
  }
}

/** Frames (any depth) whose document shows our highlights; read from the main world of each frame. */
const highlightedFrames = (page) =>
  Promise.all(
    page
      .frames()
      .map((f) =>
        f.evaluate(() => (globalThis.CSS?.highlights?.get('migration-lens-term')?.size ?? 0) > 0).catch(() => false),
      ),
  ).then((xs) => xs.filter(Boolean).length);

async function loadOnce(b, bs, server, name, textFrames, settleMs, ext) {
  const page = await b.ctx.newPage();
  try {
    const before = await rendererCpu(bs);
    await page.goto(server.url(`/bench/frames/main-${name}.html`), { waitUntil: 'load', timeout: 30000 });
    const t0 = Date.now();
    let shown = 0;
    if (ext && textFrames)
      while (Date.now() - t0 < 15000 && (shown = await highlightedFrames(page)) < textFrames)
        await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, settleMs));
    const after = await rendererCpu(bs);
    let cpu = 0;
    for (const [pid, t] of after) cpu += t - (before.get(pid) ?? 0);
    // One session per renderer process: the page's, and the first cross-origin frame's.
    const cross = page.frames().find((f) => f.url().startsWith(server.origin2));
    const heap = (await heapOf(b.ctx, page)) + (cross ? await heapOf(b.ctx, cross) : 0);
    return { cpuMs: cpu * 1000, heap, shown, frames: page.frames().length - 1 };
  } finally {
    await page.close();
  }
}

/** Background `status` (asked from an extension page, as the popup does). */
async function termsServed(b) {
  const page = await b.ctx.newPage();
  try {
    await page.goto(`chrome-extension://${b.extId}/popup.html`);
    const s = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'status' }));
    return s?.ok ? (s.data.terms ?? null) : null;
  } finally {
    await page.close();
  }
}

/**
 * @param {{ launch: (mode: 'noext' | 'floor' | 'ext') => Promise<any>, server: any, runs: number, log: (...a: any[]) => void }} o
 * Returns per-variant medians for both modes and the matcher traffic of one `mixed` load.
 */
export async function benchFrames({ launch, server, runs, log }) {
  const out = { noext: {}, floor: {}, ext: {}, traffic: {} };
  for (const mode of ['noext', 'floor', 'ext']) {
    const b = await launch(mode);
    await routePages(b.ctx, server.origin2);
    const bs = await b.ctx.browser().newBrowserCDPSession();
    try {
      // Warm-up (and, with the extension, let the first install finish its work).
      const ext = mode === 'ext';
      await loadOnce(b, bs, server, 'mixed', VARIANTS.mixed.sameText + VARIANTS.mixed.crossText, 2000, ext);
      const rows = { empty: [], text: [], mixed: [] };
      for (let r = 0; r < runs; r++)
        for (const name of Object.keys(VARIANTS)) {
          const v = VARIANTS[name];
          const before = mode === 'ext' && r === 0 ? await termsServed(b) : null;
          rows[name].push(await loadOnce(b, bs, server, name, v.sameText + v.crossText, 1000, ext));
          const after = before ? await termsServed(b) : null;
          if (before && after)
            out.traffic[name] = { replies: after.replies - before.replies, bytes: after.bytes - before.bytes };
        }
      for (const [name, xs] of Object.entries(rows)) {
        out[mode][name] = {
          cpuMs: median(xs.map((x) => x.cpuMs)),
          heap: median(xs.map((x) => x.heap)),
          shown: Math.min(...xs.map((x) => x.shown)),
          frames: xs[0].frames,
        };
        log(
          `  frames ${mode} ${name}: cpu ${out[mode][name].cpuMs.toFixed(0)} ms, heap ${(out[mode][name].heap / 1024).toFixed(0)} KB, ${out[mode][name].shown} frames underlined`,
        );
      }
    } finally {
      await bs.detach().catch(() => {});
      await b.close();
    }
  }
  return out;
}

/** Flat bench.json keys from benchFrames(): per-frame and total costs as with − without. */
export function framesFigures(fr) {
  const d = (name, k, m = 'ext') => fr[m][name][k] - fr.noext[name][k];
  const r1 = (x) => Math.round(x * 10) / 10;
  const nEmpty = VARIANTS.empty.sameEmpty + VARIANTS.empty.crossEmpty;
  const nText = VARIANTS.text.sameText + VARIANTS.text.crossText;
  return {
    frames_empty_count: nEmpty,
    // The main document (no text either) is in the difference too: charged to the frames.
    frames_empty_heap_kb_per_frame: r1(d('empty', 'heap') / 1024 / nEmpty),
    frames_empty_cpu_ms_per_frame: r1(d('empty', 'cpuMs') / nEmpty),
    frames_floor_heap_kb_per_frame: r1(d('empty', 'heap', 'floor') / 1024 / nEmpty),
    frames_floor_cpu_ms_per_frame: r1(d('empty', 'cpuMs', 'floor') / nEmpty),
    frames_text_count: nText,
    frames_text_underlined: fr.ext.text.shown,
    frames_text_heap_mb_total: r1(d('text', 'heap') / 1024 / 1024),
    frames_text_floor_heap_mb_total: r1(d('text', 'heap', 'floor') / 1024 / 1024),
    frames_text_cpu_ms_total: Math.round(d('text', 'cpuMs')),
    frames_mixed_heap_mb_total: r1(d('mixed', 'heap') / 1024 / 1024),
    frames_mixed_cpu_ms_total: Math.round(d('mixed', 'cpuMs')),
    frames_noext_mixed_cpu_ms: Math.round(fr.noext.mixed.cpuMs),
    frames_empty_matcher_replies: fr.traffic.empty?.replies ?? null,
    // Matcher traffic of one load of the mixed page (10 + 10 frames with text, 10 + 10 without).
    frames_matcher_replies: fr.traffic.mixed?.replies ?? null,
    frames_matcher_bytes: fr.traffic.mixed?.bytes ?? null,
    frames_matcher_bytes_per_text_frame: fr.traffic.mixed?.replies
      ? Math.round(fr.traffic.mixed.bytes / fr.traffic.mixed.replies)
      : null,
  };
}
