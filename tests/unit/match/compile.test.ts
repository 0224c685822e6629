import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/match/compile';
import { normalise } from '../../../lib/match/normalise';
import { patternTrigger } from '../../../lib/match/pattern-trigger';
import { ROOT, realGlossary, termsGlossary } from './helpers/fixture';

describe('pattern triggers', () => {
  it.each([
    ['\\bC\\.?\\s?-?0?189\\b', ['189']],
    ['(?:ILO|OIT)\\s+Conven(?:tion|io)\\s+No\\.?\\s*189', ['conven']],
    ['Migrants?\\s+Workers', ['migrant']],
    ['(?<=\\btargets?\\s+\\d{1,2}\\.\\d,?\\s+and\\s+)16\\.2', ['target']],
    ['(?:CEDAW\\s*GR)|(?:General\\s+Recommendation\\s+No\\.\\s*26)', ['cedaw', 'recommendation']],
    ['foo(?!bar)', ['foo']],
  ])('%s → %j', (src, want) => expect(patternTrigger(src)).toEqual(want));

  it('returns null when a path has no literal word', () => {
    expect(patternTrigger('5\\s?[x×]\\s?5')).toBeNull();
    expect(patternTrigger('(?:ILO\\s*)?\\d{3}')).toBeNull();
    expect(patternTrigger('abc|\\d+')).toBeNull();
  });

  it('every pattern match in the four source documents has one of its triggers in the text', () => {
    const pats = [...termsGlossary(), ...realGlossary()].flatMap((e) => e.hints?.patterns ?? []);
    const dir = join(ROOT, 'data/sources');
    const texts = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => normalise(readFileSync(join(dir, f), 'utf8')));
    let matched = 0;
    for (const p of pats) {
      const t = patternTrigger(p);
      if (!t) continue;
      for (const text of texts) {
        const low = text.toLowerCase();
        for (const _ of text.matchAll(new RegExp(p, 'gi'))) {
          matched++;
          expect(
            t.some((w) => low.includes(w)),
            `${p} → ${t.join('|')}`,
          ).toBe(true);
        }
      }
    }
    expect(matched).toBeGreaterThan(50);
  });
});

describe('size budgets', () => {
  // 6 KB until issue #15 added page-language gating and shared short names (lib/match/gates.ts, lang.ts);
  // 7 KB until issue #17 traded ~0.6 KB for speed: the trigger-word automaton (words.ts), the fold table
  // (normalise.ts), the pattern index by trigger word and the blind resolve of the first glance (matcher.ts).
  it('runtime matcher code is < 8 KB gzip', () => {
    const out = buildSync({
      stdin: { contents: "export { loadMatcher } from './lib/match/matcher';", resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
      target: 'es2022',
    });
    const gz = gzipSync(out.outputFiles[0]!.contents).length;
    console.log(`runtime matcher: ${out.outputFiles[0]!.contents.length} B minified, ${gz} B gzip`);
    expect(gz).toBeLessThan(8 * 1024);
  });

  it('compiled data is compact JSON', () => {
    for (const [name, g] of [
      ['terms fixture', termsGlossary()],
      ['data/glossary', realGlossary()],
    ] as const) {
      const json = JSON.stringify(compileMatcher(g));
      const gz = gzipSync(json).length;
      console.log(`compiled ${name}: ${g.length} entries, ${json.length} B JSON, ${gz} B gzip`);
      expect(gz).toBeLessThan(64 * 1024);
    }
  });
});
