/**
 * Occurrences of recognised terms on the page, for the popup's "terms on this page" list, jumpTo and
 * trainer-mode stepping. Pure over the scanner's matches (no DOM writes).
 */
import type { PageTermCount } from '../messaging/page-protocol';
import type { TextMatch } from '../scan/hittest';
import { categoryOf } from '../glossary/id';

/** Glossary id → category from the compiled matcher's parallel arrays (`ids`, `cats`, `cat`). */
export function categoryMap(compiled: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const c = compiled as { ids?: unknown; cats?: unknown; cat?: unknown } | null;
  if (!c || !Array.isArray(c.ids) || !Array.isArray(c.cats) || !Array.isArray(c.cat)) return out;
  c.ids.forEach((id, i) => {
    const k = (c.cat as unknown[])[i];
    const cat = typeof k === 'number' ? (c.cats as unknown[])[k] : undefined;
    if (typeof id === 'string' && typeof cat === 'string') out.set(id, cat);
  });
  return out;
}

/** Counts per term, most frequent first (ties by id for a stable order). */
export function countTerms(matches: Iterable<TextMatch>, categories: ReadonlyMap<string, string>): PageTermCount[] {
  const counts = new Map<string, number>();
  for (const m of matches) counts.set(m.termId, (counts.get(m.termId) ?? 0) + 1);
  return [...counts]
    .map(([id, count]) => ({ id, count, category: categoryOf(id, categories) }))
    .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
}

/** Document order: the scanner reports viewport-first, but stepping must go top to bottom. */
export function inDocumentOrder(matches: Iterable<TextMatch>): TextMatch[] {
  return [...matches].sort((a, b) => {
    if (a.startNode === b.startNode) return a.startOffset - b.startOffset;
    const pos = a.startNode.compareDocumentPosition(b.startNode);
    if (pos & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
    if (pos & Node.DOCUMENT_POSITION_PRECEDING) return 1;
    return 0; // different trees (shadow roots): keep scanner order
  });
}

export function occurrencesOf(matches: Iterable<TextMatch>, termId: string): TextMatch[] {
  return inDocumentOrder([...matches].filter((m) => m.termId === termId));
}

/** Next index when stepping by `dir` (+1/-1) from `from` (-1 = not started), wrapping around. */
export function step(from: number, dir: 1 | -1, count: number): number {
  if (count <= 0) return -1;
  if (from < 0) return dir > 0 ? 0 : count - 1;
  return (((from + dir) % count) + count) % count;
}

/** Remembers, per term, which occurrence was visited last (jumpTo without an index goes to the next). */
export class Cursor {
  private at = new Map<string, number>();
  next(termId: string, count: number, index?: number, dir: 1 | -1 = 1): number {
    const i = index !== undefined ? Math.min(index, count - 1) : step(this.at.get(termId) ?? -1, dir, count);
    if (i >= 0) this.at.set(termId, i);
    return i;
  }
  get(termId: string): number {
    return this.at.get(termId) ?? -1;
  }
}

/**
 * The match at a selection or caret: one that overlaps the selected text, else the one that contains
 * the caret. `index` maps text nodes to matches (the scanner's hit-test index).
 */
export function matchAtSelection(
  index: ReadonlyMap<Text, TextMatch[]>,
  sel: { anchorNode: Node | null; anchorOffset: number; focusNode: Node | null; focusOffset: number } | null,
): TextMatch | null {
  if (!sel) return null;
  for (const [node, offset] of [
    [sel.anchorNode, sel.anchorOffset],
    [sel.focusNode, sel.focusOffset],
  ] as const) {
    if (!node) continue;
    const text =
      node.nodeType === Node.TEXT_NODE
        ? (node as Text)
        : ((node.childNodes[offset] ?? node.childNodes[offset - 1]) as Node | undefined);
    const t = text && text.nodeType === Node.TEXT_NODE ? (text as Text) : null;
    if (!t) continue;
    const list = index.get(t);
    if (!list) continue;
    const off = t === node ? offset : 0;
    const hit = list.find(
      (m) => (t !== m.startNode || off >= m.startOffset) && (t !== m.endNode || off <= m.endOffset),
    );
    if (hit) return hit;
  }
  return null;
}
