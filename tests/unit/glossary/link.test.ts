import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMentions } from '@/lib/pipeline/glossary/link-match';
import {
  excerptAround,
  LONG_SENTENCE,
  linkGlossary,
  recordEntryLinks,
  sentencesAround,
} from '@/lib/pipeline/glossary/link';
import { loadGlossarySources } from '@/lib/pipeline/glossary/load';
import type { GlossaryEntry, GlossarySource } from '@/lib/glossary/types';
import { FIXTURE_ROOT, fixtureBundle, fixtureRecords } from './helpers';

const sources = (): GlossarySource[] =>
  loadGlossarySources(join(FIXTURE_ROOT, 'data/glossary')).flatMap((f) => f.entries);
const byId = (entries: GlossaryEntry[]) => new Map(entries.map((e) => [e.id, e]));

describe('linkGlossary', () => {
  const records = fixtureRecords();
  const entries = linkGlossary(sources(), fixtureBundle(records));
  const get = (id: string) => byId(entries).get(id)!;

  it('every excerpt is a verbatim substring of its record, with the record citation', () => {
    const recById = new Map(records.map((r) => [r.id, r]));
    const all = entries.flatMap((e) => e.excerpts);
    expect(all.length).toBeGreaterThan(5);
    for (const x of all) {
      const r = recById.get(x.recordId)!;
      expect(r.text).toContain(x.text);
      expect(x.citation).toEqual(r.citation);
    }
  });

  it('agencies get their mandate first, mandateId and recommendationIds', () => {
    const icao = get('icao');
    expect(icao.excerpts[0]!.recordId).toBe('002:ch3:mandate');
    // The sentence containing the term, not the whole record.
    expect(icao.excerpts[0]!.text).toBe(
      'The International Civil Aviation Organization (ICAO) is a specialized agency of the United Nations.',
    );
    expect(icao.mandateId).toBe('002:ch3:mandate');
    expect(icao.recommendationIds).toEqual(['002:ch3:recommendations:(a)', '002:ch3:recommendations:(b)']);
    expect(recordEntryLinks(entries)['002:ch3:recommendations:(b)']).toEqual(['icao']);
    expect(get('gfmd').mandateId).toBeUndefined();
  });

  it('excerptHints come first, then "Full Name (ACRONYM)" definitions before plain mentions', () => {
    expect(get('icao-pkd').excerpts[0]!.recordId).toBe('002:ch3:recommendations:(a)');
    // GFMD is defined in para 9 and only mentioned in para 10, which comes later anyway;
    // IOM is defined in para 10: check with the records reversed so order alone cannot explain it.
    const reversed = linkGlossary(sources(), fixtureBundle([...records].reverse()));
    expect(
      byId(reversed)
        .get('gfmd')!
        .excerpts.map((x) => x.recordId),
    ).toEqual(['004:para9', '004:para10']);
  });

  it('respects noExcerpt and links nothing for it', () => {
    expect(get('oim-fr').excerpts).toEqual([]);
  });

  it('makes related two-way, keeping curated order first', () => {
    expect(get('icao').related).toEqual(['icao-pkd']);
    expect(get('icao-pkd').related).toEqual(['icao']);
    expect(get('gfmd').related).toEqual(['iom']);
    expect(get('iom').related).toEqual(['gfmd', 'oim-fr']);
  });

  it('is deterministic: shuffled input gives identical output, sorted by id', () => {
    const shuffled = [...sources()].reverse();
    expect(linkGlossary(shuffled, fixtureBundle(records))).toEqual(entries);
    expect(entries.map((e) => e.id)).toEqual([...entries.map((e) => e.id)].sort());
  });

  it('longest match wins: "UN" does not collect "UN Women"', () => {
    const src = sources();
    const mentions = findMentions(src, records);
    const ri = records.findIndex((r) => r.id === '002:ch12:activities:p1');
    const un = src.findIndex((e) => e.id === 'un');
    const women = src.findIndex((e) => e.id === 'unwomen');
    const starts = (ei: number) => mentions[ri]!.filter((m) => m.entry === ei).map((m) => m.start);
    expect(starts(women)).toEqual([4]);
    expect(starts(un)).toEqual([records[ri]!.text.indexOf('United Nations')]);
  });

  it('caps excerpts per entry', () => {
    const capped = linkGlossary(sources(), fixtureBundle(records), 1);
    expect(Math.max(...capped.map((e) => e.excerpts.length))).toBe(1);
  });
});

