/**
 * The allocation-free trie scan and the lazy page context against straightforward references: the
 * tokenise-everything trie walk the matcher used before, and one-shot evidence over the whole text.
 */
import { describe, expect, it } from 'vitest';
import type { Cand } from '../../../lib/match/evidence';
import { compileMatcher } from '../../../lib/match/compile';
import { isIncremental, LazyContext } from '../../../lib/match/context';
import { foldKey, normalise, tokenize } from '../../../lib/match/normalise';
import { patternTriggerGroups } from '../../../lib/match/pattern-trigger';
import { WordSet } from '../../../lib/match/words';
import { rootHashes } from '../../../lib/match/roots';
import { trieCands } from '../../../lib/match/scan-words';
import { Trie } from '../../../lib/match/trie';
import { nestedTrie, type TrieNode } from './helpers/nested-trie';
import { termsGlossary, termsMatcher } from './helpers/fixture';

/** The previous implementation: tokenize() the whole text, walk the trie from every token. */
function reference(root: TrieNode, norm: string): Cand[] {
  const { t, s, e } = tokenize(norm);
  const out: Cand[] = [];
  const PLURAL = /^\p{Lu}[\p{Lu}\p{Nd}]*\p{Lu}s$/u;
  const term = (node: TrieNode, i: number, j: number) => {
    for (const n of (node[''] as number[] | undefined) ?? [])
      out.push({ s: s[i]!, e: e[j]!, x: n >> 3, one: (n & 1) === 1, fam: false });
  };
  const walk = (node: TrieNode, i: number, j: number): void => {
    const tok = t[j]!,
      lo = foldKey(tok.toLowerCase());
    const exact = node[`=${tok}`] as TrieNode | undefined;
    const lower = node[lo] as TrieNode | undefined;
    if (exact) step(exact, i, j);
    if (lower && lower !== exact) step(lower, i, j);
    if (lo.length > 2 && lo.endsWith('s')) {
      if (PLURAL.test(tok)) {
        const st = node[`=${tok.slice(0, -1)}`] as TrieNode | undefined;
        if (st) term(st, i, j);
      } else if (!lower && lo.length > 3) {
        const st = node[lo.slice(0, -1)] as TrieNode | undefined;
        if (st) term(st, i, j);
      }
    }
  };
  const step = (next: TrieNode, i: number, j: number) => {
    term(next, i, j);
    if (j + 1 < t.length && !/\n[^\S\n]*\n/.test(norm.slice(e[j], s[j + 1]))) {
      walk(next, i, j + 1);
      // A serial comma the form does not write ("Safe, Orderly, and Regular").
      if (t[j + 1] === ',' && !(',' in next) && j + 2 < t.length && /^(?:and|or|et|ou|y|o|e)$/i.test(t[j + 2]!))
        walk(next, i, j + 2);
    }
  };
  for (let i = 0; i < t.length; i++) walk(root, i, i);
  return out;
}

const compiled = compileMatcher(termsGlossary());
const trie = new Trie(compiled.trie);
const nested = nestedTrie(compiled.trie);
const roots = rootHashes(trie);
const key = (c: Cand) => `${c.s}-${c.e}:${c.x}:${c.one}`;
const fast = (text: string) => {
  const out: Cand[] = [];
  trieCands(trie, roots, normalise(text), out);
  return out.map(key).sort();
};
const slow = (text: string) => reference(nested, normalise(text)).map(key).sort();

const SAMPLES = [
  'The IOM and UNHCR met at the GFMD; MRTDs and ICAO PKD were discussed.',
  'International Organization\nfor Migration, International Organization\n\nfor Migration (paragraph break).',
  'UN-Habitat, UN–Habitat and UN Habitat; "Global Compact" — ILO C189, RCPs, NGOs, Protocols.',
  'Crépeau 😀 IOM’s résumé ‑ naïve ＩＯＭ x_IOM IOM.js #IOM İstanbul ΟΔΟΣ',
  'the global compact for safe, orderly and regular migration adopted in Marrakech',
  'the Global Compact for Safe, Orderly, and Regular Migration; ÉMIGRATION, Crépeau, Cre\u0301peau',
];

