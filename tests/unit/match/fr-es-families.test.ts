/**
 * Issue #15: composite families (lib/match/families.ts) written in French and Spanish, each beside its
 * English counterpart, and the lookalikes that must stay untagged. Sentences are ours.
 */
import { describe, expect, it } from 'vitest';
import type { GlossarySource } from '../../../lib/glossary/types';
import { compileMatcher } from '../../../lib/match/compile';
import { loadMatcher } from '../../../lib/match/matcher';

const e = (id: string, label: string, aliases: string[] = []): GlossarySource => ({
  id,
  label,
  expansion: label,
  category: 'instrument',
  summary: '',
  aliases,
});

const m = loadMatcher(
  compileMatcher([
    e('c189', 'ILO C189', ['Domestic Workers Convention, 2011 (No. 189)']),
    e('c97', 'ILO C97'),
    e('c143', 'ILO C143'),
    e('r201', 'ILO Recommendation No. 201'),
    e('r86', 'ILO Recommendation No. 86'),
    e('sdg107', 'SDG target 10.7'),
    e('sdg1072', 'SDG indicator 10.7.2'),
    e('sdggoal10', 'SDG 10'),
    e('res73195', 'General Assembly resolution 73/195'),
    e('res60227', 'General Assembly resolution 60/227'),
    e('res711', 'General Assembly resolution 71/1'),
  ]),
);
const hits = (text: string) => m.find(text).map((h) => `${text.slice(h.start, h.end)}[${h.id}]`);

describe('ILO conventions and recommendations', () => {
  it.each([
    ['la convention n° 189 protège les travailleurs domestiques', 'convention n° 189[c189]'],
    ['la Convention (n° 189) de l’OIT sur le travail', 'Convention (n° 189)[c189]'],
    ['ratifier le Convenio núm. 189 de la OIT', 'Convenio núm. 189[c189]'],
    ['ratify ILO Convention No. 189 on domestic work', 'ILO Convention No. 189[c189]'],
    ['the C189 of the ILO', 'C189[c189]'],
  ])('%s', (text, hit) => expect(hits(text)).toEqual([hit]));

  it('a French title after the number, up to its year, is one span', () => {
    const t = 'La Convention (n° 189) sur les travailleuses et travailleurs domestiques, 2011 de l’OIT.';
    expect(hits(t)).toEqual(['Convention (n° 189) sur les travailleuses et travailleurs domestiques, 2011[c189]']);
  });

  it.each([
    ['la recommandation n° 86 du BIT', 'recommandation n° 86[r86]'],
    ['et de la recommandation (n° 201) sur le travail', 'recommandation (n° 201)[r201]'],
    ['la Recomendación núm. 201 de la OIT', 'Recomendación núm. 201[r201]'],
    ['ILO Recommendation No. 201 on workers', 'ILO Recommendation No. 201[r201]'],
  ])('%s', (text, hit) => expect(hits(text)).toEqual([hit]));

  it('coordinated numbers after "et" and "y"', () => {
    expect(hits('les conventions n° 97 et n° 143 de l’OIT')).toEqual(['conventions n° 97[c97]', 'n° 143[c143]']);
    expect(hits('los Convenios núm. 97 y 143 de la OIT')).toEqual(['Convenios núm. 97[c97]', '143[c143]']);
  });

  it('"n° 189" without convention or recommendation is a house number', () => {
    expect(hits('Il habite au n° 189 de la rue du travail, près de l’usine.')).toEqual([]);
    expect(hits('Vive en el núm. 189 de la calle del trabajo.')).toEqual([]);
  });
});

describe('SDG targets, goals and indicators', () => {
  it.each([
    ['la cible 10.7 des ODD sur les migrations', 'cible 10.7[sdg107]'],
    ['la meta 10.7 de los ODS sobre migración', 'meta 10.7[sdg107]'],
    ['SDG target 10.7 on migration', 'SDG target 10.7[sdg107]'],
    ["l'indicateur 10.7.2 des ODD", 'indicateur 10.7.2[sdg1072]'],
    ['el indicador 10.7.2 de los ODS', 'indicador 10.7.2[sdg1072]'],
    ['indicator 10.7.2 of the SDGs', 'indicator 10.7.2[sdg1072]'],
    ["l'objectif 10 du développement durable", 'objectif 10[sdggoal10]'],
    ['el objetivo 10 del desarrollo sostenible', 'objetivo 10[sdggoal10]'],
  ])('%s', (text, hit) => expect(hits(text)).toEqual([hit]));

  it('without any SDG context the number is not a target', () => {
    expect(hits('La meta 10.7 del equipo de fútbol fue ganar.')).toEqual([]);
    expect(hits('Un objectif 10 fois plus ambitieux pour la vente.')).toEqual([]);
  });
});

describe('resolutions', () => {
  it.each([
    ['la résolution 73/195 adoptée en 2018', 'résolution 73/195[res73195]'],
    ['la resolución 71/1 de septiembre', 'resolución 71/1[res711]'],
    ['General Assembly resolution 73/195 endorsed it', 'General Assembly resolution 73/195[res73195]'],
    ["la résolution 60/227 de l'Assemblée générale", "résolution 60/227 de l'Assemblée générale[res60227]"],
    ['la resolución 60/227 de la Asamblea General', 'resolución 60/227 de la Asamblea General[res60227]'],
  ])('%s', (text, hit) => expect(hits(text)).toEqual([hit]));

  it('a General Assembly resolution no entry knows becomes its symbol, whichever side the organ is on', () => {
    expect(m.find('la résolution 70/1 de l’Assemblée générale').map((h) => h.id)).toEqual(['sym:A/RES/70/1']);
    expect(m.find('la resolución de la Asamblea General 70/1').map((h) => h.id)).toEqual(['sym:A/RES/70/1']);
  });

  it('each number of a coordinated list is its own span, also after "et", "y" and dates', () => {
    const t = 'ses résolutions 8/10 du 18 juin 2008, 17/12 du 17 juin 2011 et 26/19 du 26 juin 2014';
    expect(hits(t)).toEqual(['résolutions 8/10[sym:RES/8/10]', '17/12[sym:RES/17/12]', '26/19[sym:RES/26/19]']);
    const es = 'las resoluciones 71/1 de 19 de septiembre de 2016 y 73/195';
    expect(hits(es)).toEqual(['resoluciones 71/1[res711]', '73/195[res73195]']);
  });

  it('Commission on Human Rights resolutions in a French list are its own symbols', () => {
    const t = 'les résolutions de la Commission des droits de l’homme 1999/44 du 27 avril 1999 et 2005/47';
    expect(m.find(t).map((h) => h.id)).toEqual(['sym:E/CN.4/RES/1999/44', 'sym:E/CN.4/RES/2005/47']);
    expect(hits('Commission on Human Rights resolution 2005/47').map((h) => h.replace(/^.*\[/, ''))).toEqual([
      'sym:E/CN.4/RES/2005/47]',
    ]);
  });

  it('a date like 8/10 outside a resolution context is nothing', () => {
    expect(hits('Le rendez-vous du 8/10 est confirmé, et celui du 17/12 aussi.')).toEqual([]);
    expect(hits('La reunión del 8/10 y la del 26/19 de la comisión.')).toEqual([]);
  });
});
