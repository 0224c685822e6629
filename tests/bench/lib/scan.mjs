// Scanner: ours vs a bare TreeWalker floor vs mark.js, per page, in real Chromium.
// Per page: one untimed warm-up of every method, then RUNS rounds in alternating order (ABC, CBA, …)
// of floor / chunked scan / unchunked scan; mark.js last (it rewrites the DOM), unmark() between its runs.
// Each method's per-page figure is the median of its RUNS runs; totals are sums of per-page medians.
import { median, sum } from './stats.mjs';

/** mark.js options: per text node (its default), no diacritics expansion (which would only slow it). */
export const MARK_OPTS = { acrossElements: false, diacritics: false };
/** mark(array) options: whole phrases, whole words. */
export const MARK_ARRAY_OPTS = {
  separateWordSearch: false,
  accuracy: 'exactly',
  diacritics: false,
  acrossElements: false,
};

/** @returns per-page rows; failures are recorded with `error` and excluded from totals. */
export async function benchScan({ ctx, urls, runs, markRegex, onPage, markRuns = runs }) {
  const rows = [];
  const page = await ctx.newPage();
  for (const url of urls) {
    const row = { url };
    try {
      await page.goto(url, { waitUntil: 'load', timeout: 30000 });
      if (!(await page.evaluate(() => !!globalThis.__mlBench && !!globalThis.Mark)))
        throw new Error('bench code not injected');
      const ev = (fn, arg) => page.evaluate(fn, arg);
      const floor = () => ev(() => __mlBench.floor());
      const scan = (slice) => ev((s) => __mlBench.scan(s === null ? Infinity : s), slice);
      // Warm-up, recorded as the COLD figures: each navigation starts a fresh JS context, so a real page
      // load always pays this first run (JIT, lazy regex compilation, first layout reads).
      const coldFloor = await floor();
      // The cold read-every-character bound, right after the same cold floor walk the cold scan follows.
      const coldRead = await ev(() => __mlBench.readAll(true));
      const coldScan = await scan(8);
      await scan(null);
      row.coldFloorMs = coldFloor.ms;
      row.coldReadAllMs = coldRead.ms;
      row.coldScanMs = coldScan.activeMs;
      row.coldMaxTaskMs = coldScan.maxTaskMs;
      const f = [],
        s = [],
        u = [];
      const steps = [
        async () => f.push(await floor()),
        async () => s.push(await scan(8)),
        async () => u.push(await scan(null)),
      ];
      for (let r = 0; r < runs; r++) for (const step of r % 2 ? [...steps].reverse() : steps) await step();
      row.floorMs = median(f.map((x) => x.ms));
      // Lower bound for any matcher: the same walk reading every character (3 runs, median).
      const rd = [];
      for (let r = 0; r < 3; r++) rd.push((await ev(() => __mlBench.readAll())).ms);
      row.readAllMs = median(rd);
      // The scanner's walk with a finder that finds nothing (3 runs, median): its share of the scan.
      const wo = [];
      for (let r = 0; r < 3; r++) wo.push((await ev(() => __mlBench.scan(8, false, true))).activeMs);
      row.walkOnlyMs = median(wo);
      row.chars = f[0].chars;
      row.textNodes = f[0].nodes;
      row.scanActiveMs = median(s.map((x) => x.activeMs));
      row.scanWallMs = median(s.map((x) => x.wallMs));
      row.scanMaxTaskMs = Math.max(...s.map((x) => x.maxTaskMs));
      // One more chunked run with the finder wrapped: matcher.pageContext / matcher.find / the rest.
      const diag = await ev(() => __mlBench.scan(8, true));
      row.prepMs = diag.prepMs;
      row.resolveMs = diag.resolveMs;
      row.diagActiveMs = diag.activeMs;
      row.scanMaxSliceMs = Math.max(...s.map((x) => x.maxSliceMs));
      row.scanTasks = median(s.map((x) => x.tasks));
      row.unslicedMs = median(u.map((x) => x.activeMs));
      row.matches = s[0].matches;
      row.blocks = s[0].blocks;
      row.yieldHooked = s.every((x) => x.yieldHooked);
      // The browser's own verdict: long tasks (>= 50 ms) overlapping the timed chunked runs. Unsliced
      // runs are one long task by design and are not counted.
      const lt = await ev(
        (ws) => ws.flatMap(([a, b]) => __mlBench.longTasksBetween(a, b)),
        s.map((x) => [x.t0, x.t1]),
      );
      row.longTasks = lt.length;
      row.longTaskMaxMs = Math.max(0, ...lt);
      // mark.js: warm-up + timed runs, unmark (untimed) after each.
      const m = [];
      for (let r = 0; r <= markRuns; r++) {
        const x = await ev((a) => __mlBench.markjs(a.source, a.flags, a.opts), { ...markRegex, opts: MARK_OPTS });
        const left = await ev(() => __mlBench.unmark());
        if (left) throw new Error(`mark.js unmark() left ${left} <mark> elements`);
        if (r > 0) m.push(x);
        else row.coldMarkMs = x.ms;
      }
      row.markMs = median(m.map((x) => x.ms));
      row.markCount = m[0]?.marks ?? 0;
    } catch (e) {
      row.error = String(e?.message ?? e).split('\n')[0];
    }
    rows.push(row);
    onPage?.(row);
  }
  await page.close();
  return rows;
}

