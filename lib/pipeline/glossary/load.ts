/**
 * Build-time loader for data/glossary/*.json (Node fs). Each file is a JSON array of
 * GlossarySource; syntax errors are reported with file, line and column for all files at once.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { GlossaryBuildError, type GlossaryError } from './errors';
import { arrayElementLines, lineColumn, locateJsonError } from './json-pos';
import type { GlossarySource } from '../../glossary/types';

export interface GlossaryFile {
  /** Path as `join(dir, name)`, used in error messages. */
  file: string;
  /** Parsed entries; shape is checked later by validateGlossary. */
  entries: GlossarySource[];
  /** 1-based line where each entry starts (same index as `entries`). */
  entryLines: number[];
}

/** Parses one file's text; returns the error instead of throwing so callers can batch them. */
export function parseGlossaryText(file: string, text: string): GlossaryFile | GlossaryError {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const reported = /at position (\d+)/.exec(msg);
    const offset = reported ? Number(reported[1]) : locateJsonError(text);
    const { line, column } = lineColumn(text, Math.max(0, offset));
    return { file, line, message: `JSON syntax error at line ${line}, column ${column}: ${msg}` };
  }
  if (!Array.isArray(data)) {
    return { file, line: 1, message: 'expected a JSON array of glossary entries at the top level' };
  }
  return { file, entries: data as GlossarySource[], entryLines: arrayElementLines(text) };
}

/** Loads every *.json file in `dir` (sorted by name for deterministic output). */
export function loadGlossarySources(dir: string): GlossaryFile[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort();
  } catch (err) {
    throw new Error(`Glossary directory ${dir} cannot be read: ${err instanceof Error ? err.message : String(err)}`, {
      cause: err,
    });
  }
  const files: GlossaryFile[] = [];
  const errors: GlossaryError[] = [];
  for (const name of names) {
    const file = join(dir, name);
    const parsed = parseGlossaryText(file, readFileSync(file, 'utf8'));
    if ('entries' in parsed) files.push(parsed);
    else errors.push(parsed);
  }
  if (errors.length > 0) throw new GlossaryBuildError(errors);
  return files;
}
