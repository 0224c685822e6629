/**
 * Which of a fixed set of lowercase words occur in a text, as substrings and case-insensitively, in
 * ONE native regex pass (instead of toLowerCase() + one includes() per word). Used for the trigger
 * words that gate families and patterns, per block in the matcher and per page in the evidence.
 */

export const escapeRe = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class WordSet {
  /** Plain alternation: a fast first test (Firefox runs the lookahead below far slower, ~2× scan time). */
  private readonly anyRe: RegExp | null;
  /** A lookahead retried at every position sees words inside others ("onvention" in "convention"). */
  private readonly re: RegExp | null;
  /** The same, case-sensitive, for text already lowercased (case-insensitive matching costs more). */
  private readonly reLower: RegExp | null;
  /** A position reports only its longest word; the shorter words it starts with are implied. */
  private readonly prefixes: Map<string, string[]>;

  constructor(readonly words: readonly string[]) {
    const longest = [...new Set(words)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    const alt = longest.map(escapeRe).join('|');
    this.anyRe = alt ? new RegExp(alt, 'i') : null;
    this.re = alt ? new RegExp(`(?=(${alt}))`, 'gi') : null;
    this.reLower = alt ? new RegExp(`(?=(${alt}))`, 'g') : null;
    this.prefixes = new Map(longest.map((w) => [w, longest.filter((v) => v !== w && w.startsWith(v))]));
  }

  /** Does any of the words occur in `text` (case-insensitively)? */
  any(text: string): boolean {
    return !!this.anyRe?.test(text);
  }

  /** Adds every word that occurs in `text` to `into`; `lower`: the text is already lowercase. */
  collect(text: string, into: Set<string>, lower = false): Set<string> {
    const re = lower ? this.reLower : this.re;
    if (!re || !this.any(text)) return into;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const w = m[1]!.toLowerCase();
      const pre = this.prefixes.get(w);
      // A case-folding oddity (the match lowercases to something else): plain includes() instead.
      if (!pre) {
        const lo = text.toLowerCase();
        for (const v of this.words) if (lo.includes(v)) into.add(v);
        return into;
      }
      into.add(w);
      for (const x of pre) into.add(x);
      re.lastIndex = m.index + 1;
    }
    return into;
  }
}
