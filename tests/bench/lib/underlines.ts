/**
 * `underlines_per_1000_words` (issue #16: 303 underlines on one 40 KB UN page): over the most
 * migration-dense pages of the bench's page set (../shared/pages/readability, the pages with the most
 * matches), underlines per 1,000 words before (every occurrence) and after (the default settings,
 * through the rule the scanner uses: lib/scan/underline.ts). Text and matches as the `recognise` CLI
 * gets them (whole visible text, one page context). Run by run.mjs through tsx:
 * node --import tsx tests/bench/lib/underlines.ts OUT.json [TOP]
 * Relative imports only: tsx runs this file directly (no `@/` alias).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGlossarySources } from '../../../lib/pipeline/glossary/load';
import { compileMatcher } from '../../../lib/match/compile';
import { loadMatcher } from '../../../lib/match/matcher';
import { htmlToText } from '../../../lib/pipeline/text/html-node';
import { modeByCategory, underlinedInTextOrder } from '../../../lib/scan/underline';
import { defaultSettings } from '../../../lib/settings/schema';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');

export interface UnderlineRow {
  page: string;
  words: number;
  every: number;
  shown: number;
}

const MIN_WORDS = 500;
const words = (t: string) => t.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;

export async function underlineFigures(
  root: string,
  top = 10,
): Promise<{ figures: Record<string, number | null>; rows: UnderlineRow[]; notes: string[] }> {
  const dir = resolve(root, '../shared/pages/readability');
  // The bench's real pages, our own fixture pages and the demo article: the densest are kept.
  const files = [
    ...(existsSync(dir) ? readdirSync(dir).map((f) => join(dir, f)) : []),
    ...readdirSync(join(root, 'tests/fixtures/pages')).map((f) => join(root, 'tests/fixtures/pages', f)),
    join(root, 'entrypoints/demo/index.html'),
  ].filter((f) => f.endsWith('.html'));
  const entries = loadGlossarySources(join(root, 'data/glossary')).flatMap((f) => f.entries);
  const m = loadMatcher(compileMatcher(entries));
  const category = new Map<string, string>(entries.map((e) => [e.id, e.category]));
  const modeOf = modeByCategory(defaultSettings().categories, category);
  const rows: UnderlineRow[] = [];
  for (const f of files) {
    // <link> carries no visible text, and happy-dom throws (uncaught) on a relative preload URL.
    const html = readFileSync(f, 'utf8').replace(/<link\b[^>]*>/gi, '');
    let text: string;
    try {
      text = await htmlToText(html);
    } catch {
      continue;
    }
    const all = m
      .find(text)
      .map((x) => ({ termId: x.id, ord: x.start }))
      .sort((a, b) => a.ord - b.ord);
    const page = f.startsWith(dir) ? `readability/${f.slice(dir.length + 1)}` : f.slice(root.length + 1);
    rows.push({ page, words: words(text), every: all.length, shown: underlinedInTextOrder(all, modeOf).length });
  }
  // Article-sized pages only: a 40-word test fixture would weigh as much as a real page.
  const dense = rows
    .filter((r) => r.words >= MIN_WORDS)
    .sort((a, b) => b.every - a.every || a.page.localeCompare(b.page))
    .slice(0, top);
  const w = dense.reduce((n, r) => n + r.words, 0);
  const per = (k: 'every' | 'shown') => (w ? Math.round((dense.reduce((n, r) => n + r[k], 0) / w) * 10000) / 10 : null);
  return {
    figures: {
      underline_pages: dense.length,
      underline_words: w,
      underlines_per_1000_words_before: per('every'),
      underlines_per_1000_words: per('shown'),
    },
    rows: dense,
    notes: [
      `underlines_per_1000_words: the ${dense.length} pages of ${MIN_WORDS}+ words with the most matches (${dense.map((r) => r.page).join(', ')}); before = every occurrence, after = default settings (tests/bench/lib/underlines.ts).`,
    ],
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) throw new Error('usage: underlines.ts OUT.json [TOP]');
  void underlineFigures(ROOT, Number(process.argv[3] ?? 10)).then((r) => writeFileSync(out, JSON.stringify(r)));
}
