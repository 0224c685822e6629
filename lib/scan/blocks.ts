/**
 * Collects page text as "blocks": runs of text nodes that share the same block-level ancestor, so a
 * term split by inline markup ("<b>ICAO</b> PKD") is matched as one string. Block-ness is decided by
 * tag name, not getComputedStyle, because style lookups per node would cost more than the whole scan.
 */

export interface Segment {
  node: Text;
  start: number;
}
/** `ord`: position in walk order (document order within one walk). */
/** `prep`: the finder's preparation of `text`, kept from the context phase until the block is matched. */
/** `done`: its terms are already placed (the first pass's glance at the screen, page-scanner.ts). */
export interface Block {
  text: string;
  segments: Segment[];
  el: Element;
  ord: number;
  prep?: unknown;
  done?: boolean;
}

/** Elements whose text is never scanned: code, forms, editable regions, non-rendered content. */
export const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'SVG',
  'MATH',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'HEAD',
  'TITLE',
]);

/** Inline formatting elements: text inside them continues the surrounding block. */
const INLINE = new Set([
  'A',
  'ABBR',
  'ACRONYM',
  'B',
  'BDI',
  'BDO',
  'BIG',
  'CITE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'LABEL',
  'MARK',
  'NOBR',
  'Q',
  'S',
  'SMALL',
  'SPAN',
  'STRIKE',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'TT',
  'U',
  'VAR',
  'WBR',
  'BR',
]);

export function isSkipped(el: Element, ownHost: Element | null): boolean {
  if (el === ownHost) return true;
  if (SKIP.has(el.tagName.toUpperCase())) return true;
  // Attribute checks only: isContentEditable needs up-to-date style in Chromium (a style recalc per
  // element on a dirty page). Rejecting an element with the attribute skips its whole subtree, which is
  // what isContentEditable inherits through; designMode documents are rejected as a whole in startWalk.
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce !== 'false') return true;
  return el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true';
}

/** Is `node` inside a region we never scan (form field, editable, hidden, our own UI)? */
export function insideSkipped(node: Node, ownHost: Element | null): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) {
    if (n.nodeType === 1 && isSkipped(n as Element, ownHost)) return true;
  }
  return false;
}

export function blockOf(el: Element): Element {
  let e: Element = el;
  while (INLINE.has(e.tagName.toUpperCase()) && e.parentElement) e = e.parentElement;
  return e;
}

/**
 * A block longer than this is cut at the next text-node boundary: one giant <div> of text (or a page
 * made of <br>-separated lines) would otherwise become a single long matching task.
 */
export const MAX_BLOCK_CHARS = 2000;

export interface WalkState {
  walker: TreeWalker;
  current: Block | null;
  /** Open shadow roots met on the way; the caller scans and observes them. */
  shadowRoots: ShadowRoot[];
  /** Next block's `ord`; callers chain walks so ords keep increasing. */
  ord: number;
  /** Elements whose subtree is never scanned (skipped tags, editable, hidden, our host). */
  skip: Set<Element>;
  /** Block element per text parent, so inline chains are climbed once per element, not per node. */
  blocks: Map<Node, Element | null>;
  /** Set when the walker already stands on the next node (after jumping over a skipped subtree). */
  ahead: Node | null;
  /** The walk has run past the root (jumping over a skipped last subtree). */
  done: boolean;
}

const SKIP_SELECTOR =
  [...SKIP].map((t) => t.toLowerCase()).join(',') +
  ',[contenteditable]:not([contenteditable="false"]),[hidden],[aria-hidden="true"]';

/**
 * The walk runs WITHOUT a NodeFilter: a filter is a C++→JS callback per element, which cost more than
 * everything else in the walk together. The skipped elements are found by one native selector query
 * instead, and the loop jumps over their subtrees itself.
 */
