/**
 * The token trie as the content script holds it: numbered nodes in flat typed arrays instead of one
 * object per node. A frame's parsed matcher used to be ~1 MB, the nested trie object (10,000+ nodes)
 * over half of it (issue #17); this form is a few typed arrays and one key table.
 *
 * Packed form (types.ts PackedTrie, written by trie-pack.ts): `k` = the distinct edge keys ("=Tok"
 * exact case, "tok" lowercase and accent-folded) joined by "\n" (tokens never hold whitespace);
 * `n` = the nodes in breadth-first order, each as numbers: its edge's key index (not for the root),
 * `children * 4 + min(ends, 3)`, the number of ends when 3 or more, then the ends. Children are in
 * key-index order. An end is index * 8 + gate * 2 + single-word flag (types.ts CompiledMatcher.trie).
 * Numbers are base-32 digits: leading ones from `]` (0x5d), the last from `0` (0x30). No digit is `"`
 * or `\`, so JSON carries the string unescaped.
 */
import type { PackedTrie } from './types';

export const DIGIT = 0x30;
export const MORE = 0x5d;

type Ints = Uint16Array | Int32Array;
/** Half the bytes when every value fits 16 bits (the shipped glossary: ~10,000 nodes, ~2,400 keys). */
const ints = (a: number[]): Ints => (a.every((v) => v < 65536) ? Uint16Array : Int32Array).from(a);

/** Index of v in the sorted range a[lo] … a[hi - 1], or -1 (shared with roots.ts). */
export function search(a: ArrayLike<number>, lo: number, hi: number, v: number): number {
  for (hi--; lo <= hi;) {
    const mid = (lo + hi) >> 1;
    const m = a[mid]!;
    if (m === v) return mid;
    if (m < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** String hash of the key table (any hash works: it only picks the first slot to probe). */
function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/** A node is an index; the root is 0; -1 is "no such node". */
export class Trie {
  /** The keys joined by "\n" (kept as one string: 2,400 small strings and a Map would cost ~130 KB). */
  private readonly k: string;
  /** Key i is k[off[i]] … k[off[i + 1] - 2]. */
  private readonly off: Ints;
  /** Open-addressing table: key index + 1 by hash, 0 = empty. */
  private readonly slots: Ints;
  /** Node → the key index of the edge into it. */
  private readonly key: Ints;
  /** Node n's children are the nodes kid[n] … kid[n + 1] - 1. */
  readonly kid: Ints;
  /** Node n's ends are ends[end[n]] … ends[end[n + 1] - 1]. */
  readonly end: Ints;
  readonly ends: Ints;

  constructor(p: PackedTrie) {
    const k = (this.k = p.k);
    const off = [0];
    for (let i = k.indexOf('\n'); i >= 0; i = k.indexOf('\n', i + 1)) off.push(i + 1);
    if (k) off.push(k.length + 1);
    else off.length = 0;
    this.off = ints(off);
    let size = 16;
    while (size < off.length * 2) size *= 2;
    const slots = (this.slots = off.length < 65536 ? new Uint16Array(size) : new Int32Array(size));
    for (let i = 0; i + 1 < off.length; i++) {
      let q = hash(k.slice(off[i], off[i + 1]! - 1)) & (size - 1);
      while (slots[q]) q = (q + 1) & (size - 1);
      slots[q] = i + 1;
    }
    const s = p.n;
    let at = 0;
    const num = (): number => {
      let v = 0;
      let c = s.charCodeAt(at++);
      for (; c >= MORE; c = s.charCodeAt(at++)) v = v * 32 + c - MORE;
      return v * 32 + c - DIGIT;
    };
    const key: number[] = [0];
    const kid: number[] = [1];
    const end: number[] = [0];
    const ends: number[] = [];
    for (let n = 0; n < key.length; n++) {
      if (n) key[n] = num();
      const h = num();
      let e = h & 3;
      if (e === 3) e = num();
      while (e--) ends.push(num());
      end.push(ends.length);
      const last = kid[n]! + (h >> 2);
      kid.push(last);
      // Breadth-first: the children are the next unread nodes; their keys come when they are read.
      key.length = Math.max(key.length, last);
    }
    // A damaged string (the reply is checked, not trusted) fails here rather than scanning garbage.
    if (at !== s.length) throw new Error('bad packed trie');
    this.key = ints(key);
    this.kid = ints(kid);
    this.end = ints(end);
    this.ends = ints(ends);
  }

  /** Key index of string `s`, or -1. */
  private id(s: string): number {
    const { k, off, slots } = this;
    const mask = slots.length - 1;
    for (let q = hash(s) & mask; slots[q]; q = (q + 1) & mask) {
      const i = slots[q]! - 1;
      const a = off[i]!;
      if (off[i + 1]! - 1 - a === s.length && k.startsWith(s, a)) return i;
    }
    return -1;
  }

  /** The child of `node` along key string `k`, or -1. */
  next(node: number, k: string): number {
    const id = this.id(k);
    return id < 0 || node < 0 ? -1 : search(this.key, this.kid[node]!, this.kid[node + 1]!, id);
  }

  /** Key string of the edge into `node`. */
  keyOf(node: number): string {
    const i = this.key[node]!;
    return this.k.slice(this.off[i], this.off[i + 1]! - 1);
  }
}
