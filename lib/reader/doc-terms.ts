/**
 * The terms of the whole document, page by page. pdf.js keeps only the text layers of the pages near
 * the view, and the scanner forgets the matches of a page whose text layer went; this record keeps
 * what each page held when it was last on screen, so the side panel lists the terms of every page read
 * so far and can jump back to one on a page that is no longer rendered.
 */
import type { PageTermCount } from '@/lib/messaging/page-protocol';

export class DocTerms {
  /** page → term id → occurrences on that page. */
  private pages = new Map<number, Map<string, number>>();
  private categories = new Map<string, string>();

  reset(): void {
    this.pages.clear();
  }

  /**
   * The scanner's current matches, as a page number per match, for the pages whose text layers are in
   * the document now (`rendered`): each of those pages gets exactly these counts; every other page
   * keeps what it had.
   */
  update(matchPages: Iterable<{ termId: string; page: number }>, rendered: Iterable<number>): void {
    const fresh = new Map<number, Map<string, number>>();
    for (const p of rendered) fresh.set(p, new Map());
    for (const { termId, page } of matchPages) {
      const counts = fresh.get(page);
      if (counts) counts.set(termId, (counts.get(termId) ?? 0) + 1);
    }
    for (const [p, counts] of fresh) {
      if (counts.size) this.pages.set(p, counts);
      else this.pages.delete(p);
    }
  }

  learnCategories(terms: Iterable<{ id: string; category: string }>): void {
    for (const t of terms) this.categories.set(t.id, t.category);
  }

  /** Counts over the document, most frequent first (ties by id), as the side panel lists them. */
  terms(): PageTermCount[] {
    const totals = new Map<string, number>();
    for (const counts of this.pages.values()) for (const [id, n] of counts) totals.set(id, (totals.get(id) ?? 0) + n);
    return [...totals]
      .map(([id, count]) => ({ id, count, category: this.categories.get(id) ?? 'other' }))
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  }

  total(): number {
    let n = 0;
    for (const counts of this.pages.values()) for (const c of counts.values()) n += c;
    return n;
  }

  /** Occurrence `index` (0-based, in page order) of `termId`: its page and its rank on that page. */
  locate(termId: string, index: number): { page: number; k: number; count: number } | null {
    const pages = [...this.pages.keys()].sort((a, b) => a - b);
    let count = 0;
    for (const p of pages) count += this.pages.get(p)!.get(termId) ?? 0;
    if (!count) return null;
    let i = Math.min(Math.max(0, index), count - 1);
    for (const p of pages) {
      const n = this.pages.get(p)!.get(termId) ?? 0;
      if (i < n) return { page: p, k: i, count };
      i -= n;
    }
    return null;
  }
}
