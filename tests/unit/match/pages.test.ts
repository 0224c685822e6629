/**
 * Sanity run over real pages (read in place from /work/shared/pages/readability, not copied): prints
 * match counts and timings; asserts only that no lookalike ids show up and offsets are consistent.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/match/compile';
import { loadMatcher } from '../../../lib/match/matcher';
import { htmlToText } from '../../../lib/pipeline/text/html-node';
import { realGlossary, termsMatcher } from './helpers/fixture';

const DIR = '/work/shared/pages/readability';
const LOOKALIKES = ['it', 'us', 'imo', 'gcmacr', 'ip', 'pkd', 'sar'];
const pages = existsSync(DIR)
  ? readdirSync(DIR)
      .filter((f) => f.endsWith('.html'))
      .map((f) => ({ f, size: statSync(join(DIR, f)).size }))
      .sort((a, b) => b.size - a.size)
  : [];
// The biggest page plus a few others; parsing is the slow part, keep the file well under 10 s.
const SAMPLE = [...pages.slice(0, 1), ...pages.filter((_, i) => i % 40 === 5)].slice(0, 4);
const real = realGlossary();
const matcher = real ? loadMatcher(compileMatcher(real)) : termsMatcher();

const textOf = (f: string) => htmlToText(readFileSync(join(DIR, f), 'utf8'));

describe.skipIf(!pages.length)(`real pages (${real ? 'data/glossary' : 'terms fixture'})`, () => {
  const texts: { f: string; text: string }[] = [];
  it.each(SAMPLE.map((p) => p.f))('%s: no lookalike ids, offsets inside the text', async (f) => {
    const text = await textOf(f);
    texts.push({ f, text });
    const found = matcher.find(text, matcher.pageContext(text));
    console.log(
      `${f}: ${text.length} chars, ${found.length} matches: ${[...new Set(found.map((x) => x.id))].slice(0, 15).join(' ')}`,
    );
    expect(found.map((x) => x.id).filter((id) => LOOKALIKES.includes(id))).toEqual([]);
    let last = -1;
    for (const x of found) {
      expect(x.start).toBeGreaterThanOrEqual(last);
      expect(x.end).toBeGreaterThan(x.start);
      last = x.end;
    }
  });

  it('times find() on the biggest page against a bare text.length loop', async () => {
    // Biggest by visible text (the biggest HTML file is mostly markup).
    const { f, text } = texts.reduce((a, b) => (b.text.length > a.text.length ? b : a));
    const ctx = matcher.pageContext(text);
    const time = (fn: () => void, n: number) => {
      fn();
      const t0 = performance.now();
      for (let i = 0; i < n; i++) fn();
      return (performance.now() - t0) / n;
    };
    let sink = 0;
    const loop = time(() => {
      for (let i = 0; i < text.length; i++) sink += text.charCodeAt(i);
    }, 20);
    const find = time(() => {
      sink += matcher.find(text, ctx).length;
    }, 5);
    const page = time(() => {
      sink += matcher.pageContext(text).score;
    }, 5);
    console.log(
      `${f}: ${text.length} chars; find ${find.toFixed(2)} ms, pageContext ${page.toFixed(2)} ms, bare loop ${loop.toFixed(3)} ms (${(find / loop).toFixed(0)}x)`,
    );
    expect(sink).toBeGreaterThan(0);
  });
});
