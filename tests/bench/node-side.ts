/**
 * Node half of `npm run bench` (run through tsx by run.mjs): compiles the real glossary matcher for the
 * browser half, and measures the background figures against baselines from the same run.
 * Usage: node --import tsx tests/bench/node-side.ts OUT.json
 * Relative imports only: tsx runs this file directly (no `@/` alias).
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
// The idb wrapper checks `instanceof IDBRequest` etc.: the IDB globals must exist before it runs.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { buildKnowledgeBase, serializeBundle } from '../../lib/pipeline/kb/build';
import { loadIndex, processTerm, tokenize, toSearchDoc } from '../../lib/kb/search-options';
import type { KbBundle } from '../../lib/kb/types';
import type { GlossaryEntry, GlossarySource } from '../../lib/glossary/types';
import { buildGlossary } from '../../lib/pipeline/glossary/index';
import { shippedEntry } from '../../lib/pipeline/package';
import { loadGlossarySources } from '../../lib/pipeline/glossary/load';
import { compileMatcher } from '../../lib/match/compile';
import { loadMatcher } from '../../lib/match/matcher';
import { htmlToText } from '../../lib/pipeline/text/html-node';
import { benchBackground, benchQueries } from './background';
import { median, p95 } from './lib/stats.mjs';
import { HOVER_DELAY } from '../../lib/settings/schema';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

const round = (x: number) => Math.round(x * 1000) / 1000;

/** All data/glossary/*.json, concatenated in file-name order (the build's own loader). */
export function readGlossary(dir: string): GlossarySource[] {
  const all = loadGlossarySources(dir).flatMap((f) => f.entries);
  if (!all.length) throw new Error(`${dir}: no glossary entries`);
  return all;
}

/** Every distinct surface form the glossary names (labels + aliases): what mark.js is given. */
export function termForms(entries: readonly GlossarySource[]): string[] {
  const forms = new Set<string>();
  for (const e of entries) for (const f of [e.label, ...(e.aliases ?? [])]) if (f.trim()) forms.add(f.trim());
  return [...forms];
}

/**
 * Terms for the hover bench page: one short line per entry ("LABEL is on the agenda."), kept only when
 * the real matcher finds exactly that entry over exactly the label in the page's context, so every
 * hover lands on an underlined term and each term is looked up once (uncached) at its first hover.
 */
export function hoverTerms(
  entries: readonly GlossarySource[],
  compiled: ReturnType<typeof compileMatcher>,
  n: number,
): { id: string; label: string }[] {
  const m = loadMatcher(compiled);
  const line = (label: string) => `${label} is on the agenda.`;
  const cands = entries.filter((e) => e.label.length >= 3 && e.label.length <= 24);
  const ctx = m.pageContext(cands.map((e) => line(e.label)).join('\n'));
  const seen = new Set<string>();
  const out: { id: string; label: string }[] = [];
  for (const e of cands) {
    if (seen.has(e.label)) continue;
    const hits = m.find(line(e.label), ctx);
    if (hits.length === 1 && hits[0]!.id === e.id && hits[0]!.start === 0 && hits[0]!.end === e.label.length) {
      out.push({ id: e.id, label: e.label });
      seen.add(e.label);
    }
    if (out.length >= n) break;
  }
  return out;
}

/**
 * The same forms as ONE regular expression for mark.js markRegExp(): longest first (alternation is
 * ordered), any whitespace run between words, and no letter/digit on either side (whole words).
 */
