/**
 * The ONE definition of the MiniSearch options. The build serialises the index with these options
 * and the runtime must load it with identical ones (MiniSearch does not store tokenize/processTerm),
 * so both sides import createIndex/loadIndex from here instead of constructing MiniSearch directly.
 * The same holds for the glossary term index, built at install time and loaded on every wake.
 * Serialised indexes use the compact layout of ./compact-index (fast cold loads).
 */
import MiniSearch, { type Options } from 'minisearch';
import type { GlossaryEntry } from '../glossary/types';
import { loadCompactIndex, toCompactIndex, type CompactIndex } from './compact-index';
import type { KbRecord } from './types';

/** What the index sees of a record; the full text stays in the bundle's records keyed by id. */
export interface SearchDoc {
  id: string;
  kind: string;
  doc: string;
  agency: string;
  section: string;
  label: string;
  /** Short display title, e.g. "ICAO · recommendations (b)". */
  title: string;
  text: string;
}

const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'for',
  'from',
  'has',
  'have',
  'in',
  'is',
  'it',
  'its',
  'of',
  'on',
  'or',
  'that',
  'the',
  'their',
  'this',
  'to',
  'was',
  'were',
  'which',
  'with',
]);

/** Split on anything that is not a letter or digit; keeps "UN-Habitat" searchable as two terms. */
export function tokenize(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Lowercase, strip diacritics (Crépeau → crepeau), drop stop words. */
export function processTerm(term: string): string | null {
  const t = term
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  if (t.length === 0 || STOP_WORDS.has(t)) return null;
  return t;
}

export const SEARCH_OPTIONS: Options<SearchDoc> = {
  idField: 'id',
  fields: ['text', 'title', 'agency', 'doc', 'section'],
  // No storeFields: search reads kind/citation from the records it loads anyway (by hit id), and
  // stored copies of them made the serialised index ~20% larger for every cold load.
  tokenize,
  processTerm,
  searchOptions: {
    boost: { title: 2, agency: 3, section: 1.5, doc: 1, text: 1 },
    prefix: (term) => term.length > 3,
    fuzzy: (term) => (term.length > 5 ? 0.15 : false),
    combineWith: 'AND',
  },
};

export function toSearchDoc(r: KbRecord): SearchDoc {
  const c = r.citation;
  const who = c.agency ?? `doc ${c.doc}`;
  const title = `${who} · ${c.section}${c.label ? ` ${c.label}` : ''}`;
  const sub = r.subItems?.map((s) => `${s.label} ${s.text}`).join('\n') ?? '';
  return {
    id: r.id,
    kind: r.kind,
    doc: c.doc,
    agency: c.agency ?? '',
    section: c.section,
    label: c.label ?? '',
    title,
    text: sub ? `${r.text}\n${sub}` : r.text,
  };
}

export function createIndex(records: readonly KbRecord[]): MiniSearch<SearchDoc> {
  const ms = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
  ms.addAll(records.map(toSearchDoc));
  return ms;
}

/** The KB index as the bundle stores it (compact layout, plain data). */
export function serializeIndex(records: readonly KbRecord[]): CompactIndex {
  return toCompactIndex(createIndex(records));
}

/** Load a serialised KB index (CompactIndex object or its JSON string) with the shared options. */
export function loadIndex(json: unknown): MiniSearch<SearchDoc> {
  return loadCompactIndex<SearchDoc>(json, SEARCH_OPTIONS);
}

/**
 * A query or name reduced to its words (case, diacritics and punctuation aside): "UN-Habitat" and
 * "un habitat" are the same key. Search compares these to tell an exact term match (issue #16).
 */
export function exactKey(s: string): string {
  return tokenize(
    s
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase(),
  ).join(' ');
}

/**
 * The names a query may give to mean exactly this entry: its label, expansion, aliases and id (the
 * entry's short name: "trafficking" for "trafficking in persons", which the recogniser does not
 * match alone but a searcher types).
 */
export function exactKeys(e: Pick<GlossaryEntry, 'id' | 'label' | 'expansion' | 'aliases' | 'fr' | 'es'>): Set<string> {
  // French and Spanish names count too ("acnur", "organisation internationale pour les migrations").
  return new Set([e.id, e.label, e.expansion, ...(e.aliases ?? []), ...localForms(e)].filter(Boolean).map(exactKey));
}

/** What the glossary term index sees of an entry (built-in and custom). */
export interface TermDoc {
  id: string;
  label: string;
  expansion: string;
  aliases: string;
  /** The French and Spanish names and aliases ("Organisation internationale pour les migrations", "ACNUR"). */
  localNames: string;
  summary: string;
}

/**
 * Lowercase without diacritics, so "migracion" finds "Migración" and "securite" finds "sécurité" in
 * every language. No stop words here: a term's name is short and each of its words counts.
 */
export function foldTerm(term: string): string | null {
  const t = term
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  return t.length ? t : null;
}

/** Term index options: MiniSearch's default tokenizer, accent-folded terms, label-heavy boosts. */
export const TERM_OPTIONS: Options<TermDoc> = {
  fields: ['label', 'expansion', 'aliases', 'localNames', 'summary'],
  processTerm: foldTerm,
  searchOptions: { boost: { label: 4, aliases: 3, localNames: 3, expansion: 2 } },
};

/** Every French and Spanish form of an entry: label, expansion and aliases. */
export function localForms(e: Pick<GlossaryEntry, 'fr' | 'es'>): string[] {
  return [e.fr, e.es]
    .flatMap((n) => (n ? [n.label, n.expansion, ...(n.aliases ?? [])] : []))
    .filter((x): x is string => !!x);
}

const toTermDoc = (e: GlossaryEntry): TermDoc => ({
  id: e.id,
  label: e.label,
  expansion: e.expansion,
  aliases: (e.aliases ?? []).join(' ; '),
  localNames: localForms(e).join(' ; '),
  summary: e.summary,
});

export function createTermIndex(entries: Iterable<GlossaryEntry>): MiniSearch<TermDoc> {
  const ms = new MiniSearch<TermDoc>(TERM_OPTIONS);
  for (const e of entries) ms.add(toTermDoc(e));
  return ms;
}

/** Built-in term index, serialised once per install so a woken worker loads instead of rebuilding. */
export const serializeTermIndex = (entries: Iterable<GlossaryEntry>): CompactIndex =>
  toCompactIndex(createTermIndex(entries));

/** Loads a serialised term index and adds `extra` entries (the custom glossary) to it. */
export function loadTermIndex(json: unknown, extra: Iterable<GlossaryEntry> = []): MiniSearch<TermDoc> {
  const ms = loadCompactIndex<TermDoc>(json, TERM_OPTIONS);
  for (const e of extra) ms.add(toTermDoc(e));
  return ms;
}
