/**
 * A small glossary with French and Spanish names (issue #15), written for the French/Spanish matching
 * tests. Names checked against public pages (BIT/OIT, PAM/PMA, CEDEF, ACNUR); the test sentences are ours.
 */
import type { GlossarySource, LocalisedNames } from '../../../../lib/glossary/types';
import { compileMatcher } from '../../../../lib/match/compile';
import { loadMatcher, type LoadedMatcher } from '../../../../lib/match/matcher';
import type { FindOptions, PageContext } from '../../../../lib/match/types';

const entry = (
  id: string,
  label: string,
  aliases: string[],
  fr: LocalisedNames,
  es: LocalisedNames,
  extra: Partial<GlossarySource> = {},
): GlossarySource => ({ id, label, expansion: label, category: 'agency', summary: '', aliases, fr, es, ...extra });

export const FR_ES_GLOSSARY: GlossarySource[] = [
  entry(
    'iom',
    'IOM',
    ['International Organization for Migration'],
    { label: 'OIM', expansion: 'Organisation internationale pour les migrations' },
    { label: 'OIM', expansion: 'Organización Internacional para las Migraciones' },
    { hints: { caseSensitive: true, notNear: ['Isle of Man'] } },
  ),
  entry(
    'ilo',
    'ILO',
    ['International Labour Organization'],
    {
      label: 'OIT',
      expansion: 'Organisation internationale du Travail',
      aliases: ['BIT', 'Bureau international du Travail'],
    },
    { label: 'OIT', expansion: 'Organización Internacional del Trabajo' },
  ),
  entry(
    'wfp',
    'WFP',
    ['World Food Programme'],
    { label: 'PAM', expansion: 'Programme alimentaire mondial' },
    { label: 'PMA', expansion: 'Programa Mundial de Alimentos' },
  ),
  entry(
    'unhcr',
    'UNHCR',
    ['Office of the United Nations High Commissioner for Refugees'],
    { label: 'HCR', expansion: 'Haut-Commissariat des Nations Unies pour les réfugiés' },
    { label: 'ACNUR', expansion: 'Alto Comisionado de las Naciones Unidas para los Refugiados' },
  ),
  entry(
    'cedaw',
    'CEDAW',
    [],
    {
      label: 'CEDEF',
      expansion: 'Convention sur l’élimination de toutes les formes de discrimination à l’égard des femmes',
    },
    { label: 'CEDAW' },
  ),
  entry(
    'undesa',
    'UN DESA',
    [],
    { label: 'DAES', expansion: 'Département des affaires économiques et sociales' },
    { label: 'DAES', expansion: 'Departamento de Asuntos Económicos y Sociales' },
  ),
  entry(
    'gmg',
    'GMG',
    ['Global Migration Group'],
    { label: 'GMM', expansion: 'Groupe mondial sur la migration' },
    { expansion: 'Grupo Mundial sobre Migración' },
  ),
  entry('ga', 'General Assembly', [], { label: 'Assemblée générale' }, { label: 'Asamblea General' }),
  entry(
    'un',
    'UN',
    ['United Nations'],
    { label: 'ONU', aliases: ['Nations Unies'] },
    { label: 'ONU', aliases: ['Naciones Unidas'] },
  ),
  entry(
    'gcmcompact',
    'Global Compact for Migration',
    ['Global Compact for Safe, Orderly and Regular Migration'],
    { expansion: 'Pacte mondial pour des migrations sûres, ordonnées et régulières' },
    { expansion: 'Pacto Mundial para la Migración Segura, Ordenada y Regular' },
  ),
  entry(
    'grcompact',
    'Global Compact on Refugees',
    [],
    { expansion: 'Pacte mondial sur les réfugiés' },
    { expansion: 'Pacto Mundial sobre los Refugiados' },
  ),
];

let cached: LoadedMatcher | null = null;
export function frEsMatcher(): LoadedMatcher {
  cached ??= loadMatcher(JSON.parse(JSON.stringify(compileMatcher(FR_ES_GLOSSARY))));
  return cached;
}

/** "surface[id]" for each match. */
export function frEsHits(text: string, opts: FindOptions = {}, ctx?: PageContext): string[] {
  return frEsMatcher()
    .find(text, ctx, opts)
    .map((h) => `${text.slice(h.start, h.end)}[${h.id}]`);
}
