import { describe, expect, it } from 'vitest';
import { shippedEntry } from '@/lib/pipeline/package';
import type { GlossaryEntry } from '@/lib/glossary/types';

describe('the glossary the extension ships', () => {
  it('leaves out the build-time excerpt hints and the checking trail, and keeps everything a card shows', () => {
    const e: GlossaryEntry = {
      id: 'testforum',
      label: 'TF',
      expansion: 'Test Forum',
      category: 'process-forum',
      summary: 'A forum invented for this test.',
      aliases: ['Test Forum'],
      related: ['iom'],
      excerpts: [],
      excerptHints: ['a verbatim snippet'],
      checkedAgainst: ['https://example.org/a'],
      officialUrl: 'https://example.org',
      asOf: 2026,
      noExcerpt: 'Invented for this test.',
      fr: { expansion: 'Forum de test' },
    };
    const shipped = shippedEntry(e);
    expect(shipped).not.toHaveProperty('excerptHints');
    expect(shipped).not.toHaveProperty('checkedAgainst');
    const { excerptHints: _h, checkedAgainst: _c, ...rest } = e;
    expect(shipped).toEqual(rest);
  });
});
