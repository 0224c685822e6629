/**
 * Browser half of the scanner bench. run.mjs bundles this file with esbuild into one IIFE and
 * evaluates it in each page's main world; it installs `globalThis.__mlBench`. Every method is measured
 * here, inside the page, with performance.now(), so Playwright round trips never enter a figure.
 * Relative imports only (bundled by esbuild without the `@/` alias).
 */
import { PageScanner } from '../../lib/scan/page-scanner';
import { loadMatcher, type BlockMatcher, type LoadedMatcher } from '../../lib/match/matcher';
import type { CompiledMatcher } from '../../lib/match/types';

interface MarkInstance {
  mark(terms: string[], opts: Record<string, unknown>): void;
  markRegExp(re: RegExp, opts: Record<string, unknown>): void;
  unmark(opts: Record<string, unknown>): void;
}
type MarkCtor = new (ctx: Element) => MarkInstance;

export interface ScanRun {
  /** Wall time from start() to its promise resolving, idle yields included. */
  wallMs: number;
  /** Wall time minus the time spent inside scheduler.yield(): our own work only. */
  activeMs: number;
  /** Longest stretch of our code between two yields (what the main thread saw as one task of ours). */
  maxTaskMs: number;
  /** The scanner's own view: longest time-slice it measured (excludes pageContext, viewportFirst). */
  maxSliceMs: number;
  tasks: number;
  blocks: number;
  matches: number;
  /** false when scheduler.yield was missing and activeMs = wallMs. */
  yieldHooked: boolean;
  /** Breakdown runs only: time inside matcher.blocks prepare (+ context add) and resolve. */
  prepMs?: number;
  resolveMs?: number;
  /** performance.now() at start and end, to attribute long-task entries to this run. */
  t0: number;
  t1: number;
}

const now = () => performance.now();
let matcher: LoadedMatcher | null = null;
const longTasks: { start: number; end: number }[] = [];

function need(): LoadedMatcher {
  if (!matcher) throw new Error('__mlBench.init(matcher) was not called');
  return matcher;
}

function walkAll(): { chars: number; nodes: number } {
  const w = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  let chars = 0,
    nodes = 0;
  for (let n = w.nextNode(); n; n = w.nextNode()) {
    chars += (n as Text).data.length;
    nodes++;
  }
  return { chars, nodes };
}

/**
 * The floor: a bare TreeWalker over every text node, reading its data; nothing skipped or kept.
 * One walk of a small page takes less than the 0.1 ms clock granularity of a non-isolated page, so
 * the walk is repeated until ≥ 3 ms have passed (max 50 walks) and the per-walk mean is returned.
 */
function floor(): { ms: number; chars: number; nodes: number; reps: number } {
  const t0 = now();
  let r = walkAll();
  let reps = 1;
  while (now() - t0 < 3 && reps < 50) {
    r = walkAll();
    reps++;
  }
  return { ms: (now() - t0) / reps, reps, ...r };
}

/**
 * A lower bound for ANY matcher: the floor's walk plus reading every character once (a checksum of
 * char codes, so the loop cannot be optimised away). Same repetition rule as floor().
 */
function readAll(single = false): { ms: number; sum: number } {
  const once = () => {
    const w = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
    let sum = 0;
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      const d = (n as Text).data;
      for (let i = 0; i < d.length; i++) sum = (sum + d.charCodeAt(i)) | 0;
    }
    return sum;
  };
  const t0 = now();
  let sum = once();
  let reps = 1;
  // `single`: the cold bound, one pass in a fresh context, timed like the cold scan (no repetition).
  while (!single && now() - t0 < 3 && reps < 50) {
    sum ^= once();
    reps++;
  }
  return { ms: (now() - t0) / reps, sum };
}

/**
 * One full scan with the real PageScanner + compiled glossary matcher. The scanner yields through
 * scheduler.yield() (Chromium has it); wrapping it records every yield so the gaps between yields are
 * exactly our tasks. stop() afterwards removes highlights and observers so the next run starts clean.
 */
/**
 * A finder that finds nothing: the scanner's own walk (elements and text, skipped regions, blocks across
 * inline markup, slicing) without any matching: what any matcher plugged into this scanner pays.
 */
const NOTHING: BlockMatcher = {
  prepare: () => ({ norm: '', cands: [] }),
  context: () => ({ add: () => undefined, finish: () => ({ score: 0, domain: false, ids: [], text: '' }) }),
  resolve: () => [],
  resolveAlone: () => [],
};

