/**
 * Build-time entry point: sources → KbBundle. Deterministic (no dates, no randomness, fixed order),
 * so the same sources always give a byte-identical serialised bundle and hash.
 * Wire into the build with one line: `writeFileSync(out, serializeBundle(buildKnowledgeBase(root)))`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AcronymPair, DocKey, KbBundle, KbRecord, SourceDocument } from '../../kb/types';
import { KbParseError } from './errors';
import { parse002 } from './parse-ceb-2013';
import { parse004 } from './parse-ga-hearings-2006';
import { parseMeeting } from './parse-meetings';
import { parseAcronyms } from './acronyms';
import { withPages } from './pages';
import { serializeIndex } from '../../kb/search-options';

/** 2: `index` is a CompactIndex (lib/kb/compact-index.ts) instead of MiniSearch.toJSON(). */
export const KB_VERSION = 2;

/**
 * data/sources/sources.json under `rootDir`, checked. Shipped code imports the repository's copy
 * through lib/kb/documents.ts; the build reads it here so that fixture trees can bring their own.
 */
export function readSources(rootDir: string): SourceDocument[] {
  const path = join(rootDir, 'data/sources/sources.json');
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new KbParseError(path, 1, `cannot read sources.json: ${(e as Error).message}`);
  }
  const docs = (parsed as { documents?: unknown }).documents;
  if (!Array.isArray(docs)) throw new KbParseError(path, 1, 'sources.json: "documents" array missing');
  return docs.map((d: Record<string, unknown>, i) => {
    for (const f of ['key', 'file', 'title', 'short', 'year', 'citation'] as const) {
      if (d[f] === undefined) throw new KbParseError(path, 1, `sources.json: documents[${i}] lacks "${f}"`);
    }
    return d as unknown as SourceDocument;
  });
}

/** Split on \n only: line numbers must match `sed -n Np` on the file. */
export function readLines(path: string): string[] {
  return readFileSync(path, 'utf8').replace(/\r\n/g, '\n').split('\n');
}

export function parseDocument(key: DocKey, lines: readonly string[], file: string): KbRecord[] {
  switch (key) {
    case '000':
    case '001':
      return parseMeeting(key, lines, file);
    case '002':
      return parse002(lines, file);
    case '004':
      return parse004(lines, file);
    default:
      throw new KbParseError(file, 1, `no parser for document "${key}" (sources.json lists it)`);
  }
}

function assertUniqueIds(records: readonly KbRecord[]): void {
  const seen = new Set<string>();
  for (const r of records) {
    if (seen.has(r.id))
      throw new KbParseError(
        `data/sources (doc ${r.citation.doc})`,
        r.citation.lines[0],
        `duplicate record id ${r.id}`,
      );
    seen.add(r.id);
  }
}

/** Records and acronyms only (no index): what tests and the CLI need most. */
export function parseAll(rootDir: string): {
  documents: KbBundle['documents'];
  records: KbRecord[];
  acronyms: AcronymPair[];
} {
  const metas = readSources(rootDir);
  const records: KbRecord[] = [];
  let acronyms: AcronymPair[] = [];
  for (const m of [...metas].sort((a, b) => a.key.localeCompare(b.key))) {
    const file = join('data/sources', m.file);
    const lines = readLines(join(rootDir, file));
    records.push(...withPages(m.key, parseDocument(m.key, lines, file), lines));
    if (m.key === '002') acronyms = parseAcronyms(lines, file);
  }
  assertUniqueIds(records);
  const documents = metas.map(({ key, title, short, year, symbol, citation, url }) => ({
    key,
    title,
    short,
    year,
    symbol,
    citation,
    url: url ?? null,
  }));
  return { documents, records, acronyms };
}

/** JSON with object keys sorted recursively; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      );
    }
    return v;
  });
}

export function buildKnowledgeBase(rootDir: string): KbBundle {
  const { documents, records, acronyms } = parseAll(rootDir);
  const index = serializeIndex(records);
  const content = { version: KB_VERSION, documents, records, acronyms, index };
  const hash = createHash('sha256').update(canonicalJson(content)).digest('hex');
  return { ...content, hash };
}

export function serializeBundle(b: KbBundle): string {
  return canonicalJson(b);
}
