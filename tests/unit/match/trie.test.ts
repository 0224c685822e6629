/** The packed trie (lib/match/trie.ts, trie-pack.ts): what goes in comes out, node for node. */
import { describe, expect, it } from 'vitest';
import { buildNode, insertForm, packTrie, type BuildNode } from '../../../lib/match/trie-pack';
import { Trie } from '../../../lib/match/trie';
import { nestedTrie, type TrieNode } from './helpers/nested-trie';

const plain = (n: BuildNode): TrieNode => {
  const out: TrieNode = {};
  if (n.ends.length) out[''] = [...n.ends];
  for (const [k, c] of n.kids) out[k] = plain(c);
  return out;
};

/** Same keys and ends; key order is the packer's business. */
const sorted = (n: TrieNode): unknown =>
  Object.fromEntries(
    Object.keys(n)
      .sort()
      .map((k) => [k, k === '' ? n[k] : sorted(n[k] as TrieNode)]),
  );

function roundTrip(forms: [string[], number][]): { root: BuildNode; trie: Trie } {
  const root = buildNode();
  for (const [keys, v] of forms) insertForm(root, keys, v);
  const packed = packTrie(root);
  expect(sorted(nestedTrie(packed))).toEqual(sorted(plain(root)));
  return { root, trie: new Trie(packed) };
}

describe('packed trie', () => {
  it('keeps keys, shared prefixes, several ends per node and their order', () => {
    const { trie } = roundTrip([
      [['=IOM'], 9],
      [['international', 'organization', 'for', 'migration'], 8],
      [['international', 'labour', 'organization'], 16],
      [['global', 'compact'], 3],
      [['global', 'compact'], 1],
      [['global', 'compact'], 42],
      [['global', 'compact'], 7],
    ]);
    const gc = trie.next(trie.next(0, 'global'), 'compact');
    expect([...trie.ends.subarray(trie.end[gc], trie.end[gc + 1])]).toEqual([3, 1, 42, 7]);
    expect(trie.next(0, 'iom')).toBe(-1);
    expect(trie.next(0, '=IOM')).toBeGreaterThan(0);
    expect(trie.next(trie.next(0, 'international'), 'compact')).toBe(-1);
    expect(trie.next(-1, 'global')).toBe(-1);
  });

  it('treats object-prototype names as ordinary keys', () => {
    const { trie } = roundTrip([
      [['constructor'], 5],
      [['__proto__', 'tostring'], 6],
      [['hasOwnProperty'], 7],
    ]);
    expect(trie.next(0, 'constructor')).toBeGreaterThan(0);
    expect(trie.next(0, 'valueOf')).toBe(-1);
  });

  it('carries numbers past 16 bits and wide nodes', () => {
    const forms: [string[], number][] = [];
    for (let i = 0; i < 300; i++) forms.push([[`w${i}`, `x${i % 7}`], i * 977]);
    forms.push([['big'], 70000 * 8 + 5], [['big'], 2 ** 30]);
    const { trie } = roundTrip(forms);
    const big = trie.next(0, 'big');
    expect([...trie.ends.subarray(trie.end[big], trie.end[big + 1])]).toEqual([560005, 2 ** 30]);
  });

  it('rejects a damaged string', () => {
    const root = buildNode();
    insertForm(root, ['a', 'b'], 1);
    const packed = packTrie(root);
    expect(() => new Trie({ ...packed, n: packed.n.slice(0, -1) })).toThrow();
    expect(() => new Trie({ ...packed, n: `${packed.n}0` })).toThrow();
  });

  it('packs an empty trie', () => {
    const trie = new Trie(packTrie(buildNode()));
    expect(trie.next(0, 'a')).toBe(-1);
  });
});
