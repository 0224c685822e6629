import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/match/compile';
import { loadMatcher } from '../../../lib/match/matcher';
import type { GlossarySource } from '../../../lib/glossary/types';
import { hits, termsGlossary, termsMatcher } from './helpers/fixture';

const entry = (
  id: string,
  label: string,
  aliases: string[] = [],
  extra: Partial<GlossarySource> = {},
): GlossarySource => ({ id, label, expansion: label, category: 'agency', summary: '', aliases, ...extra });

describe('trie matching', () => {
  it('finds names and acronyms with offsets into the original text', () => {
    const text = 'Yesterday the International Organization for Migration (IOM) met UNHCR.';
    const found = termsMatcher().find(text);
    const at = (s: string, from = 0) => text.indexOf(s, from);
    expect(found).toEqual([
      { start: at('International'), end: at(' (IOM)'), id: 'iom' },
      { start: at('IOM)'), end: at('IOM)') + 3, id: 'iom' },
      { start: at('UNHCR'), end: at('UNHCR') + 5, id: 'unhcr' },
    ]);
  });

  it('longest match wins, non-overlapping leftmost-longest', () => {
    expect(hits('UN Women and UN DESA and the UN')).toEqual(['UN Women[unwomen]', 'UN DESA[undesa]', 'UN[un]']);
    expect(hits('the CEDAW Committee said')).toEqual(['CEDAW Committee[cedawcttee]']);
    expect(hits('ICAO Public Key Directory')).toEqual(['ICAO Public Key Directory[pkd]']);
  });

  it('falls back to a shorter form when the longer one is not a term', () => {
    // "ICAO Public" is a trie prefix but not a form: ICAO alone is reported.
    expect(hits('ICAO Public relations')).toEqual(['ICAO[icao]']);
  });

  it('finds Latin acronyms glued to Japanese, Chinese and Korean text, but not inside Latin words', () => {
    expect(hits('国際移住機関IOMと移民 (migrants) の問題。国連難民高等弁務官事務所UNHCRが支援する。')).toEqual([
      'IOM[iom]',
      'UNHCR[unhcr]',
    ]);
    expect(hits('유엔난민기구UNHCR가 이주민 migrants 지원')).toEqual(['UNHCR[unhcr]']);
    expect(hits('xUNHCR and UNHCRx')).toEqual([]);
  });

  it('matches possessives and acronym plurals', () => {
    // (IOM is neverAlone in the fixture: "migrants" is its nearby evidence.)
    expect(hits("IOM's and IOM\u2019s office for migrants; UNHCR's staff")).toEqual([
      'IOM[iom]',
      'IOM[iom]',
      'UNHCR[unhcr]',
    ]);
    expect(hits('Two RCPs, many MRTDs and NGOs and LDCs')).toEqual([
      'RCPs[rcp]',
      'MRTDs[mrtd]',
      'NGOs[ngo]',
      'LDCs[ldc]',
    ]);
  });

  it('accepts dash, hyphen, quote, NBSP, narrow NBSP, line-break and multiple-space variants', () => {
    for (const t of [
      'UN-Habitat',
      'UN\u2013Habitat',
      'UN\u2014Habitat',
      'UN\u2011Habitat',
      'UN Habitat',
      'UN\u00A0Habitat',
      'UN\u202FHabitat',
    ]) {
      expect(hits(t)).toEqual([`${t}[unhabitat]`]);
    }
    const multi = 'the International\u00A0Organization\n   for  Migration today';
    const [m] = termsMatcher().find(multi);
    expect(multi.slice(m!.start, m!.end)).toBe('International\u00A0Organization\n   for  Migration');
    expect(hits('United Nations Children\u2019s Fund')).toEqual(['United Nations Children\u2019s Fund[unicef]']);
  });

  it('does not join names across a paragraph break', () => {
    expect(hits('International Organization\n\nfor Migration')).not.toContain(
      'International Organization\n\nfor Migration[iom]',
    );
  });

  it('ignores superscript footnote digits glued to words, with correct offsets', () => {
    const text = 'the ASEAN\u00B2\u2078 Declaration and CEDAW\u2074 General Recommendation No. 26';
    const found = termsMatcher().find(text);
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual([
      'ASEAN',
      'CEDAW\u2074 General Recommendation No. 26',
    ]);
    expect(found[1]!.id).toBe('cedawgr26');
  });

  it('is case-sensitive for acronyms, case-insensitive for names', () => {
    expect(hits('the iom and Unhcr')).toEqual([]);
    expect(hits('INTERNATIONAL LABOUR ORGANIZATION and international labour organization')).toEqual([
      'INTERNATIONAL LABOUR ORGANIZATION[ilo]',
      'international labour organization[ilo]',
    ]);
    // Acronym tokens inside names stay exact: "UN Women" but not "un women".
    expect(hits('UN women / un women')).toEqual(['UN women[unwomen]']);
    // hints.caseSensitive false (UNICEF logos are lowercase).
    expect(hits('unicef')).toEqual(['unicef[unicef]']);
  });

  it('never matches inside words (Unicode-aware boundaries)', () => {
    expect(hits('BIOMETRICS, UNHCRX, ILOilo, ÉUNHCR, UNHCRá, UNHCR2, ILO\u0301')).toEqual([]);
  });

  it('keeps UTF-16 offsets after astral characters', () => {
    const text = '\u{1F600}\u{1F30D} UNHCR';
    expect(termsMatcher().find(text)).toEqual([{ start: 5, end: 10, id: 'unhcr' }]);
  });

  it('filters by category and muted ids at find time, keeping the span consumed', () => {
    const m = termsMatcher();
    const text = 'UN Women worked with UNHCR and the GFMD.';
    expect(m.find(text, undefined, { categories: ['process-forum'] }).map((f) => f.id)).toEqual(['gfmd']);
    expect(m.find(text, undefined, { muted: ['unwomen', 'gfmd'] }).map((f) => f.id)).toEqual(['unhcr']);
    expect(m.find(text, undefined, { muted: new Set(['unhcr']) }).map((f) => f.id)).toEqual(['unwomen', 'gfmd']);
  });
});

