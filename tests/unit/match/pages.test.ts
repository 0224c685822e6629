/**
 * Real pages (read in place from ../shared/pages/readability, not copied): on a sample, no lookalike id
 * is found and match offsets are ordered and inside the text. Match counts are printed for a look; the
 * matcher's timing on these pages is a bench figure (tests/bench/node-side.ts matcherPageFigures).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/match/compile';
import { loadMatcher } from '../../../lib/match/matcher';
import { htmlToText } from '../../../lib/pipeline/text/html-node';
import { sharedDir } from '../helpers/shared';
import { realGlossary } from './helpers/fixture';

const LOOKALIKES = ['it', 'us', 'imo', 'gcmacr', 'ip', 'pkd', 'sar'];

describe('real pages (data/glossary)', () => {
  const dir = sharedDir('pages/readability');
  if (!dir) return;
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({ f, size: statSync(join(dir, f)).size }))
    .sort((a, b) => b.size - a.size);
  // The biggest page plus a few others; parsing is the slow part, keep the file well under 10 s.
  const sample = [...pages.slice(0, 1), ...pages.filter((_, i) => i % 40 === 5)].slice(0, 4);
  const matcher = loadMatcher(compileMatcher(realGlossary()));

  it('the directory holds pages to sample', () => {
    expect(sample.length).toBeGreaterThan(0);
  });

  it.each(sample.map((p) => p.f))('%s: no lookalike ids, offsets inside the text', async (f) => {
    const text = await htmlToText(readFileSync(join(dir, f), 'utf8'));
    const found = matcher.find(text, matcher.pageContext(text));
    console.log(
      `${f}: ${text.length} chars, ${found.length} matches: ${[...new Set(found.map((x) => x.id))].slice(0, 15).join(' ')}`,
    );
    expect(found.map((x) => x.id).filter((id) => LOOKALIKES.includes(id))).toEqual([]);
    let last = -1;
    for (const x of found) {
      expect(x.start).toBeGreaterThanOrEqual(last);
      expect(x.end).toBeGreaterThan(x.start);
      expect(x.end).toBeLessThanOrEqual(text.length);
      last = x.end;
    }
  });
});
