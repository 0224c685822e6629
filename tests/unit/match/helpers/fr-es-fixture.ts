/**
 * A small glossary with French and Spanish names (issue #15), written for the French/Spanish matching
 * tests: tests/fixtures/match/fr-es-glossary.json. Names checked against public pages (BIT/OIT,
 * PAM/PMA, CEDEF, ACNUR); the test sentences are ours.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GlossarySource } from '../../../../lib/glossary/types';
import { compileMatcher } from '../../../../lib/match/compile';
import { loadMatcher, type LoadedMatcher } from '../../../../lib/match/matcher';
import type { FindOptions, PageContext } from '../../../../lib/match/types';
import { FIXTURES } from './fixture';

/** The entries, as a glossary file (the shape of data/glossary/*.json): agencies and compacts. */
export const FR_ES_GLOSSARY = JSON.parse(
  readFileSync(join(FIXTURES, 'fr-es-glossary.json'), 'utf8'),
) as GlossarySource[];

let cached: LoadedMatcher | null = null;
export function frEsMatcher(): LoadedMatcher {
  cached ??= loadMatcher(JSON.parse(JSON.stringify(compileMatcher(FR_ES_GLOSSARY))));
  return cached;
}

/** "surface[id]" for each match. */
export function frEsHits(text: string, opts: FindOptions = {}, ctx?: PageContext): string[] {
  return frEsMatcher()
    .find(text, ctx, opts)
    .map((h) => `${text.slice(h.start, h.end)}[${h.id}]`);
}
