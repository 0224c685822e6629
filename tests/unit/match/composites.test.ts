import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/match/compile';
import { loadMatcher } from '../../../lib/match/matcher';
import type { GlossarySource } from '../../../lib/glossary/types';
import { hits, idsOf, termsGlossary } from './helpers/fixture';

/** The composite is recognised first (other terms of the sentence may follow). */
const only = (text: string, id: string) => expect(idsOf(text)[0]).toBe(id);

/** Fixture glossary without hints.patterns: checks the built-in family rules on their own. */
const familiesOnly = loadMatcher(
  compileMatcher(termsGlossary().map((e) => ({ ...e, hints: { ...e.hints, patterns: [] } }))),
);

describe('CEDAW General Recommendation No. 26 family', () => {
  it.each([
    'CEDAW General Recommendation No. 26',
    'CEDAW GR 26',
    'CEDAW GR No 26',
    'GR No. 26',
    'General Recommendation (GR) No. 26',
    'General recommendation No. 26 on women migrant workers',
    'CEDAW\u2074 General Recommendation No.\u00A026',
    'General Comment No. 26, on women migrant workers',
  ])('%s → cedawgr26', (t) => only(t, 'cedawgr26'));

  it('covers the whole composite span', () => {
    expect(hits('the CEDAW General Recommendation (GR) No. 26 (on women')).toEqual([
      'CEDAW General Recommendation (GR) No. 26[cedawgr26]',
    ]);
  });
});

describe('ILO conventions and recommendations', () => {
  it.each([
    ['C189 is in force for workers', 'c189'],
    ['ratify C-189 now, says the ILO', 'c189'],
    ['Convention No. 189', 'c189'],
    ['ILO Convention No. 189', 'c189'],
    ['ILO-C189', 'c189'],
    ['Domestic Workers Convention, 2011 (No. 189)', 'c189'],
    ['Domestic Workers Convention', 'c189'],
    ['Convenio núm. 189', 'c189'],
    ['Recommendation No. 201 on domestic workers', 'r201'],
    ['R201 complements the ILO convention', 'r201'],
    ['Migration for Employment Convention (Revised), 1949 (No. 97)', 'c97'],
    ['C097 (ILO)', 'c97'],
    ['Private Employment Agencies Convention, 1997 (No. 181)', 'c181'],
  ])('%s → %s', (t, id) => only(t, id));

  it('the source mislabel "Migrant Workers Convention (No. 189)" still yields C189 for the number', () => {
    expect(idsOf('the Migrant Workers Convention (No. 189)')).toContain('c189');
  });

  it('expands coordinated forms: each number maps to its own entry', () => {
    expect(hits('ILO Conventions Nos. 97 and 143 apply')).toEqual(['ILO Conventions Nos. 97[c97]', '143[c143]']);
    expect(hits('Recommendations No. 86 and No. 151 on migrant workers')).toEqual([
      'Recommendations No. 86[r86]',
      'No. 151[r151]',
      'migrant workers[labourmig]',
    ]);
    expect(hits('Convention No. 97 in 1949 and No. 143 in 1975')).toEqual(['Convention No. 97[c97]', 'No. 143[c143]']);
  });

  it('a number alone is never a term', () => {
    expect(idsOf('No. 189 and 189 and (No. 97) and 143 people')).toEqual([]);
    // Short forms need ILO/labour context: a C189 bus is not the Domestic Workers Convention.
    expect(idsOf('Take the C189 bus to the airport', undefined, familiesOnly)).toEqual([]);
    expect(idsOf('the ILO adopted C189', undefined, familiesOnly)).toEqual(['ilo', 'c189']);
  });
});

