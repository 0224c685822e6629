/**
 * Page scanner: walks visible text, asks the matcher for terms, and records them per text node.
 * Read-only with respect to the page.
 */
import type { MatchIndex, TextMatch } from './hittest';

export interface FoundTerm { start: number; end: number; id: string }
export type Matcher = (text: string) => FoundTerm[];

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'CODE', 'PRE', 'SVG']);

function rejected(el: Element | null, ownHost: Element | null): boolean {
  for (let e = el; e; e = e.parentElement) {
    if (SKIP.has(e.tagName.toUpperCase())) return true;
    if (e === ownHost) return true;
    if ((e as HTMLElement).isContentEditable || e.getAttribute?.('contenteditable') === 'true') return true;
  }
  return false;
}

/** Scan `root` and return the match index. */
export function scan(root: Node, matcher: Matcher, ownHost: Element | null = null): MatchIndex {
  const index: MatchIndex = new Map();
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (rejected(n.parentElement, ownHost) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const text = n.data;
    if (text.length < 2) continue;
    const found = matcher(text);
    if (!found.length) continue;
    index.set(n, found.map((f): TextMatch => ({ node: n!, start: f.start, end: f.end, termId: f.id })));
  }
  return index;
}

/** Tiny word-boundary matcher over labels; the compiled glossary matcher replaces it. */
export function labelMatcher(terms: { id: string; label: string }[]): Matcher {
  const byLabel = new Map(terms.map((t) => [t.label, t.id]));
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(${[...byLabel.keys()].map(esc).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return (text) => [...text.matchAll(re)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, id: byLabel.get(m[0])! }));
}
