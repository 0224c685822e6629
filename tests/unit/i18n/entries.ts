/**
 * Inline glossary entries with French and Spanish names, for the language tests (the shipped data is
 * being filled by another change). Names are the UN's own, checked on iom.int, unhcr.org and acnur.org
 * pages (see the commit message); the summaries are ours.
 */
import type { GlossaryEntry } from '@/lib/glossary/types';

const base = { related: [], excerpts: [] };

export const IOM: GlossaryEntry = {
  ...base,
  id: 'iom',
  label: 'IOM',
  expansion: 'International Organization for Migration',
  category: 'agency',
  summary: 'The UN migration agency, which joined the UN system in 2016.',
  fr: {
    label: 'OIM',
    expansion: 'Organisation internationale pour les migrations',
    summary: 'L’agence des Nations Unies pour les migrations, entrée dans le système des Nations Unies en 2016.',
  },
  es: { label: 'OIM', expansion: 'Organización Internacional para las Migraciones' },
};

export const UNHCR: GlossaryEntry = {
  ...base,
  id: 'unhcr',
  label: 'UNHCR',
  expansion: 'Office of the United Nations High Commissioner for Refugees',
  category: 'agency',
  summary: 'Protects refugees, forcibly displaced communities and stateless people.',
  fr: { label: 'HCR', expansion: 'Haut-Commissariat des Nations Unies pour les réfugiés' },
  es: {
    label: 'ACNUR',
    expansion: 'Alto Comisionado de las Naciones Unidas para los Refugiados',
    aliases: ['el ACNUR'],
    summary: 'Protege a las personas refugiadas, desplazadas por la fuerza y apátridas.',
  },
};

export const GCM: GlossaryEntry = {
  ...base,
  id: 'gcm',
  label: 'GCM',
  expansion: 'Global Compact for Safe, Orderly and Regular Migration',
  category: 'instrument',
  summary: 'A non-binding framework adopted in 2018 covering all dimensions of international migration.',
  es: { label: 'Pacto Mundial', expansion: 'Pacto Mundial para la Migración Segura, Ordenada y Regular' },
};

/** An English-only entry whose words overlap the others'. */
export const REMIT: GlossaryEntry = {
  ...base,
  id: 'remittances',
  label: 'Remittances',
  expansion: 'Money sent home by migrants',
  category: 'concept',
  summary: 'Transfers of money by migrants to their families.',
};

export const ENTRIES = [IOM, UNHCR, GCM, REMIT];
