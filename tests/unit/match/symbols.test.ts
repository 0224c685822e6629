import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/match/compile';
import { loadMatcher } from '../../../lib/match/matcher';
import { isSymbolId } from '../../../lib/glossary/id';
import type { GlossarySource } from '../../../lib/glossary/types';
import { realGlossary } from './helpers/fixture';

const base: GlossarySource = { id: 'x', label: 'x', expansion: '', category: 'instrument', summary: '' };

/** A glossary that knows one resolution (the GCM) and nothing else about UN documents. */
const m = loadMatcher(
  JSON.parse(
    JSON.stringify(
      compileMatcher([
        { ...base, id: 'iom', label: 'IOM', category: 'agency' },
        { ...base, id: 'res73195', label: 'Global Compact for Migration', aliases: ['A/RES/73/195'] },
      ]),
    ),
  ),
);

const hits = (text: string) => m.find(text).map((h) => `${text.slice(h.start, h.end)}[${h.id}]`);

describe('UN document symbols without a glossary entry', () => {
  it.each([
    ['The report A/RES/65/170 was cited.', 'A/RES/65/170', 'sym:A/RES/65/170'],
    ['See the addendum A/HRC/38/41/Add.1 on the visit.', 'A/HRC/38/41/Add.1', 'sym:A/HRC/38/41/Add.1'],
    ['The draft A/CONF.231/L.1 was adopted.', 'A/CONF.231/L.1', 'sym:A/CONF.231/L.1'],
    ['Draft A/73/L.66 went to the plenary.', 'A/73/L.66', 'sym:A/73/L.66'],
    ['In his report (A/72/173) he wrote this.', 'A/72/173', 'sym:A/72/173'],
    ['A revision, A/HRC/38/41/Rev.1, followed.', 'A/HRC/38/41/Rev.1', 'sym:A/HRC/38/41/Rev.1'],
    ['A corrigendum, A/72/173/Corr.1, fixed it.', 'A/72/173/Corr.1', 'sym:A/72/173/Corr.1'],
    ['The Third Committee draft A/C.3/66/L.18 passed.', 'A/C.3/66/L.18', 'sym:A/C.3/66/L.18'],
    ['As decided in resolution 34/21, the mandate goes on.', 'resolution 34/21', 'sym:A/RES/34/21'],
    ['As decided in HRC resolution 34/21, it goes on.', 'HRC resolution 34/21', 'sym:A/HRC/RES/34/21'],
    [
      'Under Human Rights Council resolution 34/21 the mandate continues.',
      'Human Rights Council resolution 34/21',
      'sym:A/HRC/RES/34/21',
    ],
    [
      'Recalling Commission on Human Rights resolution 2005/47 on migrants.',
      'Commission on Human Rights resolution 2005/47',
      'sym:E/CN.4/RES/2005/47',
    ],
    ['General Assembly resolution 65/170 says so.', 'General Assembly resolution 65/170', 'sym:A/RES/65/170'],
    ['ECOSOC resolution 2006/49 says so.', 'ECOSOC resolution 2006/49', 'sym:E/RES/2006/49'],
    ['Adopted as S/RES/2240 (2015) by the Council.', 'S/RES/2240 (2015)', 'sym:S/RES/2240(2015)'],
    [
      'Adopted as Security Council resolution 2240 (2015) on smuggling.',
      'Security Council resolution 2240 (2015)',
      'sym:S/RES/2240(2015)',
    ],
    ['The Council report E/2010/89 was noted.', 'E/2010/89', 'sym:E/2010/89'],
    ['The commission report E/CN.9/2013/3 was noted.', 'E/CN.9/2013/3', 'sym:E/CN.9/2013/3'],
    // Session 16 has no General Assembly resolution "16/…" (numbered so only from the 31st session).
    ['Under resolution 16/9 of the Council, it met.', 'resolution 16/9', 'sym:RES/16/9'],
    ['Under resolution 2005/47, it met.', 'resolution 2005/47', 'sym:RES/2005/47'],
  ])('%s', (text, span, id) => {
    expect(hits(text)).toEqual([`${span}[${id}]`]);
    expect(isSymbolId(id)).toBe(true);
  });

  it('coordinated resolutions: each number is its own span, with the organ of the first', () => {
    expect(hits('recalling resolutions 71/1 and 71/280 of the Assembly')).toEqual([
      'resolutions 71/1[sym:A/RES/71/1]',
      '71/280[sym:A/RES/71/280]',
    ]);
    expect(hits('HRC resolutions 34/21 and 35/5')).toEqual([
      'HRC resolutions 34/21[sym:A/HRC/RES/34/21]',
      '35/5[sym:A/HRC/RES/35/5]',
    ]);
  });

  it('a symbol the glossary knows keeps mapping to its entry', () => {
    expect(hits('The compact (A/RES/73/195) was endorsed.')).toEqual(['A/RES/73/195[res73195]']);
    expect(hits('The compact, resolution 73/195, was endorsed.')).toEqual(['resolution 73/195[res73195]']);
    expect(hits('General Assembly resolution 73/195')).toEqual(['General Assembly resolution 73/195[res73195]']);
    // Another organ's resolution of the same number is another document.
    expect(hits('HRC resolution 73/195')).toEqual(['HRC resolution 73/195[sym:A/HRC/RES/73/195]']);
  });

  it('the real glossary: the GCM resolution stays the GCM entry', () => {
    const real = loadMatcher(compileMatcher(realGlossary()));
    const ids = (t: string) => real.find(t).map((h) => h.id);
    const gcm = ids('A/RES/73/195');
    expect(gcm).toHaveLength(1);
    expect(gcm[0]).not.toMatch(/^sym:/);
    expect(ids('resolution 73/195')).toEqual(gcm);
    expect(ids('A/RES/65/170')).toEqual(['sym:A/RES/65/170']);
  });

  it.each([
    'Read it at https://docs.un.org/en/A/RES/65/170 today.',
    'Read it at www.un.org/A/RES/65/170 today.',
    'The scan is in /srv/files/A/72/173 on the server.',
    'The scan is docs/A/RES/65/170 in the repository.',
    'Open A/RES/65/170.pdf to read it.',
    'We met on 12/05/2024 and 1/2/2023.',
    'Three quarters, 3/4, of the votes; a ratio of 60/227.',
    'Version v1.2/3 and release 2.0/3.1 shipped.',
    'Support is open 24/7 for everyone.',
    'A screen ratio of 16:9 or 4/3 is common.',
    'A screen resolution 1920x1080 is common.',
    'Use the S/N 12345 label and A/B testing.',
    'Commission on Human Rights resolution 47/3 is not of that form.',
    'A/73 alone is not a symbol, nor is E/2.',
    'A/HRC/1/2/3/4/5/6/7/8/9 is too long to be one.',
  ])('not a symbol: %s', (text) => expect(hits(text)).toEqual([]));

  it('symbol ids are documents for the category filter, and can be muted', () => {
    const text = 'See A/72/173 and IOM.';
    expect(m.find(text, undefined, { categories: ['agency'] }).map((h) => h.id)).toEqual(['iom']);
    expect(m.find(text, undefined, { categories: ['document'] }).map((h) => h.id)).toEqual(['sym:A/72/173']);
    expect(m.find(text, undefined, { muted: ['sym:A/72/173'] }).map((h) => h.id)).toEqual(['iom']);
  });

  it('symbols no entry knows are no page evidence', () => {
    const ctx = m.pageContext('A/72/173 and A/72/174 and A/72/175 and resolution 65/170');
    expect(ctx.ids).toEqual([]);
    expect(ctx.score).toBe(0);
  });

  it('the family regexes ship as data in the compiled matcher, with their rules', () => {
    const c = compileMatcher([{ ...base, id: 'iom', label: 'IOM' }]);
    const sym = c.fam.find((f) => f.ns === 'sym');
    const res = c.fam.find((f) => f.ns === 'res');
    expect(sym?.syn?.length).toBeGreaterThan(0);
    // A rule's `g` lists the organ's groups ("hrc|hrcb|hrca": English before, French/Spanish around the number).
    expect(res?.syn?.flatMap((r) => (r.g ?? '').split('|'))).toContain('hrc');
  });
});
