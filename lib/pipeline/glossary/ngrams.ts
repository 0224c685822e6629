/**
 * Hashed set of word n-grams (default 8) used to detect summaries that copy the sources.
 * Grams are stored as 52-bit numbers built from two independent 32-bit FNV-1a lanes, so the set
 * for all four sources (~190k grams) stays small and lookups avoid string allocation.
 */
import { wordTokens } from './text';

export const COPY_GRAM = 8;

function tokenHashes(tokens: string[]): [Uint32Array, Uint32Array] {
  const a = new Uint32Array(tokens.length);
  const b = new Uint32Array(tokens.length);
  tokens.forEach((t, i) => {
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193 ^ t.length;
    for (let k = 0; k < t.length; k++) {
      const c = t.charCodeAt(k);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    a[i] = h1 >>> 0;
    b[i] = h2 >>> 0;
  });
  return [a, b];
}

/** Hash of tokens[i .. i+n) as a safe integer (< 2^52). */
function gramKey(a: Uint32Array, b: Uint32Array, i: number, n: number): number {
  let x = 0x9e3779b9;
  let y = 0x85ebca6b;
  for (let k = i; k < i + n; k++) {
    x = Math.imul(x ^ a[k]!, 0x01000193) ^ (x >>> 13);
    y = Math.imul(y ^ b[k]!, 0xc2b2ae35) ^ (y >>> 16);
  }
  return (x >>> 0) * 0x100000 + ((y >>> 0) >>> 12);
}

export class NgramSet {
  private readonly keys = new Set<number>();

  constructor(readonly n: number = COPY_GRAM) {}

  /** Adds every n-gram of `text` (one token stream: grams may span line breaks). */
  addText(text: string): this {
    const tokens = wordTokens(text);
    const [a, b] = tokenHashes(tokens);
    for (let i = 0; i + this.n <= tokens.length; i++) this.keys.add(gramKey(a, b, i, this.n));
    return this;
  }

  get size(): number {
    return this.keys.size;
  }

  /** Start indexes (into wordTokens(text)) of the n-grams of `text` that are in the set. */
  hits(text: string): { tokens: string[]; starts: number[] } {
    const tokens = wordTokens(text);
    const [a, b] = tokenHashes(tokens);
    const starts: number[] = [];
    for (let i = 0; i + this.n <= tokens.length; i++) if (this.keys.has(gramKey(a, b, i, this.n))) starts.push(i);
    return { tokens, starts };
  }
}

/**
 * Longest run of words of `text` shared with `sources` (≥ n words), or null. Grams also found in
 * `exempt` (official names such as "International Convention on the Protection of the Rights of
 * All Migrant Workers…") are not counted: naming an instrument is not copying prose.
 */
export function findCopiedRun(text: string, sources: NgramSet, exempt?: NgramSet): string | null {
  const { tokens, starts } = sources.hits(text);
  if (starts.length === 0) return null;
  const excused = new Set(exempt ? exempt.hits(text).starts : []);
  const n = sources.n;
  let best: [number, number] | null = null;
  let runStart = -1;
  let prev = -2;
  for (const s of starts) {
    if (excused.has(s)) continue;
    if (s !== prev + 1) runStart = s;
    prev = s;
    const run: [number, number] = [runStart, s + n];
    if (!best || run[1] - run[0] > best[1] - best[0]) best = run;
  }
  return best ? tokens.slice(best[0], best[1]).join(' ') : null;
}
