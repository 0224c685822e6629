/**
 * Issue #15: how French and Spanish text writes names — elision and contractions, accents and case,
 * typographic spaces, inverted punctuation, plural agreement — and shared short names ("Pacte mondial")
 * resolved by page evidence. Test sentences are ours.
 */
import { describe, expect, it } from 'vitest';
import { frEsHits, frEsMatcher } from './helpers/fr-es-fixture';

describe('elision and contractions', () => {
  it.each([
    ["l'OIM", 'OIM[iom]'],
    ['l’OIM', 'OIM[iom]'],
    ["d'OIM", 'OIM[iom]'],
    ["de l'OIT", 'OIT[ilo]'],
    ['l’Assemblée générale', 'Assemblée générale[ga]'],
    ["l'Organisation internationale du Travail", 'Organisation internationale du Travail[ilo]'],
  ])('French "%s": the name starts after the article', (form, hit) => {
    expect(frEsHits(`Selon les données de ${form}, les migrations et les envois de fonds sont en hausse.`)).toEqual([
      hit,
    ]);
  });

  it.each([
    ['del ACNUR', 'ACNUR[unhcr]'],
    ['al ACNUR', 'ACNUR[unhcr]'],
    ['de la OIT', 'OIT[ilo]'],
  ])('Spanish "%s"', (form, hit) => {
    expect(frEsHits(`El informe fue enviado ${form} por los gobiernos de la región para su examen.`)).toEqual([hit]);
  });
});

describe('accents and case', () => {
  it('multi-word names match without accents and in any case', () => {
    expect(frEsHits('Le Pacte mondial pour des migrations sures, ordonnees et regulieres est un texte.')).toEqual([
      'Pacte mondial pour des migrations sures, ordonnees et regulieres[gcmcompact]',
    ]);
    expect(frEsHits('PACTE MONDIAL POUR DES MIGRATIONS SÛRES, ORDONNÉES ET RÉGULIÈRES')).toEqual([
      'PACTE MONDIAL POUR DES MIGRATIONS SÛRES, ORDONNÉES ET RÉGULIÈRES[gcmcompact]',
    ]);
    expect(frEsHits('la asamblea general y el pacto mundial para la migración segura, ordenada y regular')).toEqual([
      'asamblea general[ga]',
      'pacto mundial para la migración segura, ordenada y regular[gcmcompact]',
    ]);
  });

  it('decomposed accents (combining marks) match with offsets into the original text', () => {
    const text = 'Devant l’Assemble\u0301e ge\u0301ne\u0301rale, les États ont parlé.';
    const [m] = frEsMatcher().find(text);
    expect(m && text.slice(m.start, m.end)).toBe('Assemble\u0301e ge\u0301ne\u0301rale');
  });

  it('French names of a case-sensitive entry (its hints protect the acronym) still ignore case and accents', () => {
    expect(frEsHits('Selon l’ORGANISATION INTERNATIONALE POUR LES MIGRATIONS, les flux augmentent.')).toEqual([
      'ORGANISATION INTERNATIONALE POUR LES MIGRATIONS[iom]',
    ]);
    expect(frEsHits('La Organizacion Internacional para las Migraciones y los Estados.')).toEqual([
      'Organizacion Internacional para las Migraciones[iom]',
    ]);
  });

  it('acronyms stay case-sensitive', () => {
    expect(frEsHits('Les données de l’oim et de l’Oit sont publiées pour les États.', { lang: 'fr' })).toEqual([]);
  });
});

describe('typography', () => {
  it('French spaces (NBSP, NNBSP) before ":;?!" and inside « » are folded', () => {
    expect(frEsHits('Le rôle de l’OIM\u202F: les migrations\u00A0; le HCR\u202F?', { lang: 'fr' })).toEqual([
      'OIM[iom]',
      'HCR[unhcr]',
    ]);
    expect(
      frEsHits('Il cite «\u00A0Pacte mondial sur les réfugiés\u00A0» et «\u202FAssemblée\u00A0générale\u202F».'),
    ).toEqual(['Pacte mondial sur les réfugiés[grcompact]', 'Assemblée\u00A0générale[ga]']);
  });

  it('Spanish inverted punctuation around names', () => {
    expect(frEsHits('¿Qué hace el ACNUR? ¡La OIM y la OIT!', { lang: 'es' })).toEqual([
      'ACNUR[unhcr]',
      'OIM[iom]',
      'OIT[ilo]',
    ]);
    expect(frEsHits('¿Naciones Unidas?')).toEqual(['Naciones Unidas[un]']);
  });

  it('a serial comma the form does not write ("Safe, Orderly, and Regular")', () => {
    expect(frEsHits('the Global Compact for Safe, Orderly, and Regular Migration')).toEqual([
      'Global Compact for Safe, Orderly, and Regular Migration[gcmcompact]',
    ]);
  });
});

describe('plural agreement', () => {
  it('"de las Naciones Unidas" inside a longer name is part of it; alone it is the UN', () => {
    expect(frEsHits('El Alto Comisionado de las Naciones Unidas para los Refugiados y las Naciones Unidas.')).toEqual([
      'Alto Comisionado de las Naciones Unidas para los Refugiados[unhcr]',
      'Naciones Unidas[un]',
    ]);
    expect(frEsHits('Le Haut-Commissariat des Nations Unies pour les réfugiés et les Nations Unies.')).toEqual([
      'Haut-Commissariat des Nations Unies pour les réfugiés[unhcr]',
      'Nations Unies[un]',
    ]);
  });
});

describe('shared short names resolved by page evidence', () => {
  const gcmPage = 'Le Pacte mondial pour des migrations sûres, ordonnées et régulières a été adopté en 2018.';
  const gcrPage = 'El Pacto Mundial sobre los Refugiados fue afirmado por los Estados en diciembre.';

  it('a capitalised "Pacte mondial" is the compact the page names', () => {
    expect(frEsHits(`${gcmPage} Le Pacte mondial repose sur des principes.`)).toEqual([
      'Pacte mondial pour des migrations sûres, ordonnées et régulières[gcmcompact]',
      'Pacte mondial[gcmcompact]',
    ]);
    expect(frEsHits(`${gcrPage} El Pacto Mundial reparte la carga.`)).toEqual([
      'Pacto Mundial sobre los Refugiados[grcompact]',
      'Pacto Mundial[grcompact]',
    ]);
    expect(frEsHits('We recall the Global Compact on Refugees. The Global Compact fails, some said.')).toEqual([
      'Global Compact on Refugees[grcompact]',
      'Global Compact[grcompact]',
    ]);
  });

  it('with both compacts on the page, the one named last before it', () => {
    const both =
      'Le Pacte mondial sur les réfugiés complète le Pacte mondial pour des migrations sûres, ordonnées et régulières.';
    expect(frEsHits(`${both} Le Pacte mondial est non contraignant.`).at(-1)).toBe('Pacte mondial[gcmcompact]');
  });

  it('lowercase "pacte mondial", or no compact named on the page: not a term', () => {
    expect(frEsHits(`${gcmPage} Un pacte mondial pour le climat serait utile.`)).toEqual([
      'Pacte mondial pour des migrations sûres, ordonnées et régulières[gcmcompact]',
    ]);
    expect(frEsHits('Le Pacte mondial des entreprises réunit des sociétés privées.')).toEqual([]);
    expect(frEsHits('The Global Compact is a business initiative of companies.')).toEqual([]);
  });
});
