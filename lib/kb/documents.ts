/**
 * The source documents: data/sources/sources.json as a typed table, the one list of documents that
 * shipped code and the command-line tools consult. The build reads the same file under the root it
 * is given (readSources in lib/pipeline/kb/build.ts), so test fixture trees can bring their own.
 */
import sources from '../../data/sources/sources.json';
import type { DocNames } from './cite';
import type { SourceDocument } from './types';

export const DOCUMENTS: readonly SourceDocument[] = sources.documents;

const KEYS: ReadonlySet<string> = new Set(DOCUMENTS.map((d) => d.key));
export const isDocKey = (v: unknown): boolean => typeof v === 'string' && KEYS.has(v);

/** Short names, symbols, bibliographic citations and URLs by key, as citations print them. */
export const DOC_NAMES: DocNames = new Map(DOCUMENTS.map((d) => [d.key, d]));
