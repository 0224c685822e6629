/**
 * Hit-testing: which of our matches is under the pointer? We ask the browser for the caret
 * position at the point (never mutating the page) and look the text node up in our own index.
 */

export interface TextMatch {
  node: Text;
  start: number;
  end: number;
  termId: string;
}

/** Matches per text node, sorted by start. */
export type MatchIndex = Map<Text, TextMatch[]>;

export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number, opts?: unknown) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

function rangeOf(m: TextMatch): Range {
  const r = m.node.ownerDocument!.createRange();
  r.setStart(m.node, m.start);
  r.setEnd(m.node, m.end);
  return r;
}

function inside(rect: DOMRect, x: number, y: number): boolean {
  return x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
}

/**
 * The match under (x, y), or null. The caret offset alone is not enough: at the right edge of a
 * line, or over empty space beside it, browsers return the nearest caret; so the match's own
 * client rects must contain the point too.
 */
export function hitTest(index: MatchIndex, doc: Document, x: number, y: number): TextMatch | null {
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return null;
  const list = index.get(caret.node as Text);
  if (!list) return null;
  for (const m of list) {
    // A caret just after the last character still belongs to the word under the pointer.
    if (caret.offset < m.start || caret.offset > m.end) continue;
    const range = rangeOf(m);
    const rects = typeof range.getClientRects === 'function' ? Array.from(range.getClientRects()) : [];
    const all = rects.length ? rects : [range.getBoundingClientRect()];
    if (all.some((r) => inside(r, x, y))) return m;
  }
  return null;
}

export function matchRange(m: TextMatch): Range {
  return rangeOf(m);
}
