/**
 * A small label matcher used by the first slice and by tests; the compiled glossary matcher
 * (lib/match BlockMatcher) is the real TermFinder. Labels need no page context: preparing a block
 * is finding its labels, and resolving returns them.
 */
import type { FoundTerm, TermFinder } from '../../../lib/scan/page-scanner';

export function labelFinder(terms: { id: string; label: string }[]): TermFinder<null, FoundTerm[]> {
  const byLabel = new Map(terms.map((t) => [t.label, t.id]));
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(${[...byLabel.keys()].map(esc).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return {
    prepare: (text) =>
      [...text.matchAll(re)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, id: byLabel.get(m[0])! })),
    context: () => ({ add: () => {}, finish: () => null }),
    resolve: (found) => found,
  };
}
