/**
 * Hit-testing: which of our matches is under the pointer? We ask the browser for the caret
 * position at the point (never mutating the page) and look the text node up in our own index.
 */

/** One recognised term on the page. It may span several text nodes ("<b>ICAO</b> PKD"). */
export interface TextMatch {
  termId: string;
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
  /** Every text node the match covers, in order. */
  nodes: Text[];
  /** Static: live Ranges would slow every DOM mutation the page makes. */
  range: StaticRange;
  /** Discovery order; equals document order within one walk (windowed painting sorts by it). */
  ord: number;
}

/** Matches per text node. */
export type MatchIndex = Map<Text, TextMatch[]>;

type CaretDoc = Document & {
  caretPositionFromPoint?: (
    x: number,
    y: number,
    opts?: { shadowRoots?: ShadowRoot[] },
  ) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

export function caretAt(
  doc: Document,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[] = [],
): { node: Node; offset: number } | null {
  const d = doc as CaretDoc;
  if (typeof d.caretPositionFromPoint === 'function') {
    // Without the shadowRoots option the caret stops at the host of an open shadow tree.
    const p = shadowRoots.length ? d.caretPositionFromPoint(x, y, { shadowRoots }) : d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

export function liveRange(m: TextMatch): Range {
  const r = m.startNode.ownerDocument!.createRange();
  r.setStart(m.startNode, m.startOffset);
  r.setEnd(m.endNode, m.endOffset);
  return r;
}

function inside(rect: DOMRect, x: number, y: number): boolean {
  return rect.width > 0 && x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
}

/** Does the caret (node, offset) fall inside m's text? The offset just after the last character counts. */
function caretIn(m: TextMatch, node: Node, offset: number): boolean {
  if (node === m.startNode && offset < m.startOffset) return false;
  if (node === m.endNode && offset > m.endOffset) return false;
  return true;
}

/**
 * The match under (x, y), or null. The caret offset alone is not enough: beside the end of a line, or
 * over empty space, browsers return the nearest caret; so one of the match's client rects must contain
 * the point too (this is also the visual-offset correction for a caret that lands one character off).
 */
export function hitTest(
  index: MatchIndex,
  doc: Document,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[] = [],
  /** Only these count (occurrences that are not underlined open no card on hover). */
  accept: (m: TextMatch) => boolean = () => true,
): TextMatch | null {
  if (!index.size) return null;
  const caret = caretAt(doc, x, y, shadowRoots);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return null;
  const list = index.get(caret.node as Text);
  if (!list) return null;
  for (const m of list) {
    if (!caretIn(m, caret.node, caret.offset) || !accept(m)) continue;
    const range = liveRange(m);
    const rects = typeof range.getClientRects === 'function' ? Array.from(range.getClientRects()) : [];
    const all = rects.length ? rects : [range.getBoundingClientRect()];
    if (all.some((r) => inside(r, x, y))) return m;
  }
  return null;
}