describe('sentencesAround', () => {
  it('returns the sentence(s) overlapping a span', () => {
    const t = 'First one. Second has ICAO in it. Third.';
    const at = t.indexOf('ICAO');
    expect(sentencesAround(t, at, at + 4)).toBe('Second has ICAO in it.');
    expect(sentencesAround(t, 3, at)).toBe('First one. Second has ICAO in it.');
  });
});

describe('excerptAround', () => {
  it('narrows a very long enumeration sentence to the clause with the hit, verbatim', () => {
    const filler = 'x'.repeat(LONG_SENTENCE);
    const t = `Examples include: (a) a ${filler} thing; (b) a global system for ICAO travel documents; and (c) more. Next.`;
    const at = t.indexOf('ICAO');
    const x = excerptAround(t, at, at + 4);
    expect(x).toEqual({ text: '(b) a global system for ICAO travel documents', trimmed: true });
    expect(t).toContain(x.text);
    expect(excerptAround('Short ICAO sentence. Next.', 6, 10)).toEqual({
      text: 'Short ICAO sentence.',
      trimmed: false,
    });
  });
});

describe('sub-items and footnotes', () => {
  it('quotes lettered sub-items and footnotes verbatim with precise citations, body text first', () => {
    const base = fixtureRecords()[1]!; // ICAO recommendation (a), line 7
    const rec = {
      ...base,
      id: 'r-sub',
      subItems: [{ label: '(i)', text: 'Promote the Zebra Convention among the member States.' }],
      footnotes: [{ marker: '3', text: 'See the Zebra Convention, 1999, article 2.', line: 42 }],
    };
    const other = {
      ...fixtureRecords()[4]!,
      id: 'r-fn',
      text: 'Nothing here.',
      footnotes: [{ marker: '9', text: 'Zebra Convention text.', line: 77 }],
    };
    const zebra: GlossarySource = {
      id: 'zebra',
      label: 'Zebra Convention',
      expansion: 'Zebra Convention',
      category: 'instrument',
      summary: 'A made-up treaty for the test.',
    };
    const [e] = linkGlossary([zebra], fixtureBundle([other, rec]));
    expect(e!.excerpts.map((x) => [x.recordId, x.text, x.citation.label, x.citation.lines])).toEqual([
      ['r-sub', 'Promote the Zebra Convention among the member States.', '(a)(i)', [7, 7]],
      ['r-fn', 'Zebra Convention text.', 'footnote 9', [77, 77]],
    ]);
  });
});

describe('related ordering', () => {
  const entry = (id: string, label: string, related: string[] = [], summary = 'A made-up entry.'): GlossarySource => ({
    id,
    label,
    expansion: label,
    category: 'other',
    summary,
    related,
  });

  it('curated first, then back-links naming the entry (label before summary), then others; relatedShown caps the card', () => {
    const sources = [
      entry('zeb', 'Zebra Office', ['c1', 'c2']),
      entry('c1', 'Curated One'),
      entry('c2', 'Curated Two'),
      entry('t1', 'Zebra Office Fund', ['zeb']),
      entry('s1', 'Striped Desk', ['zeb'], 'A unit of the Zebra Office.'),
      ...Array.from({ length: 12 }, (_, i) => entry(`o${i}`, `Other ${i}`, i % 2 ? ['zeb', 'c1'] : ['zeb'])),
    ];
    const zeb = byId(linkGlossary(sources, fixtureBundle([]))).get('zeb')!;
    expect(zeb.related.slice(0, 4)).toEqual(['c1', 'c2', 't1', 's1']);
    // Others: shorter curated lists (more specific links) first, then by id.
    expect(zeb.related.slice(4, 7)).toEqual(['o0', 'o10', 'o2']);
    expect(zeb.related).toHaveLength(16);
    expect(zeb.relatedShown).toBe(8);
  });

  it('shows every curated and naming link up to 12; short lists carry no relatedShown', () => {
    const many = Array.from({ length: 14 }, (_, i) => `c${i}`);
    const sources = [entry('zeb', 'Zebra Office', many), ...many.map((id) => entry(id, id.toUpperCase()))];
    const zeb = byId(linkGlossary(sources, fixtureBundle([]))).get('zeb')!;
    expect(zeb.relatedShown).toBe(12);
    expect(byId(linkGlossary(sources.slice(0, 5), fixtureBundle([]))).get('zeb')!.relatedShown).toBeUndefined();
  });
});
