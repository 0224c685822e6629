/**
 * Locale completeness: every message in English, French and Spanish with the same placeholders, and no
 * reader-facing string left hard-coded in the views (components/, lib/pages, lib/reader). Both checks
 * are shown failing on fixtures first, so a pass means something.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, type Catalogue } from '@/lib/i18n/catalogues';
import { checkCatalogues } from './check';
import { findHardcoded } from './hardcoded';

const ROOT = path.resolve(__dirname, '../../..');
const walk = (d: string): string[] =>
  fs
    .readdirSync(d, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));

const msg = (message: string, placeholders?: string[]): Catalogue[string] =>
  placeholders
    ? { message, placeholders: Object.fromEntries(placeholders.map((p, i) => [p, { content: `$${i + 1}` }])) }
    : { message };

describe('message catalogues', () => {
  it('report a missing key, a key English lacks, different placeholders and an empty message', () => {
    const en = { lang: msg('en'), a: msg('Hello $NAME$', ['name']), b: msg('Bye'), c: msg('$COUNT$ terms', ['count']) };
    const fr = { lang: msg('fr'), a: msg('Bonjour', ['name']), c: msg('$N$ termes', ['n']), extra: msg('Oups') };
    const es = { lang: msg('es'), a: msg('Hola $NAME$', ['name']), b: msg(' '), c: msg('$COUNT$ términos', ['count']) };
    const found = checkCatalogues({ en, fr, es }).map((p) => `${p.lang}:${p.key}:${p.what.split(' ')[0]}`);
    expect(found).toEqual(
      expect.arrayContaining(['fr:b:missing', 'fr:extra:English', 'fr:a:uses', 'fr:c:placeholders', 'es:b:empty']),
    );
    expect(found.some((f) => f.startsWith('es:a') || f.startsWith('es:c'))).toBe(false);
  });

  it('accept a singular that leaves its count out, but no other missing placeholder', () => {
    const en = { lang: msg('en'), x_one: msg('Show its $COUNT$ item', ['count']), y: msg('$COUNT$ left', ['count']) };
    const fr = { lang: msg('fr'), x_one: msg('Afficher son élément', ['count']), y: msg('Il en reste', ['count']) };
    expect(checkCatalogues({ en, fr }).map((p) => `${p.lang}:${p.key}`)).toEqual(['fr:y']);
  });

  it('English, French and Spanish are complete and consistent', () => {
    expect(checkCatalogues(CATALOGUES)).toEqual([]);
    expect(Object.keys(CATALOGUES.fr).length).toBeGreaterThan(250);
  });

  it('French and Spanish are translated, not copied from English', () => {
    // Messages that are the same in every language on purpose: names, codes, and words spelt alike.
    const SAME =
      /^(extName|set_lang(En|Fr|Es)|page_popupTitle|card_nextOcc|rd_zoom|search_suggestions|set_sizeNormal|set_general|filter_doc|filter_section|kind_passage|cat_(instrument|programme|document)|cats_(instruments|programme|document)\w*|filter_passages|set_sites|rd_pages|common_occurrences_\w+|page_optionsTitle|card_\w*Title)$/;
    const copied = (lang: 'fr' | 'es') =>
      Object.entries(CATALOGUES.en)
        .filter(([k, e]) => !SAME.test(k) && / \p{L}/u.test(e.message) && CATALOGUES[lang][k]?.message === e.message)
        .map(([k]) => k);
    expect(copied('fr')).toEqual([]);
    expect(copied('es')).toEqual([]);
  });
});

describe('hard-coded UI strings', () => {
  it('are found in a view that forgets t() (fixture)', () => {
    const file = path.join(ROOT, 'tests/fixtures/i18n/hardcoded.tsx.txt');
    const found = findHardcoded(file, fs.readFileSync(file, 'utf8')).map((f) => `${f.why}:${f.text}`);
    expect(found.sort()).toEqual(
      [
        'message:Could not save the file.',
        'attribute:Saved files',
        'attribute:Busy',
        'jsx-text:Your files',
        'attribute:Type a name',
        'jsx-child:Saving…',
        'jsx-child:… files saved',
      ].sort(),
    );
  });

  it('are absent from components/, lib/pages and lib/reader', () => {
    const files = ['components', 'lib/pages', 'lib/reader']
      .flatMap((d) => walk(path.join(ROOT, d)))
      .filter((f) => /\.tsx?$/.test(f));
    expect(files.length).toBeGreaterThan(30);
    const found = files.flatMap((f) =>
      findHardcoded(path.relative(ROOT, f), fs.readFileSync(f, 'utf8')).map((x) => `${x.file}:${x.line} ${x.text}`),
    );
    expect(found).toEqual([]);
  });
});
