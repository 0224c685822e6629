/**
 * Issue #16: a query naming a glossary entry exactly (label, acronym, alias or its short name) puts
 * that entry first, above records that use the word more often; record titles are short (kind,
 * agency, label) with the section apart.
 */
import { describe, expect, it } from 'vitest';
import { runSearch, type SearchContext } from '@/lib/background/search';
import { createIndex, createTermIndex, exactKey } from '@/lib/kb/search-options';
import type { GlossaryEntry } from '@/lib/glossary/types';
import type { KbRecord } from '@/lib/kb/types';

const records: KbRecord[] = [
  {
    id: '002:ch3:recommendations:(a)',
    kind: 'recommendation',
    text: 'Trafficking, trafficking and more trafficking: states should act against trafficking.',
    citation: {
      doc: '002',
      chapter: 3,
      agency: 'UNODC',
      section: 'recommendations',
      sectionTitle: 'Recommendations for the High-level Dialogue on a very long heading indeed',
      label: '(a)',
      lines: [1, 1],
    },
  },
];
const entry = (id: string, label: string, expansion: string, aliases: string[], summary: string) =>
  ({
    id,
    label,
    expansion,
    aliases,
    summary,
    category: 'concept',
    related: [],
    excerpts: [],
  }) as unknown as GlossaryEntry;
const entries = [
  entry(
    'trafficking',
    'trafficking in persons',
    'Trafficking in persons',
    ['human trafficking'],
    'Exploitation of people.',
  ),
  entry('tipprot', 'Trafficking in Persons Protocol', 'Protocol on trafficking', [], 'A protocol on trafficking.'),
  entry('untoc', 'UNTOC', 'UN Convention against Transnational Organized Crime', [], 'A convention.'),
];
const ctx: SearchContext = {
  records: new Map(records.map((r) => [r.id, r])),
  index: createIndex(records),
  docs: new Map([['002', { key: '002', short: 'CEB 2013', title: 'Contributions', year: 2013 }]]) as never,
  terms: createTermIndex(entries),
  entries: new Map(entries.map((e) => [e.id, e])),
};
const first = (q: string) => runSearch(ctx, q)[0]?.id;

describe('exact-match ranking', () => {
  it('the short name, an alias or an acronym leads with its glossary entry', () => {
    expect(first('trafficking')).toBe('trafficking');
    expect(first('Human-Trafficking')).toBe('trafficking');
    expect(first('untoc')).toBe('untoc');
    expect(first('trafficking in persons protocol')).toBe('tipprot');
  });

  it('a query that names no entry exactly keeps the relevance order', () => {
    expect(first('states act')).toBe('002:ch3:recommendations:(a)');
  });

  it('keys ignore case, diacritics and punctuation', () => {
    expect(exactKey('UN-Habitat')).toBe(exactKey('un habitat'));
    expect(exactKey('Crépeau')).toBe('crepeau');
  });
});

describe('result titles', () => {
  it('kind, agency and label; the section on its own', () => {
    const hit = runSearch(ctx, 'states').find((h) => h.kind === 'recommendation');
    expect(hit?.title).toBe('Recommendation · UNODC · (a)');
    expect(hit?.section).toBeTruthy();
    expect(hit?.title).not.toContain('High-level');
  });
});
