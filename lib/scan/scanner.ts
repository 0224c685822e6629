/**
 * A small label matcher used by the first slice and by tests; the compiled glossary matcher
 * (lib/match) is the real TermFinder.
 */
import type { TermFinder } from './controller';

export function labelFinder(terms: { id: string; label: string }[]): TermFinder<null> {
  const byLabel = new Map(terms.map((t) => [t.label, t.id]));
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(${[...byLabel.keys()].map(esc).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return {
    pageContext: () => null,
    find: (text) => [...text.matchAll(re)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, id: byLabel.get(m[0])! })),
  };
}