describe('SDG targets', () => {
  it.each([
    ['SDG target 10.7', 'sdg107'],
    ['target 10.7 of the SDGs', 'sdg107'],
    ['SDG 10.7', 'sdg107'],
    ['SDG target 10.c', 'sdg10c'],
    ['SDG indicator 10.7.1', 'sdg1071'],
    ['Goal 17 of the proposed sustainable development goals', 'sdggoal17'],
    ['SDG 4', 'sdg4'],
  ])('%s → %s', (t, id) => expect(idsOf(t)[0]).toBe(id));

  it('coordinated targets', () => {
    const f = (t: string) => hits(t, undefined, familiesOnly);
    expect(f('proposed SDG targets 5.2 and 16.2')).toEqual(['SDG targets 5.2[sdg52]', '16.2[sdg162]']);
    expect(f('target 10.7 and 8.8 of the SDGs')).toEqual(['target 10.7[sdg107]', '8.8[sdg88]', 'SDGs[sdgs]']);
    expect(f('SDG targets 10.7, 10.c and 8.8')).toEqual(['SDG targets 10.7[sdg107]', '10.c[sdg10c]', '8.8[sdg88]']);
  });

  it('bare numbers and percentages are not targets', () => {
    expect(idsOf('inflation hit 10.7 and the target 10.7% was missed', undefined, familiesOnly)).toEqual([]);
    expect(idsOf('SDG target 10.7 was missed', undefined, familiesOnly)).toEqual(['sdg107']);
  });
});

describe('resolutions, symbols, ICAO documents', () => {
  it.each([
    ['A/68/190', 'eightpoint'],
    ['A/RES/68/4', 'hlddecl'],
    ['(A/68/4)', 'hlddecl'],
    ['General Assembly resolution 60/227 of 23 December 2005', 'res60227'],
    ['A/RES/70/1', 'agenda2030'],
    ['resolution 70/1', 'agenda2030'],
    ['Resolution 2997 (XXVII) of 15 December 1972', 'res2997'],
    ['A/HRC/20/24', 'ahrc2024'],
    ['A/C.3/66/L.18', 'ac366l18'],
    ['ESA/P/WP/249', 'espwp249'],
    ['resolution WHA61.17', 'wha6117'],
    ['Doc 9303', 'doc9303'],
    ['ICAO Doc. 9303, Part 1', 'doc9303'],
    ['Document 9303', 'doc9303'],
    ['the ICAO PKD', 'pkd'],
    ['the ICAO Public Key Directory (PKD)', 'pkd'],
  ])('%s → %s', (t, id) => expect(idsOf(t)).toContain(id));

  it('coordinated resolutions map each known number; unknown ones become their document symbol', () => {
    // The organ named before "resolutions" is part of the reference (it decides the symbol's series).
    expect(hits('UN General Assembly resolutions 56/203 and 58/208')).toEqual([
      'UN General Assembly resolutions 56/203[sym:A/RES/56/203]',
      '58/208[res58208]',
    ]);
  });

  it('bare fractions are not resolutions', () => {
    expect(idsOf('a ratio of 60/227 and 70/1')).toEqual([]);
  });
});

describe('family keys come from the glossary', () => {
  const base: GlossarySource = { id: 'x', label: 'x', expansion: '', category: 'instrument', summary: '' };

  it('skips families whose entries are missing, without errors; UN document symbols need no entry', () => {
    const m = loadMatcher(compileMatcher([{ ...base, id: 'iom', label: 'IOM' }]));
    expect(m.find('ILO Convention No. 189, SDG target 10.7, A/RES/70/1, IOM').map((f) => f.id)).toEqual([
      'sym:A/RES/70/1',
      'iom',
    ]);
  });

  it('maps numbers through entry forms, whatever the entry ids are', () => {
    const m = loadMatcher(
      compileMatcher([
        { ...base, id: 'domestic-workers-convention', label: 'Domestic Workers Convention', aliases: ['C189'] },
        { ...base, id: 'target-migration', label: 'SDG target 10.7' },
      ]),
    );
    expect(m.find('Convention No. 189 (ILO) and target 10.7 and 8.8 on migration').map((f) => f.id)).toEqual([
      'domestic-workers-convention',
      'target-migration',
    ]);
  });

  it('falls back to conventional ids (c189, sdg107) when no form spells the number', () => {
    const m = loadMatcher(
      compileMatcher([
        { ...base, id: 'c189', label: 'Domestic Workers Convention' },
        { ...base, id: 'sdg10c', label: 'remittance-cost target' },
      ]),
    );
    expect(m.find('ILO Convention No. 189 and SDG target 10.c').map((f) => f.id)).toEqual(['c189', 'sdg10c']);
  });

  it('the fixture glossary has every family', () => {
    const fam = compileMatcher(termsGlossary()).fam.map((f) => f.ns);
    expect(new Set(fam)).toEqual(new Set(['ilo', 'cedawgr', 'gc', 'sdg', 'res', 'sym', 'doc', 'wha']));
  });
});
