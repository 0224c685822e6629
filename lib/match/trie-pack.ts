/**
 * Build side of the packed token trie (format in trie.ts): the compiler inserts forms into a tree of
 * Maps (no prototype keys: a token "constructor" is an ordinary key), then packs it into two strings.
 */
import { DIGIT, MORE } from './trie';
import type { PackedTrie } from './types';

export interface BuildNode {
  kids: Map<string, BuildNode>;
  ends: number[];
}

export const buildNode = (): BuildNode => ({ kids: new Map(), ends: [] });

export function insertForm(root: BuildNode, keys: readonly string[], value: number): void {
  let node = root;
  for (const k of keys) {
    let next = node.kids.get(k);
    if (!next) node.kids.set(k, (next = buildNode()));
    node = next;
  }
  if (!node.ends.includes(value)) node.ends.push(value);
}

function digits(n: number, out: string[]): void {
  if (!Number.isInteger(n) || n < 0) throw new Error(`packed trie: ${n} is not a count or index`);
  let s = String.fromCharCode(DIGIT + (n % 32));
  for (n = Math.floor(n / 32); n > 0; n = Math.floor(n / 32)) s = String.fromCharCode(MORE + (n % 32)) + s;
  out.push(s);
}

export function packTrie(root: BuildNode): PackedTrie {
  // Key indices by frequency (then code units, for a stable build): "of", "the"… get one-digit indices.
  const freq = new Map<string, number>();
  const count = (n: BuildNode): void => {
    for (const [k, c] of n.kids) {
      freq.set(k, (freq.get(k) ?? 0) + 1);
      count(c);
    }
  };
  count(root);
  const keys = [...freq.keys()].sort((a, b) => freq.get(b)! - freq.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  for (const k of keys) if (!k || /\s/.test(k)) throw new Error(`packed trie: key ${JSON.stringify(k)}`);
  const index = new Map(keys.map((k, i) => [k, i]));
  const out: string[] = [];
  const queue: [number, BuildNode][] = [[-1, root]];
  for (let q = 0; q < queue.length; q++) {
    const [key, node] = queue[q]!;
    if (key >= 0) digits(key, out);
    const ends = node.ends.length;
    digits(node.kids.size * 4 + Math.min(ends, 3), out);
    if (ends >= 3) digits(ends, out);
    for (const v of node.ends) digits(v, out);
    const kids = [...node.kids].map(([k, c]): [number, BuildNode] => [index.get(k)!, c]).sort((a, b) => a[0] - b[0]);
    queue.push(...kids);
  }
  return { k: keys.join('\n'), n: out.join('') };
}
