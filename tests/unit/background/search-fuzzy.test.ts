/**
 * Fuzzy matching is bounded: 0.2 × word length edits, at most 3 (long pasted words made the
 * edit-distance walk the slowest part of a search), and off below 5 characters.
 */
import { describe, expect, it } from 'vitest';
import { runSearch, type SearchContext } from '@/lib/background/search';
import { createIndex, createTermIndex } from '@/lib/kb/search-options';
import type { KbRecord } from '@/lib/kb/types';

const records: KbRecord[] = [
  {
    id: '004:para1',
    kind: 'passage',
    text: 'Internationalization of labour standards.',
    citation: { doc: '004', section: 'body', label: 'para 1', lines: [1, 1] },
  },
  {
    id: '004:para2',
    kind: 'passage',
    text: 'Remittance corridors and costs.',
    citation: { doc: '004', section: 'body', label: 'para 2', lines: [2, 2] },
  },
];
const ctx: SearchContext = {
  records: new Map(records.map((r) => [r.id, r])),
  index: createIndex(records),
  docs: new Map(),
  terms: createTermIndex([]),
  entries: new Map(),
};
const ids = (q: string) => runSearch(ctx, q).map((h) => h.id);

describe('fuzzy search bounds', () => {
  it('allows up to 3 edits in long words, not 4 (0.2 × 20 characters would)', () => {
    expect(ids('internationalisation')).toEqual(['004:para1']); // 1 edit
    expect(ids('intarnationalisatian')).toEqual(['004:para1']); // 3 edits
    expect(ids('intarnationalisatiam')).toEqual([]); // 4 edits
  });

  it('scales with length below the cap and is off for short words', () => {
    expect(ids('remitance')).toEqual(['004:para2']); // 9 chars → 2 edits allowed
    expect(ids('corts')).toEqual(['004:para2']); // 5 chars → 1 edit
    expect(ids('cots')).toEqual([]); // 4 chars → exact/prefix only
  });
});
