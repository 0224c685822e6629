/**
 * Which recognised occurrences are underlined: names (agencies, bodies, instruments…) at every
 * occurrence, general concepts only at their first occurrence on the page, as Wikipedia links a term
 * once
 * (https://en.wikipedia.org/wiki/Wikipedia:Manual_of_Style/Linking, "Duplicate and repeat links").
 * Pure (no DOM): the content script's scanner and the `recognise` CLI share this one rule, so the CLI
 * prints exactly what the extension underlines (issue #16).
 */
import { categoryOf } from '../glossary/id';

/** Per category: underline every occurrence, only the first on the page, or none (not recognised). */
export type UnderlineMode = 'every' | 'first' | 'off';
export const UNDERLINE_MODES: readonly UnderlineMode[] = ['every', 'first', 'off'];

/**
 * Each term's mode from the per-category modes of settings (`modes`) and the glossary's categories
 * (glossary id → category; symbol and unknown ids as lib/glossary/id.ts categoryOf says). A category
 * without a valid mode underlines every occurrence, as before this rule existed.
 */
export function modeByCategory(
  modes: Readonly<Record<string, string | undefined>>,
  categories: ReadonlyMap<string, string>,
): (termId: string) => UnderlineMode {
  return (id) => {
    const m = modes[categoryOf(id, categories)];
    return m === 'first' || m === 'off' ? m : 'every';
  };
}

/** What the rule needs of a match: its term and its position in text order. */
export interface Occurrence {
  termId: string;
  /** Position in text (document) order; smaller is earlier. */
  ord: number;
}

export interface UnderlineChange<M> {
  /** Underline this one now (it is the term's new underlined occurrence, or every one is). */
  paint?: M;
  /** Stop underlining this one (an earlier first occurrence replaced it). */
  unpaint?: M;
}

/**
 * The rule, fed one match at a time in any order (the scanner matches the viewport first).
 * Until `settle()`, a first-occurrence term's underline moves to any earlier occurrence found, so
 * after one full pass it sits on the first in text order. After `settle()` (the page's first scan is
 * done) an occurrence added later never moves it: the reader already saw where it is. Either way a
 * first-occurrence term has exactly one underlined occurrence while any occurrence is on the page.
 */
export class UnderlineRule<M extends Occurrence> {
  private readonly first = new Map<string, M>();
  private readonly orphans = new Set<string>();
  private settled = false;

  constructor(private readonly modeOf: (termId: string) => UnderlineMode) {}

  offer(m: M): UnderlineChange<M> {
    const mode = this.modeOf(m.termId);
    if (mode === 'every') return { paint: m };
    if (mode === 'off') return {};
    const cur = this.first.get(m.termId);
    if (!cur) {
      this.first.set(m.termId, m);
      this.orphans.delete(m.termId);
      return { paint: m };
    }
    if (this.settled || cur.ord <= m.ord) return {};
    this.first.set(m.termId, m);
    return { paint: m, unpaint: cur };
  }

  /** The match left the page. Returns true when it was a term's one underline (call `refill`). */
  remove(m: M): boolean {
    if (this.first.get(m.termId) !== m) return false;
    this.first.delete(m.termId);
    this.orphans.add(m.termId);
    return true;
  }

  /** A term whose underlined occurrence left gets its earliest remaining one underlined. */
  refill(remaining: Iterable<M>): M[] {
    if (!this.orphans.size) return [];
    const best = new Map<string, M>();
    for (const m of remaining) {
      if (!this.orphans.has(m.termId)) continue;
      const b = best.get(m.termId);
      if (!b || m.ord < b.ord) best.set(m.termId, m);
    }
    this.orphans.clear();
    for (const [id, m] of best) this.first.set(id, m);
    return [...best.values()];
  }

  settle(): void {
    this.settled = true;
  }

  isUnderlined(m: M): boolean {
    const mode = this.modeOf(m.termId);
    return mode === 'every' || (mode === 'first' && this.first.get(m.termId) === m);
  }
}

/** The underlined subset of matches given in text order (the `recognise` CLI's default output). */
export function underlinedInTextOrder<M extends Occurrence>(
  matches: readonly M[],
  modeOf: (termId: string) => UnderlineMode,
): M[] {
  const rule = new UnderlineRule<M>(modeOf);
  for (const m of matches) rule.offer(m);
  return matches.filter((m) => rule.isUnderlined(m));
}
