/**
 * Tiny adapter over the KB and term indexes so the background never constructs MiniSearch itself:
 * the build serialises the index with lib/kb/search-options.ts and loading it with other options would
 * silently break tokenisation and boosts. Injectable so tests can count loads.
 */
import type MiniSearch from 'minisearch';
import type { GlossaryEntry } from '../glossary/types';
import type { KbRecord } from '../kb/types';
import {
  createIndex,
  createTermIndex,
  loadIndex,
  loadTermIndex,
  serializeTermIndex,
  type SearchDoc,
  type TermDoc,
} from '../kb/search-options';

export interface IndexAdapter {
  createIndex(records: KbRecord[]): MiniSearch<SearchDoc>;
  /** `json` is what the bundle holds in `index` (CompactIndex object or its JSON string). */
  loadIndex(json: unknown): MiniSearch<SearchDoc>;
  createTermIndex(entries: Iterable<GlossaryEntry>): MiniSearch<TermDoc>;
  /** Serialised built-in term index (see serializeTermIndex) plus `extra` (custom) entries. */
  loadTermIndex(json: unknown, extra: Iterable<GlossaryEntry>): MiniSearch<TermDoc>;
  serializeTermIndex(entries: Iterable<GlossaryEntry>): unknown;
}

export const defaultIndexAdapter: IndexAdapter = {
  createIndex,
  loadIndex,
  createTermIndex,
  loadTermIndex,
  serializeTermIndex,
};
