import { describe, expect, it } from 'vitest';
import { DASH_RE, DQUOTE_RE, FOLDS, normalise, QUOTE_RE, SPACE_RE, tokenize } from '../../../lib/match/normalise';

describe('normalise', () => {
  it('keeps length and folds spaces, dashes, quotes and superscript digits', () => {
    const src = 'UN\u2011Habitat\u00A0\u2013 IOM\u2019s \u201Cx\u201D ASEAN\u00B2\u2078 a\u202Fb';
    const out = normalise(src);
    expect(out.length).toBe(src.length);
    expect(out).toBe('UN-Habitat - IOM\'s "x" ASEAN   a b');
  });

  it('the fast check table folds exactly the units the replacing classes fold', () => {
    const folded: number[] = [];
    const flagged: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if ([SPACE_RE, DASH_RE, QUOTE_RE, DQUOTE_RE].some((re) => ((re.lastIndex = 0), re.test(ch)))) folded.push(c);
      if (FOLDS[c]) flagged.push(c);
    }
    expect(flagged).toEqual(folded);
    expect(folded.length).toBeGreaterThan(40);
  });

  it('returns the same string object when there is nothing to fold, and folds the last unit', () => {
    const plain = 'IOM and UNHCR met in Geneva.';
    expect(normalise(plain)).toBe(plain);
    expect(normalise('ends with a tab\t')).toBe('ends with a tab ');
  });

  it('tokenises words and punctuation, dropping hyphens, with original offsets', () => {
    const text = 'foo_IOM, UN–Women\n  (No. 189)';
    const tk = tokenize(normalise(text));
    expect(tk.t).toEqual(['foo_IOM', ',', 'UN', 'Women', '(', 'No', '.', '189', ')']);
    tk.t.forEach((t, i) => expect(normalise(text).slice(tk.s[i], tk.e[i])).toBe(t));
  });

  it('treats Unicode letters as word characters', () => {
    expect(tokenize('Recomendación núm. 201').t).toEqual(['Recomendación', 'núm', '.', '201']);
  });
});
