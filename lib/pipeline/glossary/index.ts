/**
 * Glossary build entry point (Node, build time): load data/glossary/*.json, validate against the
 * sources, link excerpts from the knowledge base, check the linked result. Browser code should
 * import format.ts / types.ts directly (this module pulls in node:fs).
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { KbBundle } from '../../kb/types';
import { readSources } from '../kb/build';
import { GlossaryBuildError, type GlossaryError } from './errors';
import { linkGlossary } from './link';
import { loadGlossarySources, type GlossaryFile } from './load';
import type { GlossaryEntry, GlossarySource } from '../../glossary/types';
import { isWellFormed, validateGlossary, type SourceText } from './validate';
import { checkLinked } from './validate-linked';

export { formatCard } from './format';
export { GlossaryBuildError, formatGlossaryError, type GlossaryError } from './errors';
export { linkGlossary, recordEntryLinks } from './link';
export { loadGlossarySources } from './load';
export { validateGlossary } from './validate';

export interface GlossaryBuildResult {
  entries: GlossaryEntry[];
  errors: GlossaryError[];
}

export interface BuildOptions {
  /** Default true: throw GlossaryBuildError when any error is found. */
  throwOnError?: boolean;
  /** Default <rootDir>/data/glossary. */
  glossaryDir?: string;
}

/** The four source texts as lines, in sources.json order (line numbers = research notes). */
export function readSourcesText(rootDir: string): SourceText[] {
  return readSources(rootDir).map((d) => ({
    doc: d.key,
    lines: readFileSync(join(rootDir, 'data/sources', d.file), 'utf8').split(/\r?\n/),
  }));
}

function relativize(rootDir: string, files: GlossaryFile[]): GlossaryFile[] {
  return files.map((f) => ({ ...f, file: relative(rootDir, f.file) || f.file }));
}

export function buildGlossary(rootDir: string, bundle: KbBundle, opts: BuildOptions = {}): GlossaryBuildResult {
  const throwOnError = opts.throwOnError ?? true;
  let files: GlossaryFile[];
  try {
    files = relativize(rootDir, loadGlossarySources(opts.glossaryDir ?? join(rootDir, 'data/glossary')));
  } catch (err) {
    if (throwOnError || !(err instanceof GlossaryBuildError)) throw err;
    return { entries: [], errors: err.errors.map((e) => ({ ...e, file: relative(rootDir, e.file) || e.file })) };
  }
  const errors = validateGlossary(files, readSourcesText(rootDir));

  // Link what can be linked even when other fields are wrong, so one run reports everything;
  // the first entry wins on duplicate ids (the duplicate is already an error).
  const where = new Map<string, { file: string; line?: number }>();
  const usable: GlossarySource[] = [];
  for (const f of files) {
    f.entries.forEach((e, i) => {
      if (!isWellFormed(e) || where.has(e.id)) return;
      where.set(e.id, { file: f.file, line: f.entryLines[i] });
      usable.push(e);
    });
  }
  const entries = linkGlossary(usable, bundle);
  const agencies = [
    ...new Set(bundle.records.filter((r) => r.kind === 'mandate').map((r) => r.citation.agency ?? '?')),
  ];
  errors.push(...checkLinked(entries, (id) => where.get(id) ?? { file: '?' }, agencies));

  if (errors.length > 0 && throwOnError) throw new GlossaryBuildError(errors);
  return { entries, errors };
}
