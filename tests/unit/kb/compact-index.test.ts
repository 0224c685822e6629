/**
 * The compact index layout (lib/kb/compact-index.ts) fills MiniSearch's internals directly, so it is
 * checked against indexes MiniSearch built itself: same hits, same scores, same order, also after
 * adding documents to a loaded index. A MiniSearch upgrade that changes those internals fails here.
 */
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { COMPACT_FORMAT, loadCompactIndex, toCompactIndex } from '../../../lib/kb/compact-index';
import { buildKnowledgeBase, canonicalJson } from '../../../lib/pipeline/kb/build';
import {
  SEARCH_OPTIONS,
  TERM_OPTIONS,
  createIndex,
  createTermIndex,
  loadIndex,
  loadTermIndex,
  serializeTermIndex,
} from '../../../lib/kb/search-options';
import type { GlossaryEntry } from '../../../lib/glossary/types';
import { ROOT } from './fixture';

const { records, index } = buildKnowledgeBase(ROOT);
const QUERIES = [
  'migration',
  'remittance costs',
  'ICAO Public Key Directory',
  'Crépeau',
  'UN-Habitat',
  'domestic workers convention',
  'migrnats',
  'trafic',
  'recommendations',
  '004',
  'gfmd',
  'labour mobility partnerships',
  'comp',
  'xyzzy',
];
const runtime = { prefix: true, fuzzy: (t: string) => (t.length >= 5 ? 0.2 : false) };
// Order-insensitive: a loaded radix tree (ours or MiniSearch.loadJSON's) iterates terms in another
// order than the one built incrementally, so matched-term lists and equal-score ties come out permuted.
const view = <T>(ms: MiniSearch<T>, q: string, o = {}) =>
  ms
    .search(q, o)
    .map((h) => `${h.score.toFixed(9)} ${h.id} ${[...h.terms].sort().join('|')}`)
    .sort();