describe('trieCands (hash-gated scan)', () => {
  it.each(SAMPLES)('finds exactly what the tokenise-everything walk finds: %s', (text) => {
    const f = fast(text);
    expect(f).toEqual(slow(text));
  });

  it('finds something on the samples (the comparison is not vacuous)', () => {
    expect(SAMPLES.flatMap(fast).length).toBeGreaterThan(5);
  });

  it('agrees on every label and alias of the glossary written in running text', () => {
    const text = termsGlossary()
      .flatMap((e) => [e.label, ...(e.aliases ?? [])])
      .join(' and then ');
    expect(fast(text)).toEqual(slow(text));
  });
});

describe('LazyContext', () => {
  const m = termsMatcher();
  const page = `${'Plain filler text about nothing in particular. '.repeat(400)}\nThe International Organization for Migration works with migrants and refugees on asylum.\n`;

  it('computes evidence in bounded steps, equal to a one-shot read', () => {
    const lazy = m.pageContext(page);
    expect(isIncremental(lazy)).toBe(true);
    let steps = 0;
    // One chunk per step.
    while (!(lazy as LazyContext).step(() => steps++ % 2 === 1));
    expect(steps).toBeGreaterThan(2);
    const oneShot = m.pageContext(page);
    expect(lazy.ids.sort()).toEqual(oneShot.ids.sort());
    expect(lazy.score).toBe(oneShot.score);
    expect(lazy.ids).toContain('iom');
    expect(lazy.domain).toBe(true);
  });

  it('finds domain and trigger words exactly as one indexOf per word would (nested, overlapping, boundaries)', () => {
    const deps = {
      ids: () => {},
      dom: ['migrant', 'migrants', 'asylum', 'refugee'],
      trig: ['convention', 'conven', 'onvention', 'ilo', 'target'],
      threshold: 99,
    };
    const text = 'Convention: immigrants, MIGRANTS, asylum-seekers, refugees; kilo targets. ';
    const lazy = new LazyContext(text, deps);
    lazy.step(() => false);
    const lo = text.toLowerCase();
    const whole = (w: string) => new RegExp(`(?<!\\p{L})${w}(?!\\p{L})`, 'u').test(lo);
    expect([...lazy.present].sort()).toEqual(deps.trig.filter((w) => lo.includes(w)).sort());
    expect(lazy.present.has('conven')).toBe(true); // a prefix of the longest word at its position
    expect(lazy.score).toBe(deps.dom.filter(whole).length); // "migrants", "asylum"; not "refugee" (refugees), not "migrant"
    expect(lazy.score).toBe(2);
  });

  it('is cheap to create: nothing computed until read or stepped', () => {
    const lazy = m.pageContext(page) as LazyContext;
    expect(lazy.finished).toBe(false);
    void lazy.score;
    expect(lazy.finished).toBe(true);
  });
});

