/**
 * makeSnippet marks whole words that START with a matched term (prefix/fuzzy hits are stems), never
 * a term inside another word, case-insensitively, and keeps doing so with the cached term regexes.
 */
import { describe, expect, it } from 'vitest';
import { makeSnippet } from '@/lib/background/search';

const marked = (text: string, terms: string[]) => {
  const { snippet, marks } = makeSnippet(text, terms);
  return marks.map(([a, b]) => snippet.slice(a, b));
};

describe('search snippets', () => {
  it('marks words starting with a term, extended to the end of the word, never inside words', () => {
    expect(marked('Migration and emigration; migrants, immigration, Migrant-workers', ['migrat'])).toEqual([
      'Migration',
    ]);
    expect(marked('Migration and emigration; migrants, immigration, Migrant-workers', ['migra', 'migrant'])).toEqual([
      'Migration',
      'migrants',
      'Migrant',
    ]);
    expect(marked('The ILO, ILOs and SILO', ['ilo'])).toEqual(['ILO', 'ILOs']);
  });

  it('treats letters and digits of any script as word characters', () => {
    expect(marked('Crépeau reported; écrépeau; 2crepeau; crepeau2013', ['crepeau'])).toEqual(['crepeau2013']);
    expect(marked('Überblick: berblick, 𝐀berblick (math bold A before it)', ['berblick'])).toEqual(['berblick']);
    expect(marked('C189 and No. 189, 1189', ['189'])).toEqual(['189']);
  });

  it('centres on the first word-start match even when a term occurs earlier inside a word', () => {
    const text = `${'x '.repeat(100)}transmigration ${'y '.repeat(100)}migration ${'z '.repeat(100)}`;
    const { snippet, marks } = makeSnippet(text, ['migration'], 30);
    expect(marks.map(([a, b]) => snippet.slice(a, b))).toEqual(['migration']);
    expect(snippet).not.toContain('transmigration');
  });

  it('gives the same answer on repeated and interleaved calls (cached regexes keep no state)', () => {
    const a = 'Remittance costs remain high; remittances matter.';
    const b = 'Costs of remittances and remitting.';
    const first = [makeSnippet(a, ['remit', 'cost']), makeSnippet(b, ['remit', 'cost'])];
    for (let i = 0; i < 3; i++)
      expect([makeSnippet(a, ['cost', 'remit']), makeSnippet(b, ['remit', 'cost'])]).toEqual(first);
    expect(marked(b, ['remit', 'cost'])).toEqual(['Costs', 'remittances', 'remitting']);
    expect(makeSnippet('no match here', []).marks).toEqual([]);
  });
});
