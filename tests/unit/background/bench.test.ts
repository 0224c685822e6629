import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { benchBackground, benchQueries } from '@/tests/bench/background';
import { makePackage } from './fixtures';

describe('bench helper', () => {
  it('returns finite timings and uses 100 varied queries', async () => {
    const { bundle, glossary } = makePackage();
    const qs = benchQueries(bundle);
    expect(qs).toHaveLength(100);
    expect(new Set(qs.map((q) => JSON.stringify(q))).size).toBeGreaterThan(20);
    const r = await benchBackground(bundle, { glossary, idb: new IDBFactory() });
    expect(Number.isFinite(r.search_p95_ms) && r.search_p95_ms >= 0).toBe(true);
    expect(r.index_cold_load_ms).toBeGreaterThan(0);
  });
});