export function startWalk(root: Node, ownHost: Element | null, ord = 0): WalkState {
  const doc = (root.ownerDocument ?? root) as Document;
  // A document in design mode is editable everywhere: walk nothing.
  if (doc.designMode === 'on') root = doc.createDocumentFragment();
  const skip = new Set<Element>();
  const q = (root as Partial<ParentNode>).querySelectorAll;
  if (q) for (const el of q.call(root, SKIP_SELECTOR)) if (isSkipped(el, ownHost)) skip.add(el);
  if (ownHost) skip.add(ownHost);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  return { walker, current: null, shadowRoots: [], ord, skip, blocks: new Map(), ahead: null, done: false };
}

/** Move past the current node's subtree; returns the next node in document order, or null. */
function pastSubtree(w: TreeWalker): Node | null {
  for (;;) {
    const s = w.nextSibling();
    if (s) return s;
    if (!w.parentNode()) return null;
  }
}

function blockFor(s: WalkState, parent: Element): Element {
  let b = s.blocks.get(parent);
  if (!b) s.blocks.set(parent, (b = blockOf(parent)));
  return b;
}

/**
 * Advance the walk by at most `maxNodes` nodes, pushing finished blocks into `out`.
 * Returns false when the walk is complete (the last block is flushed).
 */
export function walkSome(s: WalkState, out: Block[], maxNodes: number): boolean {
  const w = s.walker;
  const skip = s.skip;
  let lastParent: Node | null = null;
  let lastBlock: Element | null = null;
  for (let i = 0; i < maxNodes; i++) {
    const n = s.done ? null : (s.ahead ?? w.nextNode());
    s.ahead = null;
    if (!n) {
      if (s.current) out.push(s.current);
      s.current = null;
      return false;
    }
    if (n.nodeType !== 3) {
      if (skip.has(n as Element)) {
        s.ahead = pastSubtree(w);
        s.done = !s.ahead;
        continue;
      }
      // TreeWalker never enters shadow trees; remember open ones so the caller scans them too.
      const sr = (n as Element).shadowRoot;
      if (sr) s.shadowRoots.push(sr);
      continue;
    }
    const p = n.parentNode;
    let block: Element;
    if (p === lastParent) block = lastBlock!;
    else {
      // Text directly inside a shadow root has no parent element: its block is the host.
      const parent = p && p.nodeType === 1 ? (p as Element) : ((p as ShadowRoot | null)?.host ?? null);
      if (!parent) continue;
      block = blockFor(s, parent);
      lastParent = p;
      lastBlock = block;
    }
    const data = (n as Text).data;
    if (!s.current || s.current.el !== block || s.current.text.length > MAX_BLOCK_CHARS) {
      if (s.current) out.push(s.current);
      s.current = { text: '', segments: [], el: block, ord: s.ord++ };
    }
    if (!s.current.text && !data.trim()) continue;
    s.current.segments.push({ node: n as Text, start: s.current.text.length });
    s.current.text += data;
  }
  return true;
}

/** Map a [start, end) span of a block's text back to DOM positions. */
export function locate(
  block: Block,
  start: number,
  end: number,
): { startNode: Text; startOffset: number; endNode: Text; endOffset: number; nodes: Text[] } {
  // Per match, so no extra checks: every index is in range (the loops test it, and a block with a match
  // has at least one segment).
  const segs = block.segments;
  let i = 0;
  while (i + 1 < segs.length && segs[i + 1]!.start <= start) i++;
  const first = segs[i]!;
  let j = i;
  while (j + 1 < segs.length && segs[j + 1]!.start < end) j++;
  const last = segs[j]!;
  return {
    startNode: first.node,
    startOffset: start - first.start,
    endNode: last.node,
    endOffset: end - last.start,
    nodes: segs.slice(i, j + 1).map((s) => s.node),
  };
}

/**
 * The declared language of a block: the nearest `lang` attribute (the element's own or an ancestor's,
 * the root's included), else the document's; "" or none → undefined (the matcher then guesses from the
 * text). Asked lazily, only for blocks holding a form gated by language (lib/match/forms.ts).
 */
export function blockLang(el: Element): string | undefined {
  const own = el.closest('[lang]')?.getAttribute('lang')?.trim();
  return own || el.ownerDocument.documentElement.getAttribute('lang')?.trim() || undefined;
}
