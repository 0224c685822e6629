/**
 * The first-token gate of the trie scan (scan-words.ts) as one open-addressing table in typed arrays:
 * hash of every root key → the sorted hashes of the keys that may follow it, or "always walk". It was a
 * Map of Sets, 150 KB of heap per frame (issue #17); this is ~30 KB and one probe per token.
 */
import { hashLower } from './scan-words';
import { search, type Trie } from './trie';

const EMPTY = -2;
const ANY = -1;
const bare = (k: string) => (k.startsWith('=') ? k.slice(1) : k);

export class RootIndex {
  private readonly hash: Int32Array;
  /** Follower range start in `fol`, ANY (a form can end at the root token: always walk) or EMPTY slot. */
  private readonly from: Int32Array;
  private readonly to: Int32Array;
  private readonly fol: Int32Array;

  constructor(entries: Map<number, Set<number> | null>) {
    let size = 16;
    while (size * 3 < entries.size * 4) size *= 2;
    this.hash = new Int32Array(size);
    this.from = new Int32Array(size).fill(EMPTY);
    this.to = new Int32Array(size);
    const fol: number[] = [];
    for (const [h, next] of entries) {
      let q = this.slot(h);
      while (this.from[q] !== EMPTY) q = (q + 1) & (size - 1);
      this.hash[q] = h;
      this.from[q] = next ? fol.length : ANY;
      if (next) fol.push(...[...next].sort((a, b) => a - b));
      this.to[q] = fol.length;
    }
    this.fol = Int32Array.from(fol);
  }

  private slot(h: number): number {
    return (h ^ (h >>> 13)) & (this.hash.length - 1);
  }

  /** The slot of root hash h, or -1. */
  find(h: number): number {
    const mask = this.hash.length - 1;
    for (let q = this.slot(h); this.from[q] !== EMPTY; q = (q + 1) & mask) if (this.hash[q] === h) return q;
    return -1;
  }

  /** Slot q's root needs no follower check (a form ends at it). */
  any(q: number): boolean {
    return this.from[q] === ANY;
  }

  /** Slot q's root may be followed by a key of hash h. */
  follows(q: number, h: number): boolean {
    return search(this.fol, this.from[q]!, this.to[q]!, h) >= 0;
  }
}

/**
 * Hash of every first-level trie key (lowercased; "=Tok" keys without the "=") → the hashes of the
 * keys that may follow it, or "always walk" when a form can end at that first token. Glossary forms
 * start with "a" ("A/RES/…"), "e" ("e-passport") or "i": the follower check rejects the thousands of
 * ordinary "a"s of a page without slicing a single token.
 */
export function rootHashes(trie: Trie): RootIndex {
  const out = new Map<number, Set<number> | null>();
  const { kid, end } = trie;
  for (let node = kid[0]!; node < kid[1]!; node++) {
    const h = hashLower(bare(trie.keyOf(node)));
    const prev = out.get(h);
    if (prev === null || end[node + 1]! > end[node]!) {
      out.set(h, null);
      continue;
    }
    const next = prev ?? new Set<number>();
    for (let c = kid[node]!; c < kid[node + 1]!; c++) next.add(hashLower(bare(trie.keyOf(c))));
    out.set(h, next);
  }
  return new RootIndex(out);
}
