/**
 * Search in three languages: glossary terms are found by their French and Spanish names and aliases,
 * and accents never matter (lib/kb/search-options.ts TERM_OPTIONS, lib/background/search.ts).
 */
import { describe, expect, it } from 'vitest';
import { runSearch, type SearchContext } from '@/lib/background/search';
import { createIndex, createTermIndex, foldTerm, loadTermIndex, serializeTermIndex } from '@/lib/kb/search-options';
import { ENTRIES } from './entries';

const ctx: SearchContext = {
  records: new Map(),
  index: createIndex([]),
  docs: new Map(),
  terms: createTermIndex(ENTRIES),
  entries: new Map(ENTRIES.map((e) => [e.id, e])),
};
const top = (q: string, mode: 'search' | 'suggest' = 'search') => runSearch(ctx, q, {}, 10, mode)[0]?.id;
const ids = (q: string) => runSearch(ctx, q, {}, 10, 'search').map((h) => h.id);

describe('search by French and Spanish names', () => {
  it('finds IOM by its full French name, typed in lower case', () => {
    expect(top('organisation internationale pour les migrations')).toBe('iom');
    expect(top('Organisation internationale pour les migrations', 'suggest')).toBe('iom');
  });

  it('finds UNHCR by its Spanish acronym, whatever the case', () => {
    expect(top('acnur')).toBe('unhcr');
    expect(top('ACNUR', 'suggest')).toBe('unhcr');
    expect(top('HCR')).toBe('unhcr');
  });

  it('is accent-insensitive: "migracion" finds the entries named "Migración" / "Migraciones"', () => {
    expect(foldTerm('Migración')).toBe('migracion');
    expect(foldTerm('réfugiés')).toBe('refugies');
    const found = ids('migracion');
    expect(found).toContain('gcm');
    expect(found).toContain('iom');
    expect(found).not.toContain('remittances');
    expect(top('pacto mundial migracion segura')).toBe('gcm');
    // And the other way round: an accent typed where the name has none.
    expect(top('Organisation internationale pour les migrátions')).toBe('iom');
  });

  it('ranks an exact French or Spanish name first, and still finds English names', () => {
    expect(top('oim')).toBe('iom');
    expect(top('remittances')).toBe('remittances');
    expect(top('high commissioner for refugees')).toBe('unhcr');
  });

  it('keeps the French and Spanish names in a serialised index (install → wake)', () => {
    const loaded = loadTermIndex(JSON.parse(JSON.stringify(serializeTermIndex(ENTRIES))));
    expect(loaded.search('acnur')[0]?.id).toBe('unhcr');
    expect(loaded.search('haut commissariat refugies')[0]?.id).toBe('unhcr');
  });
});
