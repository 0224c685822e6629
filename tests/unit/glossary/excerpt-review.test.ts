/**
 * The hand review (data/glossary-review/excerpts.json) against the real data: every reviewed
 * entry must still show the excerpt that was read first, and every verdict must be "substantive".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '@/lib/pipeline/kb/build';
import { buildGlossary } from '@/lib/pipeline/glossary/index';
import { COMMANDS } from '@/lib/pipeline/cli/kb';
import { checkExcerptReview, loadExcerptReview, type ExcerptReviewFile } from '@/lib/pipeline/glossary/review';
import type { GlossaryEntry } from '@/lib/glossary/types';
import { REPO_ROOT } from './helpers';

let entries: GlossaryEntry[];
let review: ExcerptReviewFile;

beforeAll(() => {
  entries = buildGlossary(REPO_ROOT, buildKnowledgeBase(REPO_ROOT), { throwOnError: false }).entries;
  review = loadExcerptReview(REPO_ROOT);
});

describe('reviewed first excerpts', () => {
  it('covers the 28 chapter agencies and 80 forums, instruments and programmes', () => {
    const agencies = entries.filter((e) => e.chapterAgency).map((e) => e.id);
    const reviewedAgencies = review.reviewed.filter((r) => r.group === 'agency').map((r) => r.id);
    expect(agencies).toHaveLength(28);
    expect([...reviewedAgencies].sort()).toEqual([...agencies].sort());
    const others = review.reviewed.filter((r) => r.group !== 'agency');
    expect(others).toHaveLength(80);
    expect(new Set(others.map((r) => r.group))).toEqual(new Set(['process-forum', 'instrument', 'programme']));
    expect(new Set(review.reviewed.map((r) => r.id)).size).toBe(108);
  });

  it('the ranking still puts each reviewed excerpt first, and each verdict is "substantive"', () => {
    expect(checkExcerptReview(entries, review.reviewed)).toEqual([]);
  });

  it('`kb stats --json` reports the reviewed excerpts and keeps its other keys', async () => {
    let out = '';
    await COMMANDS.stats!.run(['--json'], { root: REPO_ROOT, out: (s) => (out += s) });
    const stats = JSON.parse(out) as Record<string, unknown>;
    for (const k of ['documents', 'records', 'mandates', 'terms', 'termsWithExcerpt', 'glossaryErrors', 'perDocument'])
      expect(stats, k).toHaveProperty(k);
    expect(stats).toMatchObject({ reviewedExcerpts: 108, reviewedExcerptsHolding: 108 });
  });

  it('skipped entries say why', () => {
    for (const s of review.skipped) expect(s.verdict.length, s.id).toBeGreaterThan(20);
  });
});

describe('checkExcerptReview', () => {
  it('reports a moved excerpt and a non-substantive verdict', () => {
    const e = {
      id: 'x',
      excerpts: [
        { recordId: 'r1', text: 'The X is a body.', citation: { doc: '004', section: 'body', lines: [1, 1] } },
      ],
    } as unknown as GlossaryEntry;
    const base = {
      id: 'x',
      group: 'agency',
      mentions: 1,
      recordId: 'r1',
      textStart: 'The X is',
      verdict: 'substantive',
    };
    expect(checkExcerptReview([e], [base])).toEqual([]);
    expect(checkExcerptReview([e], [{ ...base, recordId: 'r2' }])).toHaveLength(1);
    expect(checkExcerptReview([e], [{ ...base, textStart: 'Other' }])).toHaveLength(1);
    expect(checkExcerptReview([e], [{ ...base, verdict: 'passing mention' }])).toHaveLength(1);
    expect(checkExcerptReview([], [base])).toHaveLength(1);
  });
});
