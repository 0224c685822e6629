/**
 * Build-time only (Node): sources → knowledge base → glossary → compiled matcher, emitted as the files
 * the extension ships under kb/. Called by the WXT `build:publicAssets` hook, so `npm run build` always
 * regenerates them; deterministic, so the same inputs give byte-identical files and the same hash.
 */
import { createHash } from 'node:crypto';
import { buildKnowledgeBase, canonicalJson, serializeBundle } from './kb/build';
import { buildGlossary } from './glossary/index';
import { compileMatcher } from '../match/compile';
import type { KbBundle } from '../kb/types';
import type { GlossaryEntry } from '../glossary/types';

export const PACKAGE_VERSION = 1;

export interface PackageManifest {
  version: number;
  /** sha256 over the three data files: what the background compares to skip reloading. */
  hash: string;
  kbHash: string;
  counts: { records: number; terms: number; acronyms: number };
}

export interface BuiltPackage {
  bundle: KbBundle;
  glossary: GlossaryEntry[];
  /** Relative path under the extension root → file contents. */
  files: Record<string, string>;
  manifest: PackageManifest;
}

/**
 * The entry as the extension needs it: the linker's excerpt hints and the maintainers' checking trail
 * (checkedAgainst) are build-time inputs that no card shows, and together they were a seventh of the
 * glossary string every cold background start reads and parses.
 */
export function shippedEntry(e: GlossaryEntry): GlossaryEntry {
  const { excerptHints: _hints, checkedAgainst: _checked, ...rest } = e;
  return rest;
}

export function buildPackage(rootDir: string): BuiltPackage {
  const bundle = buildKnowledgeBase(rootDir);
  const { entries } = buildGlossary(rootDir, bundle); // throws GlossaryBuildError listing every problem
  const matcher = compileMatcher(entries);
  const data = {
    'kb/bundle.json': serializeBundle(bundle),
    'kb/glossary.json': canonicalJson(entries.map(shippedEntry)),
    'kb/matcher.json': canonicalJson(matcher),
  };
  const h = createHash('sha256');
  for (const [name, text] of Object.entries(data)) h.update(name).update('\0').update(text).update('\0');
  const manifest: PackageManifest = {
    version: PACKAGE_VERSION,
    hash: h.digest('hex'),
    kbHash: bundle.hash,
    counts: { records: bundle.records.length, terms: entries.length, acronyms: bundle.acronyms.length },
  };
  return { bundle, glossary: entries, files: { ...data, 'kb/manifest.json': canonicalJson(manifest) }, manifest };
}
