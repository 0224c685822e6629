/**
 * Issue #15: French and Spanish one-word forms that are other words (or other bodies) elsewhere match only
 * on text of their language (lib/match/forms.ts); full names match on any page. Each gated form is
 * checked on its own language and on an English counterpart.
 */
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/match/compile';
import { entryForms, rivalExpansions } from '../../../lib/match/forms';
import { guessLang, primaryLang } from '../../../lib/match/lang';
import { Trie } from '../../../lib/match/trie';
import { FR_ES_GLOSSARY, frEsHits, frEsMatcher } from './helpers/fr-es-fixture';

const EN_FRAME = 'The report of the board was published this week, and it was read with interest by the staff.';

describe('gated French and Spanish acronyms', () => {
  it.each([
    ['BIT', 'ilo', 'Le BIT a publié pour les États une étude sur les travailleurs et les migrations.'],
    ['PAM', 'wfp', 'Le PAM distribue des vivres dans les camps et il est présent sur le terrain.'],
    ['HCR', 'unhcr', 'Le HCR et les ONG ont présenté des propositions pour les réfugiés.'],
    ['CEDEF', 'cedaw', 'La CEDEF est un traité dont les États parties rendent compte au comité.'],
    ['DAES', 'undesa', 'Le DAES publie les estimations des migrants dans le monde et les tendances.'],
    ['GMM', 'gmg', 'Le GMM a réuni les agences pour une réflexion sur les migrations.'],
  ])('%s matches on French text and not on English text', (form, id, fr) => {
    expect(frEsHits(fr)).toContain(`${form}[${id}]`);
    expect(frEsHits(`${EN_FRAME} The ${form} was mentioned by the board of the company.`)).toEqual([]);
  });

  it.each([
    ['OIT', 'ilo', 'La OIT y los sindicatos firmaron un acuerdo para los trabajadores del sector.'],
    ['PMA', 'wfp', 'El PMA entregó alimentos a las familias desplazadas por las lluvias.'],
    ['ACNUR', 'unhcr', 'El ACNUR abrió una oficina para los refugiados en la frontera del país.'],
  ])('%s matches on Spanish text and not on English text', (form, id, es) => {
    expect(frEsHits(es)).toContain(`${form}[${id}]`);
    expect(frEsHits(`${EN_FRAME} A ${form} approval was needed by the company for this product.`)).toEqual([]);
  });

  it('a French-only form is not matched on Spanish text, a form both languages list is', () => {
    expect(frEsHits('El HCR no es una sigla de los refugiados en el país, pero la OIM sí lo es.')).toEqual([
      'OIM[iom]',
    ]);
  });

  it('lowercase lookalikes never match, whatever the language ("bit", "pam")', () => {
    expect(frEsHits('Il reste un bit de données et le pam des tests pour les agents.')).toEqual([]);
  });

  it('the declared language wins over the guess; none and no clear guess → not matched', () => {
    expect(frEsHits('BIT', { lang: 'fr' })).toEqual(['BIT[ilo]']);
    expect(frEsHits('BIT', { lang: 'fr-CH' })).toEqual(['BIT[ilo]']);
    expect(frEsHits('PMA', { lang: () => 'es-419' })).toEqual(['PMA[wfp]']);
    expect(frEsHits('Le BIT a publié les données et les analyses pour les États.', { lang: 'en' })).toEqual([]);
    expect(frEsHits('BIT')).toEqual([]);
  });

  it('a short block takes the language of its page', () => {
    const page = 'Les agences et le HCR travaillent pour les réfugiés et les migrants dans les pays du Sahel.';
    const ctx = frEsMatcher().pageContext(page);
    expect(frEsHits('Contact: HCR', {}, ctx)).toEqual(['HCR[unhcr]']);
    const en = frEsMatcher().pageContext(`${EN_FRAME} ${EN_FRAME}`);
    expect(frEsHits('Contact: HCR', {}, en)).toEqual([]);
  });

  it('full French and Spanish names match on any page, English ones on French pages', () => {
    expect(frEsHits(`${EN_FRAME} The Organisation internationale pour les migrations was cited.`)).toEqual([
      'Organisation internationale pour les migrations[iom]',
    ]);
    expect(frEsHits('Le World Food Programme et les États ont signé un accord pour les réfugiés.')).toEqual([
      'World Food Programme[wfp]',
    ]);
  });

  it('the Isle of Man IOM stays zero even far from the veto phrase, unless the page names the agency', () => {
    const filler = ' Houses, farms and roads were discussed at length by the residents of the island.'.repeat(6);
    const isle = `The Isle of Man is a small island.${filler} People who come to the IOM to work need a permit.`;
    expect(frEsHits(isle)).toEqual([]);
    const agency = `${isle} The International Organization for Migration has no office there.`;
    expect(frEsHits(agency)).toEqual(['IOM[iom]', 'International Organization for Migration[iom]']);
  });
});

describe('page-wide veto', () => {
  it('only rival names of the acronym veto across the page, not idioms or other names', () => {
    const base = { expansion: '', category: 'agency' as const, summary: '' };
    expect(
      rivalExpansions({ ...base, id: 'iom', label: 'IOM', hints: { notNear: ['Isle of Man', 'European Union'] } }),
    ).toEqual(['Isle of Man']);
    expect(rivalExpansions({ ...base, id: 'us', label: 'US', hints: { notNear: ['contact us', 'let us'] } })).toEqual(
      [],
    );
    expect(rivalExpansions({ ...base, id: 'imo', label: 'IMO', hints: { notNear: ['in my opinion'] } })).toEqual([]);
  });
});

describe('compiled forms', () => {
  it('gates exactly the one-word French/Spanish forms that are not English forms', () => {
    const forms = entryForms(FR_ES_GLOSSARY.find((e) => e.id === 'unhcr')!);
    expect(forms.get('UNHCR')?.gate).toBe(0);
    expect(forms.get('HCR')?.gate).toBe(1);
    expect(forms.get('ACNUR')?.gate).toBe(2);
    expect(forms.get('Haut-Commissariat des Nations Unies pour les réfugiés')?.gate).toBe(0);
    expect(entryForms(FR_ES_GLOSSARY.find((e) => e.id === 'iom')!).get('OIM')?.gate).toBe(3);
    expect(entryForms(FR_ES_GLOSSARY.find((e) => e.id === 'cedaw')!).get('CEDAW')?.gate).toBe(0);
  });

  it('compiles without localised names exactly as before (no stray gates)', () => {
    const plain = FR_ES_GLOSSARY.map(({ fr: _fr, es: _es, ...e }) => e);
    const c = compileMatcher(plain);
    const ends = [...new Trie(c.trie).ends];
    expect(ends.length).toBeGreaterThan(5);
    expect(ends.filter((v) => v & 6)).toEqual([]);
  });
});

describe('page language', () => {
  it('reads the primary subtag', () => {
    expect(primaryLang('fr-CA')).toBe('fr');
    expect(primaryLang('ES_419')).toBe('es');
    expect(primaryLang('')).toBeUndefined();
    expect(primaryLang(undefined)).toBeUndefined();
  });

  it('guesses from function words and abstains on lists of names', () => {
    expect(guessLang('Les États membres et le secrétariat sont réunis pour la session des travaux.')).toBe('fr');
    expect(guessLang('Los Estados y el secretario general del organismo para la reunión por la tarde.')).toBe('es');
    expect(guessLang('The members of the board and the staff met to discuss the plan for the year.')).toBe('en');
    expect(guessLang('IOM, UNHCR, ILO, WFP')).toBeUndefined();
    expect(guessLang('Le')).toBeUndefined();
  });
});
