/**
 * The hand review of first excerpts (data/glossary-review/excerpts.json): which excerpt a person
 * read and judged for each reviewed entry. The ranking must keep putting that excerpt first; a
 * change that moves it invalidates the review (checkExcerptReview reports it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GlossaryEntry } from '../../glossary/types';

export const REVIEW_FILE = 'data/glossary-review/excerpts.json';

export interface ExcerptReview {
  id: string;
  /** "agency" or the entry's category. */
  group: string;
  /** How often the term was found in the sampled pages and the sources (the selection key). */
  mentions: number;
  recordId: string;
  /** The first 60 characters of the excerpt text, verbatim. */
  textStart: string;
  /** "substantive", or why not. */
  verdict: string;
  note?: string;
}

export interface ExcerptReviewFile {
  reviewed: ExcerptReview[];
  /** Entries passed over in the selection because the sources hold no substantive passage. */
  skipped: ExcerptReview[];
}

export function loadExcerptReview(rootDir: string): ExcerptReviewFile {
  const file = join(rootDir, REVIEW_FILE);
  if (!existsSync(file)) return { reviewed: [], skipped: [] };
  const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<ExcerptReviewFile>;
  return { reviewed: data.reviewed ?? [], skipped: data.skipped ?? [] };
}

/** One line per reviewed entry whose review no longer holds; empty when all do. */
export function checkExcerptReview(entries: GlossaryEntry[], reviewed: ExcerptReview[]): string[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const problems: string[] = [];
  for (const r of reviewed) {
    const first = byId.get(r.id)?.excerpts[0];
    if (r.verdict !== 'substantive') problems.push(`${r.id}: reviewed verdict is "${r.verdict}"`);
    if (!first) problems.push(`${r.id}: no excerpt (entry missing or unlinked)`);
    else if (first.recordId !== r.recordId || !first.text.startsWith(r.textStart))
      problems.push(`${r.id}: first excerpt is now ${first.recordId} "${first.text.slice(0, 60)}"`);
  }
  return problems;
}