describe('compact MiniSearch index', () => {
  const fresh = createIndex(records);

  it('the bundle index loads to exactly what MiniSearch builds (build and runtime options)', () => {
    const loaded = loadIndex(JSON.parse(canonicalJson(index)));
    for (const q of QUERIES) {
      expect(view(loaded, q), q).toEqual(view(fresh, q));
      expect(view(loaded, q, runtime), q).toEqual(view(fresh, q, runtime));
    }
    expect(loaded.documentCount).toBe(records.length);
    expect(loaded.termCount).toBe(fresh.termCount);
  });

  it('matches MiniSearch.loadJSON of the same index exactly (term order too), from a string too', () => {
    const viaJson = MiniSearch.loadJSON(JSON.stringify(fresh), SEARCH_OPTIONS);
    const viaCompact = loadIndex(JSON.stringify(index));
    const exact = <T>(ms: MiniSearch<T>, q: string) =>
      ms.search(q, runtime).map((h) => `${h.id} ${h.score} ${h.terms.join('|')}`);
    for (const q of QUERIES) expect(exact(viaCompact, q), q).toEqual(exact(viaJson, q));
  });

  it('a loaded index keeps working as a MiniSearch: add, discard, stored fields, custom ids', () => {
    type D = { id: number; title: string; body: string; tag: string };
    const opts = { fields: ['title', 'body'], storeFields: ['tag'] };
    const docs: D[] = [
      { id: 10, title: 'Labour migration', body: 'Bilateral labour agreements', tag: 'a' },
      { id: 20, title: 'Remittances', body: 'Lower transfer costs for migrant workers', tag: 'b' },
      { id: 30, title: 'Refugees', body: 'Protection of refugees and migrants', tag: 'c' },
    ];
    const built = new MiniSearch<D>(opts);
    built.addAll(docs);
    built.discard(20); // a hole in the short ids and a dirt count
    const compact = JSON.parse(JSON.stringify(toCompactIndex(built)));
    expect(compact.format).toBe(COMPACT_FORMAT);
    const loaded = loadCompactIndex<D>(compact, opts);
    const extra = { id: 40, title: 'Migrant workers', body: 'Domestic work', tag: 'd' };
    for (const ms of [built, loaded]) {
      ms.add(extra);
      ms.discard(10);
    }
    for (const q of ['migrant', 'workers', 'refugees', 'labour', 'remittances'])
      expect(view(loaded, q, { prefix: true }), q).toEqual(view(built, q, { prefix: true }));
    expect(loaded.search('domestic')[0]).toMatchObject({ id: 40, tag: 'd' });
  });

  it('decodes postings on first use: a full re-serialisation of a loaded index gives the same index', async () => {
    // toJSON() walks every term's Maps; only the tree's term order may differ from the original.
    const again0 = toCompactIndex(loadIndex(index));
    const byTerm = (c: typeof index) => new Map(c.terms.map((t, k) => [t, c.postings[k]]));
    expect(byTerm(again0)).toEqual(byTerm(index));
    expect(canonicalJson({ ...again0, terms: [], postings: [] })).toBe(
      canonicalJson({ ...index, terms: [], postings: [] }),
    );
    const again = loadIndex(index);
    again.search('migration');
    await again.vacuum(); // walks all terms through the Map interface; nothing was discarded
    expect(view(again, 'migration', runtime)).toEqual(view(fresh, 'migration', runtime));
  });

  it("a term's lazy data is a full Map from any first call (size, has, iteration, forEach, set)", () => {
    type TermData = Map<number, Map<number, number>>;
    const dataOf = <T>(ms: MiniSearch<T>, t: string) =>
      (ms as unknown as { _index: Map<string, TermData> })._index.get(t)!;
    const plain = (d: TermData) => [...new Map(d)].map(([f, m]) => [f, [...m]]);
    const firstCalls: ((d: TermData) => unknown)[] = [
      (d) => d.size,
      (d) => d.has(0),
      (d) => [...d.keys()],
      (d) => [...d.values()].length,
      (d) => [...d.entries()].length,
      (d) => {
        let n = 0;
        d.forEach(() => {
          n++;
        });
        return n;
      },
      (d) => [...d].length,
    ];
    for (const term of ['remittances', 'migration', 'icao']) {
      const want = dataOf(fresh, term);
      for (const call of firstCalls) {
        const d = dataOf(loadIndex(index), term);
        expect(call(d), `${term} ${call}`).toEqual(call(want));
        expect(plain(d)).toEqual(plain(want));
      }
      const d = dataOf(loadIndex(index), term);
      d.set(99, new Map([[1, 1]])); // MiniSearch.add() on a loaded index: decode first, then add
      expect(d.size).toBe(want.size + 1);
      expect(plain(d).slice(0, -1)).toEqual(plain(want));
    }
  });

  it('a damaged posting string fails the query that touches it, not the load', () => {
    const damaged = {
      ...index,
      postings: index.postings.map((p, k) => (index.terms[k] === 'remittances' ? p.slice(0, -1) : p)),
    };
    const ms = loadIndex(damaged);
    expect(ms.search('labour').length).toBeGreaterThan(0);
    expect(() => ms.search('remittances')).toThrow(/postings/);
  });

  it('rejects other formats and indexes built for other fields', () => {
    expect(() => loadIndex(JSON.parse(JSON.stringify(fresh)))).toThrow(TypeError); // MiniSearch.toJSON() layout
    expect(() => loadIndex('{"format":"ml-index-1"}')).toThrow(/malformed/);
    expect(() => loadCompactIndex(index, { ...SEARCH_OPTIONS, fields: ['text', 'title'] })).toThrow(/built for fields/);
    expect(() => loadIndex({ ...index, postings: index.postings.slice(0, -2) })).toThrow(/malformed header/);
  });

  it('is deterministic and smaller than MiniSearch.toJSON()', () => {
    expect(canonicalJson(toCompactIndex(createIndex(records)))).toBe(canonicalJson(index));
    expect(JSON.stringify(index).length).toBeLessThan(JSON.stringify(fresh).length * 0.75);
  });

  it('term index: stored built-ins + custom entries search like one index built from all entries', () => {
    const e = (id: string, label: string, expansion: string, summary: string, aliases?: string[]): GlossaryEntry => ({
      id,
      label,
      expansion,
      summary,
      aliases,
      category: 'agency',
      related: [],
      excerpts: [],
    });
    const builtin = [
      e('iom', 'IOM', 'International Organization for Migration', 'Intergovernmental migration organization.'),
      e('ilo', 'ILO', 'International Labour Organization', 'Labour standards, including for migrant workers.', ['OIT']),
    ];
    const custom = [
      { ...e('kafala', 'Kafala', '', 'Sponsorship system tying migrant workers to employers.'), custom: true },
    ];
    const all = createTermIndex([...builtin, ...custom]);
    const loaded = loadTermIndex(JSON.stringify(serializeTermIndex(builtin)), custom);
    for (const q of ['migrant', 'labour', 'OIT', 'kafala', 'organization', 'sponsor'])
      expect(view(loaded, q, runtime), q).toEqual(view(all, q, runtime));
    expect(() => loadCompactIndex(serializeTermIndex(builtin), SEARCH_OPTIONS)).toThrow(/built for fields/);
    expect(TERM_OPTIONS.fields).toContain('summary');
  });
});