export function formsRegex(forms: readonly string[]): { source: string; flags: string } {
  const esc = (f: string) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  const alts = [...forms].sort((a, b) => b.length - a.length).map(esc);
  return { source: `(?<![\\p{L}\\p{N}])(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, flags: 'giu' };
}

/**
 * Baseline for search: a linear scan over every record's text for the same queries (AND of the
 * processed query terms as lowercase substrings). No index, no ranking: the floor any index must beat
 * on this corpus size for the index to be worth its load time.
 */
function linearSearch(docs: { id: string; hay: string }[], query: string): number {
  const terms = tokenize(query)
    .map(processTerm)
    .filter((t): t is string => !!t);
  let hits = 0;
  for (const d of docs) if (terms.every((t) => d.hay.includes(t))) hits++;
  return hits;
}

function timeEach<T>(items: readonly T[], fn: (x: T) => unknown): number[] {
  return items.map((x) => {
    const t = performance.now();
    fn(x);
    return performance.now() - t;
  });
}

/** Floor for the cold load: one IndexedDB get of the serialised bundle + JSON.parse, nothing built. */
async function coldReadFloor(json: string): Promise<number> {
  const idb = new IDBFactory();
  const open = (): Promise<IDBDatabase> =>
    new Promise((res, rej) => {
      const r = idb.open('floor', 1);
      r.onupgradeneeded = () => r.result.createObjectStore('kv');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
  const db1 = await open();
  await new Promise<void>((res, rej) => {
    const tx = db1.transaction('kv', 'readwrite');
    tx.objectStore('kv').put(json, 'bundle');
    tx.oncomplete = () => res();
    tx.onerror = () => rej(tx.error);
  });
  db1.close();
  const t0 = performance.now();
  const db2 = await open();
  const text = await new Promise<string>((res, rej) => {
    const r = db2.transaction('kv').objectStore('kv').get('bundle');
    r.onsuccess = () => res(r.result as string);
    r.onerror = () => rej(r.error);
  });
  JSON.parse(text);
  const ms = performance.now() - t0;
  db2.close();
  return ms;
}

/**
 * `matcher.find()` and `pageContext()` in Node on the real page with the most visible text (among the
 * biggest HTML file and a spread of others from ../shared/pages/readability), next to a bare
 * `charCodeAt` loop over the same text: what matching costs per page beyond touching every character.
 */
export async function matcherPageFigures(
  root: string,
  compiled: ReturnType<typeof compileMatcher>,
  notes: string[],
): Promise<Record<string, number | null>> {
  const dir = resolve(root, '../shared/pages/readability');
  const none = {
    matcher_page_chars: null,
    matcher_find_ms: null,
    matcher_page_context_ms: null,
    matcher_bare_loop_ms: null,
    matcher_find_ratio_bare_loop: null,
  };
  if (!existsSync(dir)) {
    notes.push(`${dir} is absent: matcher page figures not measured`);
    return none;
  }
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({ f, size: statSync(join(dir, f)).size }))
    .sort((a, b) => b.size - a.size);
  // The biggest HTML file is mostly markup, so a few others are parsed too and the longest text wins.
  const sample = [...pages.slice(0, 1), ...pages.filter((_, i) => i % 40 === 5)].slice(0, 4);
  let text = '';
  for (const p of sample) {
    const t = await htmlToText(readFileSync(join(dir, p.f), 'utf8'));
    if (t.length > text.length) text = t;
  }
  if (!text) {
    notes.push(`${dir} has no page with text: matcher page figures not measured`);
    return none;
  }
  const m = loadMatcher(compiled);
  const ctx = m.pageContext(text);
  let sink = 0;
  const time = (fn: () => void, n: number) => {
    fn();
    const runs: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      fn();
      runs.push(performance.now() - t0);
    }
    return median(runs);
  };
  const loop = time(() => {
    for (let i = 0; i < text.length; i++) sink += text.charCodeAt(i);
  }, 21);
  const find = time(() => {
    sink += m.find(text, ctx).length;
  }, 5);
  const page = time(() => {
    sink += m.pageContext(text).score;
  }, 5);
  if (!sink) notes.push('matcher page figures: the timed work produced nothing (sink 0)');
  return {
    matcher_page_chars: text.length,
    matcher_find_ms: round(find),
    matcher_page_context_ms: round(page),
    matcher_bare_loop_ms: round(loop),
    matcher_find_ratio_bare_loop: round(find / loop),
  };
}

export async function nodeSide(root: string): Promise<{
  figures: Record<string, number | null>;
  notes: string[];
  matcher: unknown;
  terms: string[];
  markRegex: { source: string; flags: string };
  hoverDelayMs: number;
  hoverTerms: { id: string; label: string }[];
}> {
  const notes: string[] = [];
  const sources = readGlossary(join(root, 'data/glossary'));
  const t0 = performance.now();
  const matcher = compileMatcher(sources);
  const compileMs = performance.now() - t0;
  const matcherJson = JSON.stringify(matcher);

  const bundle: KbBundle = buildKnowledgeBase(root);
  const bundleJson = serializeBundle(bundle);
  const srcBytes = readdirSync(join(root, 'data/sources'))
    .filter((n) => n.endsWith('.txt'))
    .reduce((n, f) => n + readFileSync(join(root, 'data/sources', f)).length, 0);

  let glossary: GlossaryEntry[] = [];
  try {
    glossary = buildGlossary(root, bundle, { throwOnError: false }).entries.map(shippedEntry);
  } catch (e) {
    notes.push(`glossary build failed, background bench runs without glossary entries: ${(e as Error).message}`);
  }

  // Warm-up (JIT, lazy module init) so neither side pays first-call costs inside its figure.
  await benchBackground(bundle, { glossary, idb: new IDBFactory() });
  // Three measured runs, median of each figure: one run is at the mercy of the shared machine.
  const bgRuns = [];
  for (let i = 0; i < 3; i++) bgRuns.push(await benchBackground(bundle, { glossary, idb: new IDBFactory() }));
  const bg = {
    search_p95_ms: median(bgRuns.map((r) => r.search_p95_ms)),
    index_cold_load_ms: median(bgRuns.map((r) => r.index_cold_load_ms)),
  };

  // Baselines over the same queries: MiniSearch directly (no IndexedDB, no handler) and a linear scan.
  const queries = benchQueries(bundle).map((q) => q.query);
  const ms = loadIndex(bundle.index as object);
  const docs = bundle.records.map((r) => ({
    id: r.id,
    hay: toSearchDoc(r)
      .text.normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase(),
  }));
  timeEach(queries, (q) => ms.search(q));
  timeEach(queries, (q) => linearSearch(docs, q));
  const direct = timeEach(queries, (q) => ms.search(q));
  const linear = timeEach(queries, (q) => linearSearch(docs, q));

  const floors: number[] = [];
  for (let i = 0; i < 3; i++) floors.push(await coldReadFloor(bundleJson));
  const loads = timeEach([0, 1, 2], () => loadIndex(bundle.index as object));

  const f: Record<string, number | null> = {
    glossary_entries: sources.length,
    matcher_json_bytes: Buffer.byteLength(matcherJson),
    matcher_json_gzip_bytes: gzipSync(matcherJson, { level: 9 }).length,
    matcher_compile_ms: round(compileMs),
    search_queries: queries.length,
    search_p95_ms: bg.search_p95_ms,
    search_minisearch_p95_ms: round(p95(direct)),
    search_linear_p95_ms: round(p95(linear)),
    search_ratio_linear: round(bg.search_p95_ms / p95(linear)),
    index_cold_load_ms: bg.index_cold_load_ms,
    index_minisearch_load_ms: round(median(loads)),
    index_cold_floor_ms: round(median(floors)),
    index_cold_ratio_floor: round(bg.index_cold_load_ms / median(floors)),
    kb_records: bundle.records.length,
    kb_bundle_bytes: Buffer.byteLength(bundleJson),
    kb_bundle_gzip_bytes: gzipSync(bundleJson, { level: 9 }).length,
    kb_sources_bytes: srcBytes,
    kb_ratio_sources: round(Buffer.byteLength(bundleJson) / srcBytes),
    ...(await matcherPageFigures(root, matcher, notes)),
  };
  const terms = termForms(sources);
  // The hover bench runs in a fresh profile, so the content script uses the default dwell delay.
  return {
    figures: f,
    notes,
    matcher,
    terms,
    markRegex: formsRegex(terms),
    hoverDelayMs: HOVER_DELAY.default,
    hoverTerms: hoverTerms(sources, matcher, 90),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: node --import tsx tests/bench/node-side.ts OUT.json');
    process.exit(2);
  }
  nodeSide(ROOT).then(
    (r) => writeFileSync(out, JSON.stringify(r)),
    (e: unknown) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : e);
      process.exit(1);
    },
  );
}
