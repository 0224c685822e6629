/**
 * Benchmark for `npm run bench`: cold index load (IndexedDB → ready index, as after a worker wake)
 * and the p95 latency of 100 varied searches through the real message handler.
 * In Node it uses fake-indexeddb (an in-memory IndexedDB), so absolute numbers are indicative.
 */
import type { GlossaryEntry } from '../../lib/glossary/types';
import type { KbBundle } from '../../lib/kb/types';
import { MATCHER_FORMAT, type CompiledMatcher } from '../../lib/match/types';
import type { SearchRequest } from '../../lib/messaging/protocol';
import { createBackground } from '../../lib/background/handler';
import type { IndexAdapter } from '../../lib/background/search-index';
import { p95 } from './lib/stats.mjs';

export interface BenchResult {
  search_p95_ms: number;
  index_cold_load_ms: number;
}

/** Deterministic, varied queries taken from the bundle's own text. */
export function benchQueries(bundle: KbBundle, n = 100): SearchRequest[] {
  const words = [...new Set(bundle.records.flatMap((r) => r.text.toLowerCase().match(/\p{L}{4,}/gu) ?? []))].sort();
  if (!words.length) return [{ type: 'search', query: 'migration' }];
  const step = Math.max(1, Math.floor(words.length / n));
  const kinds = ['mandate', 'recommendation', 'passage'];
  return Array.from({ length: n }, (_, i) => {
    const w = words[(i * step) % words.length]!;
    const w2 = words[(i * step * 7 + 3) % words.length]!;
    switch (i % 5) {
      case 0:
        return { type: 'search', query: w };
      case 1:
        return { type: 'search', query: w.slice(0, 4) }; // as-you-type prefix
      case 2:
        return { type: 'search', query: `${w} ${w2}` };
      case 3:
        return { type: 'search', query: w.length >= 5 ? w.slice(0, 2) + w[3] + w[2] + w.slice(4) : w }; // typo → fuzzy
      default:
        return { type: 'search', query: w, filters: { kind: kinds[i % 3]! } };
    }
  });
}

export async function benchBackground(
  bundle: KbBundle,
  opts: { glossary?: GlossaryEntry[]; idb?: IDBFactory; indexAdapter?: IndexAdapter } = {},
): Promise<BenchResult> {
  let idb = opts.idb;
  if (!idb) {
    const g = globalThis as { indexedDB?: IDBFactory };
    // Node: idb needs the IDB globals too. A variable specifier keeps this dev-only module out of
    // type resolution and bundles.
    const fake = 'fake-indexeddb/auto';
    if (!g.indexedDB) await import(/* @vite-ignore */ fake);
    idb = g.indexedDB!;
  }
  // The search bench never asks for terms: a matcher stand-in of the current format (state.ts checks it).
  const pkg = { bundle, glossary: opts.glossary ?? [], matcher: { v: MATCHER_FORMAT } as CompiledMatcher };
  const storage = {
    get: async () => {
      throw new Error('unused');
    },
    put: async () => {
      throw new Error('unused');
    },
  };
  const dbName = `migration-lens-bench-${Date.now()}`;
  const common = { idb, dbName, storage, indexAdapter: opts.indexAdapter };
  const installer = createBackground({ ...common, loadPackage: async () => pkg });
  await installer.install();
  await installer.close();

  // A fresh instance = a woken worker: nothing in memory, everything comes from IndexedDB.
  const bg = createBackground({
    ...common,
    loadPackage: async () => {
      throw new Error('bench: package must come from IndexedDB');
    },
  });
  const t0 = performance.now();
  const first = await bg.handleMessage({ type: 'search', query: 'migration' });
  const index_cold_load_ms = performance.now() - t0;
  if (!first.ok) throw new Error(`bench: cold search failed: ${first.error}`);

  const times: number[] = [];
  for (const q of benchQueries(bundle)) {
    const t = performance.now();
    const r = await bg.handleMessage(q);
    times.push(performance.now() - t);
    if (!r.ok) throw new Error(`bench: query ${JSON.stringify(q)} failed: ${r.error}`);
  }
  await bg.close();
  await new Promise<void>((res) => {
    const d = idb!.deleteDatabase(dbName);
    d.onsuccess = d.onerror = () => res();
  });
  const round = (x: number) => Math.round(x * 100) / 100;
  return { search_p95_ms: round(p95(times)), index_cold_load_ms: round(index_cold_load_ms) };
}
