/**
 * Which of a fixed set of lowercase words occur in a text, as substrings and case-insensitively, in ONE
 * pass over the text's char codes: an Aho–Corasick automaton (https://doi.org/10.1145/360825.360855)
 * compiled to a transition table. Used for the trigger words that gate families and patterns, per block
 * in the matcher and per page in the evidence. It replaced a regex alternation (test) plus a lookahead
 * regex retried at every position (collect): on the bench's 130 pages those two were a fifth of
 * candidate preparation (issue #17); the table costs about two reads of the text.
 *
 * Case-insensitive as a regex with the `i` flag (no `u`): a word's unit also matches its upper case,
 * and no unit ≥ 128 matches an ASCII one. Words are lowercase.
 */

export const escapeRe = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class WordSet {
  /** Alphabet letter + 1 of an ASCII unit (0: in no word, the automaton restarts). */
  private readonly ascii = new Uint8Array(128);
  /** The same for units ≥ 128, only when a word has such units. */
  private readonly wide = new Map<number, number>();
  /** Alphabet size. */
  private readonly size: number;
  /** Transition table: next state = delta[state * size + letter]. State 0 is the root. */
  private readonly delta: Uint16Array | Int32Array;
  /** Per state: the word indices ending there (its own and those of its suffix links), or null. */
  private readonly ends: (readonly number[] | null)[];

  constructor(readonly words: readonly string[]) {
    const letters = new Map<string, number>();
    // The trie of the (lowercase) words: go[state][letter] = next state.
    const go: number[][] = [[]];
    const out: number[][] = [[]];
    words.forEach((w, i) => {
      let s = 0;
      for (const ch of w) {
        let a = letters.get(ch);
        if (a === undefined) {
          letters.set(ch, (a = letters.size));
          // The unit and its upper case, unless that crosses into ASCII (a regex's `i` does not either).
          for (const v of [ch, ch.toUpperCase()])
            if (v.length === 1 && v < '\x80' === ch < '\x80') {
              const c = v.charCodeAt(0);
              if (c < 128) this.ascii[c] = a + 1;
              else this.wide.set(c, a + 1);
            }
        }
        s = go[s]![a] ??= go.push([]) - 1;
      }
      (out[s] ??= []).push(i);
    });
    // Breadth-first: a state's missing transitions are those of its suffix link (shallower, so done).
    const A = (this.size = letters.size || 1);
    // 16-bit states when they fit (the shipped trigger words: a few hundred), half the table's heap per frame.
    const delta = go.length < 65536 ? new Uint16Array(go.length * A) : new Int32Array(go.length * A);
    const link = new Int32Array(go.length);
    const queue = [0];
    for (const s of queue) {
      const f = link[s]!;
      if (s) out[s] = [...(out[s] ?? []), ...(out[f] ?? [])];
      for (let a = 0; a < A; a++) {
        const t = go[s]![a];
        const back = s ? delta[f * A + a]! : 0;
        if (t) {
          link[t] = back;
          queue.push(t);
        }
        delta[s * A + a] = t ?? back;
      }
    }
    this.delta = delta;
    this.ends = Array.from(go, (_, s) => (out[s]?.length ? out[s]! : null));
  }

  /** Adds every word that occurs in `text` to `into`. */
  collect(text: string, into: Set<string>): Set<string> {
    const { ascii, wide, delta, ends, size, words } = this;
    if (!words.length) return into;
    const anyWide = wide.size > 0;
    for (let i = 0, s = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const a = c < 128 ? ascii[c]! : anyWide ? (wide.get(c) ?? 0) : 0;
      if (!a) {
        s = 0;
        continue;
      }
      s = delta[s * size + a - 1]!;
      const e = ends[s];
      if (e) for (const x of e) into.add(words[x]!);
    }
    return into;
  }
}
