/**
 * Tiny adapter over the KB index so the background never constructs MiniSearch itself: the build
 * serialises the index with lib/kb/search-options.ts and loading it with other options would
 * silently break tokenisation and boosts. Injectable so tests can count loads.
 */
import type MiniSearch from 'minisearch';
import type { KbRecord } from '../kb/types';
import { createIndex, loadIndex } from '../kb/search-options';

export interface IndexAdapter {
  createIndex(records: KbRecord[]): MiniSearch<any>;
  /** `json` is what the bundle holds in `index` (MiniSearch.toJSON() object or its JSON string). */
  loadIndex(json: unknown): MiniSearch<any>;
}

export const defaultIndexAdapter: IndexAdapter = { createIndex, loadIndex };