describe('BlockMatcher (the two-phase path of the scanner)', () => {
  const m = termsMatcher();
  const bm = m.blocks!;
  // Blocks of a migration page with ambiguous forms that need page evidence ("IOM" alone, "PKD"),
  // a lookalike block, and composites that need trigger words (ILO numbers, SDG targets).
  const blocks = [
    'Isle of Man news: the IOM ferry timetable changed.',
    'The International Organization for Migration and UNHCR briefed the GFMD on asylum and refugees.',
    'Later, IOM staff met migrants at the border; the ICAO PKD and MRTDs came up.',
    'ILO Conventions Nos. 97 and 143 and C189; SDG target 10.7; resolution A/68/190.',
    'PKD research at the kidney clinic.',
  ];
  const page = blocks.join('\n');

  it('resolveAlone answers only where every page context gives the same terms', () => {
    const preps = blocks.map((b) => bm.prepare(b));
    const acc = bm.context();
    for (const p of preps) acc.add(p);
    const ctx = acc.finish();
    const other = m.pageContext('Lighthouse keepers and ferry timetables.');
    const alone = preps.map((p) => bm.resolveAlone(p));
    preps.forEach((p, i) => {
      const a = alone[i];
      if (a) {
        expect(a, blocks[i]).toEqual(bm.resolve(p, ctx));
        expect(a, blocks[i]).toEqual(bm.resolve(p, other));
      }
    });
    // Only the block whose lone "IOM" and "PKD" have no evidence nearby needs the page; the Isle of Man
    // and kidney blocks are vetoed by their own words.
    expect(alone.map((a) => a !== null)).toEqual([true, true, false, true, true]);
    expect(alone[0]).toEqual([]);
    expect(alone[1]!.length).toBeGreaterThan(2);
  });

  it('gives exactly what find(block, pageContext(page text)) gives, block by block', () => {
    const acc = bm.context();
    const preps = blocks.map((b) => bm.prepare(b));
    for (const p of preps) acc.add(p);
    const ctx = acc.finish();
    const oneShot = m.pageContext(page);
    expect(ctx.ids.sort()).toEqual(oneShot.ids.sort());
    expect(ctx.score).toBe(oneShot.score);
    const two = preps.map((p) => bm.resolve(p, ctx));
    const one = blocks.map((b) => m.find(b, oneShot));
    expect(two).toEqual(one);
    // Not vacuous: ambiguous "IOM" accepted through page evidence, families found.
    expect(two[2]!.map((x) => x.id)).toContain('iom');
    expect(two.flat().length).toBeGreaterThan(6);
  });

  it('evidence comes only from what was added: without the migration blocks, a lone IOM is not a term', () => {
    const lone = bm.prepare('Later, IOM staff met at the station.');
    const alone = bm.context();
    alone.add(lone);
    expect(bm.resolve(lone, alone.finish()).map((x) => x.id)).not.toContain('iom');
    const withPage = bm.context();
    for (const b of blocks) withPage.add(bm.prepare(b));
    withPage.add(lone);
    expect(bm.resolve(lone, withPage.finish()).map((x) => x.id)).toContain('iom');
  });

  it('honours categories and muted ids like find()', () => {
    const p = bm.prepare(blocks[1]!);
    const all = bm.resolve(p, m.pageContext(page));
    expect(all.length).toBeGreaterThan(1);
    const muted = bm.resolve(p, m.pageContext(page), { muted: [all[0]!.id] });
    expect(muted.map((x) => x.id)).not.toContain(all[0]!.id);
  });
});

describe('WordSet', () => {
  it('agrees with a case-insensitive regex on every word, accented words and overlaps included', () => {
    const words = ['résolution', 'ión', 'gr', 'program', 'ogr', 'rama', '10.7', 'a.b'];
    const set = new WordSet(words);
    const texts = ['RÉSOLUTION y CONVENCIÓN', 'programas', 'PROGRAMA', 'target 10.7 and a-b', 'aXb a.b', 'résolutiOn'];
    for (const text of texts) {
      const want = words.filter((w) => new RegExp(w.replace(/[.]/g, '\\.'), 'i').test(text));
      expect([...set.collect(text, new Set())].sort(), text).toEqual(want.sort());
    }
    // A unit in no word restarts the automaton: "pro-gram" holds neither "program" nor "ogr".
    expect([...set.collect('pro-gram', new Set())]).toEqual(['gr']);
    expect(new WordSet([]).collect('anything', new Set()).size).toBe(0);
  });

  it('finds exactly the words includes() would, case-insensitively, nested and overlapping', () => {
    const words = ['convention', 'conven', 'onvention', 'ilo', 'target', 'odd', 'dds'];
    const set = new WordSet(words);
    for (const text of ['The CONVENTION on kilo targets', 'odds and ends', 'nothing here', 'İLO Convention']) {
      const lo = text.toLowerCase();
      expect([...set.collect(text, new Set())].sort()).toEqual(words.filter((w) => lo.includes(w)).sort());
    }
    expect(set.collect('Conventions', new Set()).has('conven')).toBe(true);
    expect([...set.collect('the convention on kilo', new Set())].sort()).toEqual([
      'conven',
      'convention',
      'ilo',
      'onvention',
    ]);
  });
});

describe('patternTriggerGroups', () => {
  it('keeps every mandatory literal of a single-alternative pattern', () => {
    expect(patternTriggerGroups(String.raw`(?<=\btargets?\s+\d{1,2}\.\d,?\s+and\s+)10\.7(?!\d)`)).toEqual([
      ['target'],
      ['10'],
    ]);
  });
  it('falls back to one OR group for top-level alternatives', () => {
    expect(patternTriggerGroups('alpha beta|gamma')).toEqual([['alpha', 'gamma']]);
  });
});
