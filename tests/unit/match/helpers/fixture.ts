/** Shared test fixtures: the terms.tsv-derived glossary (frozen JSON) compiled once per test file. */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { GlossarySource } from '../../../../lib/glossary/types';
import { compileMatcher } from '../../../../lib/match/compile';
import { loadMatcher, type LoadedMatcher } from '../../../../lib/match/matcher';
import type { PageContext } from '../../../../lib/match/types';

export const ROOT = join(__dirname, '../../../..');
export const FIXTURES = join(ROOT, 'tests/fixtures/match');

export function termsGlossary(): GlossarySource[] {
  return JSON.parse(readFileSync(join(FIXTURES, 'glossary/terms.json'), 'utf8')) as GlossarySource[];
}

/** data/glossary/*.json, the curated glossary the build ships; missing or empty is an error, not a skip. */
export function realGlossary(): GlossarySource[] {
  const dir = join(ROOT, 'data/glossary');
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
  if (!files.length) throw new Error(`${dir}: no glossary files (the build needs them too)`);
  return files.flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as GlossarySource[]);
}

let cached: LoadedMatcher | null = null;
export function termsMatcher(): LoadedMatcher {
  // Round-trip through JSON: the content script only ever sees the serialised form.
  cached ??= loadMatcher(JSON.parse(JSON.stringify(compileMatcher(termsGlossary()))));
  return cached;
}

/** "surface[id]" for each match, checking offsets against the original text. */
export function hits(text: string, ctx?: PageContext, m: LoadedMatcher = termsMatcher()): string[] {
  return m.find(text, ctx).map((h) => `${text.slice(h.start, h.end)}[${h.id}]`);
}

export const idsOf = (text: string, ctx?: PageContext, m: LoadedMatcher = termsMatcher()): string[] =>
  m.find(text, ctx).map((h) => h.id);

/** A paragraph that makes any page a migration page (pageContext.domain). */
export const MIGRATION_PAGE =
  'Migration governance: the Global Forum on Migration and Development, refugees, remittances and the ' +
  'diaspora were discussed with UNHCR and the International Labour Organization. ';