export function summariseScan(rows) {
  const ok = rows.filter((r) => !r.error);
  const t = (k) => sum(ok.map((r) => r[k]));
  return {
    pages: ok.length,
    failed: rows.length - ok.length,
    floor: t('floorMs'),
    readAll: t('readAllMs'),
    walkOnly: t('walkOnlyMs'),
    scan: t('scanActiveMs'),
    scanWall: t('scanWallMs'),
    unsliced: t('unslicedMs'),
    mark: t('markMs'),
    coldFloor: t('coldFloorMs'),
    coldReadAll: t('coldReadAllMs'),
    coldScan: t('coldScanMs'),
    coldMark: t('coldMarkMs'),
    coldMaxTask: Math.max(0, ...ok.map((r) => r.coldMaxTaskMs)),
    prep: t('prepMs'),
    resolve: t('resolveMs'),
    diag: t('diagActiveMs'),
    maxTask: Math.max(0, ...ok.map((r) => r.scanMaxTaskMs)),
    maxTaskPage: ok.reduce((a, r) => (!a || r.scanMaxTaskMs > a.scanMaxTaskMs ? r : a), null)?.url ?? null,
    maxSlice: Math.max(0, ...ok.map((r) => r.scanMaxSliceMs)),
    longTasks: t('longTasks'),
    longTaskMax: Math.max(0, ...ok.map((r) => r.longTaskMaxMs)),
    matches: t('matches'),
    markCount: t('markCount'),
    chars: t('chars'),
    yieldHooked: ok.every((r) => r.yieldHooked),
  };
}

/**
 * mark(array) — mark.js as documented for a word list — costs one DOM pass per term (~10 s even for a
 * small page with 1,800 terms), so it runs ONCE on one or a few small pages only, next to our chunked scan of the same
 * pages, to show how much the single-regex baseline above flatters mark.js.
 */
export async function benchMarkArray({ ctx, urls, terms }) {
  const page = await ctx.newPage();
  const rows = [];
  for (const url of urls) {
    await page.goto(url, { waitUntil: 'load', timeout: 30000 });
    await page.evaluate(() => __mlBench.scan(8));
    const scans = [];
    for (let i = 0; i < 3; i++) scans.push((await page.evaluate(() => __mlBench.scan(8))).activeMs);
    const m = await page.evaluate((a) => __mlBench.markjsArray(a.terms, a.opts), { terms, opts: MARK_ARRAY_OPTS });
    rows.push({ url, scanMs: median(scans), markArrayMs: m.ms, marks: m.marks });
  }
  await page.close();
  return rows;
}
