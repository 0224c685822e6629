/**
 * The ONE definition of the MiniSearch options. The build serialises the index with these options
 * and the runtime must load it with identical ones (MiniSearch does not store tokenize/processTerm),
 * so both sides import createIndex/loadIndex from here instead of constructing MiniSearch directly.
 */
import MiniSearch, { type Options } from 'minisearch';
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

export type StoredFields = Pick<SearchDoc, 'kind' | 'doc' | 'agency' | 'section' | 'label' | 'title'>;

const STOP_WORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'has', 'have', 'in', 'is', 'it', 'its', 'of',
  'on', 'or', 'that', 'the', 'their', 'this', 'to', 'was', 'were', 'which', 'with',
]);

/** Split on anything that is not a letter or digit; keeps "UN-Habitat" searchable as two terms. */
export function tokenize(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Lowercase, strip diacritics (Crépeau → crepeau), drop stop words. */
export function processTerm(term: string): string | null {
  const t = term.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  if (t.length === 0 || STOP_WORDS.has(t)) return null;
  return t;
}

export const SEARCH_OPTIONS: Options<SearchDoc> = {
  idField: 'id',
  fields: ['text', 'title', 'agency', 'doc', 'section'],
  storeFields: ['kind', 'doc', 'agency', 'section', 'label', 'title'],
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
    id: r.id, kind: r.kind, doc: c.doc, agency: c.agency ?? '', section: c.section, label: c.label ?? '', title,
    text: sub ? `${r.text}\n${sub}` : r.text,
  };
}

export function createIndex(records: readonly KbRecord[]): MiniSearch<SearchDoc> {
  const ms = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
  ms.addAll(records.map(toSearchDoc));
  return ms;
}

/** Load a serialised index (MiniSearch.toJSON() object or its JSON string) with the shared options. */
export function loadIndex(json: unknown): MiniSearch<SearchDoc> {
  if (typeof json === 'string') return MiniSearch.loadJSON<SearchDoc>(json, SEARCH_OPTIONS);
  if (json === null || typeof json !== 'object') throw new TypeError('loadIndex: expected a MiniSearch JSON object or string');
  return MiniSearch.loadJS<SearchDoc>(json as Parameters<typeof MiniSearch.loadJS>[0], SEARCH_OPTIONS);
}