async function scan(sliceMs: number, breakdown = false, walkOnly = false): Promise<ScanRun> {
  const m = need();
  // Diagnostic runs wrap the finder to split the time into matcher calls vs the rest (walk, locate,
  // ranges, painting); timed runs use the bare matcher so the wrapper costs nothing there.
  // prepare = normalise + candidates of each block (done once), resolve = acceptance against the page.
  const split = { prepMs: 0, resolveMs: 0 };
  const timed =
    <A extends unknown[], R>(fn: (...a: A) => R, key: 'prepMs' | 'resolveMs') =>
    (...a: A): R => {
      const t = now();
      try {
        return fn(...a);
      } finally {
        split[key] += now() - t;
      }
    };
  const bm = m.blocks;
  const finder: BlockMatcher = walkOnly
    ? NOTHING
    : !breakdown
      ? bm
      : {
          prepare: timed(bm.prepare, 'prepMs'),
          context: () => {
            const c = bm.context();
            return { add: timed(c.add, 'prepMs'), finish: c.finish };
          },
          resolve: timed(bm.resolve, 'resolveMs'),
          resolveAlone: timed(bm.resolveAlone, 'resolveMs'),
        };
  const sched = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  const orig = sched?.yield;
  const marks: number[] = [];
  const idle: [number, number][] = [];
  if (sched && orig) {
    sched.yield = () => {
      marks.push(now());
      return orig.call(sched).then(() => {
        marks.push(now());
      });
    };
  }
  const scanner = new PageScanner(document, {
    finder,
    sliceMs,
    onIdle: (a, b) => {
      idle.push([a, b]);
    },
  });
  let t1: number;
  const t0 = now();
  try {
    await scanner.start();
    t1 = now();
  } finally {
    if (sched && orig) delete (sched as { yield?: unknown }).yield;
    scanner.stop();
  }
  // marks = [yieldStart, yieldEnd, yieldStart, yieldEnd, ...]; tasks are the stretches outside them.
  // The scanner's own idle waits (one frame after its first underlines) count as yields too.
  const pairs: number[][] = [];
  for (let i = 0; i + 1 < marks.length; i += 2) pairs.push([marks[i]!, marks[i + 1]!]);
  const gaps = [...pairs, ...idle].sort((a, b) => a[0]! - b[0]!).flat();
  const edges = [t0, ...gaps, t1];
  let active = 0,
    maxTask = 0;
  for (let i = 0; i + 1 < edges.length; i += 2) {
    const d = edges[i + 1]! - edges[i]!;
    active += d;
    if (d > maxTask) maxTask = d;
  }
  return {
    wallMs: t1 - t0,
    activeMs: active,
    maxTaskMs: maxTask,
    maxSliceMs: scanner.stats.maxSliceMs,
    tasks: edges.length / 2,
    blocks: scanner.stats.blocks,
    matches: scanner.stats.matches,
    yieldHooked: !!orig,
    t0,
    t1,
    ...(breakdown ? { prepMs: split.prepMs, resolveMs: split.resolveMs } : {}),
  };
}

function markCtor(): MarkCtor {
  const Mark = (globalThis as { Mark?: MarkCtor }).Mark;
  if (!Mark) throw new Error('mark.js is not loaded in this page');
  return Mark;
}

/**
 * Baseline: mark.js (loaded separately as window.Mark) over the same term forms, all of them in ONE
 * regular expression through markRegExp(): a single DOM pass, the fastest way mark.js can be given
 * 1,800 terms. Mutates the DOM (wraps matches in <mark>).
 */
function markjs(source: string, flags: string, opts: Record<string, unknown>): { ms: number; marks: number } {
  const re = new RegExp(source, flags);
  let marks = 0;
  const t0 = now();
  new (markCtor())(document.body).markRegExp(re, {
    ...opts,
    each: () => {
      marks++;
    },
  });
  return { ms: now() - t0, marks };
}

/**
 * mark.js as documented for a word list: mark(array). It walks the DOM once PER TERM (and recurses
 * once per term, so the list is fed in chunks of 200 to stay under the call-stack limit).
 */
function markjsArray(terms: string[], opts: Record<string, unknown>): { ms: number; marks: number } {
  const Mark = markCtor();
  let marks = 0;
  const t0 = now();
  for (let i = 0; i < terms.length; i += 200) {
    new Mark(document.body).mark(terms.slice(i, i + 200), {
      ...opts,
      each: () => {
        marks++;
      },
    });
  }
  return { ms: now() - t0, marks };
}

function unmark(): number {
  new (markCtor())(document.body).unmark({});
  return document.querySelectorAll('mark[data-markjs]').length;
}

/** Long tasks (≥ 50 ms) that overlap [from, to]: the browser's own verdict on blocking. */
function longTasksBetween(from: number, to: number): number[] {
  return longTasks.filter((t) => t.end > from && t.start < to).map((t) => t.end - t.start);
}

function init(compiled: CompiledMatcher): void {
  matcher = loadMatcher(compiled);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // longtask is Chromium-only; the yield-gap measurement above does not depend on it.
  }
}

(globalThis as Record<string, unknown>).__mlBench = {
  init,
  floor,
  readAll,
  scan,
  markjs,
  markjsArray,
  unmark,
  longTasksBetween,
  now,
};
