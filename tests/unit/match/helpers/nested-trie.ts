/** The packed trie (lib/match/trie.ts) as the nested objects it replaced, for reference walks in tests. */
import { Trie } from '../../../../lib/match/trie';
import type { PackedTrie } from '../../../../lib/match/types';

/** Keys: "=Tok" (exact case) or "tok" (lowercase); "" = the node's ends. */
export interface TrieNode {
  [key: string]: TrieNode | number[];
}

export function nestedTrie(packed: PackedTrie): TrieNode {
  const trie = new Trie(packed);
  const build = (node: number): TrieNode => {
    const out: TrieNode = {};
    const { kid, end } = trie;
    if (end[node + 1]! > end[node]!) out[''] = [...trie.ends.subarray(end[node], end[node + 1])];
    for (let c = kid[node]!; c < kid[node + 1]!; c++) out[trie.keyOf(c)] = build(c);
    return out;
  };
  return build(0);
}