describe('compiled matcher', () => {
  it('is JSON-serialisable and gives identical results after a round trip', () => {
    const compiled = compileMatcher(termsGlossary());
    const json = JSON.stringify(compiled);
    const a = loadMatcher(compiled);
    const b = loadMatcher(JSON.parse(json));
    const text =
      'IOM, ILO Convention No. 189, SDG target 10.7, A/RES/70/1, the Global Forum on Migration and Development.';
    expect(b.find(text)).toEqual(a.find(text));
    expect(a.find(text).length).toBeGreaterThanOrEqual(5);
  });

  it('reports bad input clearly', () => {
    expect(() => compileMatcher([entry('a', 'A1'), entry('a', 'A2')])).toThrow(/"a": duplicate id/);
    expect(() => compileMatcher([entry('x', 'X', [], { hints: { patterns: ['(unclosed'] } })])).toThrow(
      /"x": hints.patterns\[0\] is not a valid regular expression/,
    );
    expect(() => compileMatcher([entry('y', '')])).toThrow(/"y": missing label/);
    expect(() => compileMatcher([entry('z', 'Z', 'oops' as unknown as string[])])).toThrow(
      /"z": aliases must be an array/,
    );
  });

  it('skips number-only forms: a number alone is never a term', () => {
    const m = loadMatcher(compileMatcher([entry('c97', 'ILO Convention No. 97', ['No. 97', '(No. 97)', '97'])]));
    expect(m.find('see No. 97 and (No. 97) and 97')).toEqual([]);
    expect(m.find('ILO Convention No. 97').map((f) => f.id)).toEqual(['c97']);
  });

  it('uses patterns from hints (combined into one regex per case mode)', () => {
    const m = loadMatcher(
      compileMatcher([
        entry('fivebyfive', '5x5 objective', [], { hints: { patterns: ['5\\s?[x×]\\s?5'] } }),
        entry('abc', 'ABC thing', [], { hints: { caseSensitive: true, patterns: ['ABC-\\d+'] } }),
      ]),
    );
    expect(m.find('the 5 x 5 goal, abc-1 and ABC-2').map((f) => f.id)).toEqual(['fivebyfive', 'abc']);
  });
});
