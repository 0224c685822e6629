/**
 * Gates on the real curated data (data/glossary) and the real knowledge base. These fail until
 * the content is complete; the messages list what is missing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '@/lib/pipeline/kb/build';
import type { KbBundle } from '@/lib/kb/types';
import { formatGlossaryError } from '@/lib/pipeline/glossary/errors';
import { buildGlossary, readSourcesText, type GlossaryBuildResult } from '@/lib/pipeline/glossary/index';
import { findCopiedRun, NgramSet } from '@/lib/pipeline/glossary/ngrams';
import type { GlossaryEntry } from '@/lib/glossary/types';
import { REPO_ROOT } from './helpers';

/** "UNECE, ECE" → both; "LDC(s)" → LDC(s), LDC, LDCs. */
function acronymVariants(acronym: string): string[] {
  return acronym.split(/,\s*/).flatMap((a) => {
    const m = /^(.*)\(s\)$/.exec(a);
    return m ? [a, m[1]!, `${m[1]}s`] : [a];
  });
}

let bundle: KbBundle;
let result: GlossaryBuildResult;
let entries: GlossaryEntry[];

beforeAll(() => {
  bundle = buildKnowledgeBase(REPO_ROOT);
  result = buildGlossary(REPO_ROOT, bundle, { throwOnError: false });
  entries = result.entries;
});

describe('real glossary data', () => {
  it('every acronym of the 002 List of acronyms resolves to an entry by label or alias', () => {
    expect(bundle.acronyms.length).toBeGreaterThanOrEqual(132);
    const names = new Set(entries.flatMap((e) => [e.label, ...(e.aliases ?? [])]));
    const missing = bundle.acronyms
      .filter((p) => !acronymVariants(p.acronym).some((v) => names.has(v)))
      .map((p) => `${p.acronym} (${p.expansion}, l.${p.line})`);
    expect(missing).toEqual([]);
  });

  it('no summary repeats 8+ consecutive words of the sources (official names excepted)', () => {
    const grams = new NgramSet();
    for (const s of readSourcesText(REPO_ROOT)) grams.addText(s.lines.join('\n'));
    const exempt = new NgramSet();
    for (const e of entries) for (const n of [e.label, e.expansion, ...(e.aliases ?? [])]) exempt.addText(n);
    const copied = entries
      .map((e) => [e.id, typeof e.summary === 'string' ? findCopiedRun(e.summary, grams, exempt) : null] as const)
      .filter(([, run]) => run !== null)
      .map(([id, run]) => `${id}: "${run}"`);
    expect(copied).toEqual([]);
  });

  it('every entry has a summary and at least one excerpt or a noExcerpt reason', () => {
    const bad = entries
      .filter((e) => typeof e.summary !== 'string' || !e.summary.trim() || (e.excerpts.length === 0 && !e.noExcerpt))
      .map((e) => e.id);
    expect(bad).toEqual([]);
  });

  it('has at least 450 entries', () => {
    expect(entries.length).toBeGreaterThanOrEqual(450);
  });

  it('builds without validation or linking errors', () => {
    expect(result.errors.map(formatGlossaryError)).toEqual([]);
  });
});
