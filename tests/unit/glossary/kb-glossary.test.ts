import { describe, expect, it } from 'vitest';
import { findEntry, show, termStats } from '@/lib/pipeline/cli/kb-glossary';
import { FIXTURE_ROOT, fixtureBundle } from './helpers';

const opts = () => ({ rootDir: FIXTURE_ROOT, bundle: fixtureBundle(), write: () => {} });

describe('kb show / stats handlers', () => {
  it('show finds an entry by id, label or alias and returns its card', () => {
    const byLabel = show('ICAO PKD', opts());
    expect(byLabel.split('\n').slice(0, 3)).toEqual(['ICAO PKD', 'System', 'ICAO Public Key Directory']);
    expect(show('icao-pkd', opts())).toBe(byLabel);
    expect(show('Public Key Directory', opts())).toBe(byLabel);
    let printed = '';
    show('global forum on migration and development', { ...opts(), write: (t) => (printed = t) });
    expect(printed.split('\n')[0]).toBe('GFMD');
    expect(printed.split('\n')[2]).toBe('Global Forum on Migration and Development');
  });

  it('show fails clearly with suggestions for an unknown term', () => {
    expect(() => show('ICA', opts())).toThrow(/No glossary entry for "ICA".*ICAO \(icao\)/);
  });

  it('findEntry prefers the exact id/label over case-insensitive matches', () => {
    const { entries } = {
      entries: [
        { id: 'un', label: 'UN', aliases: ['un'] },
        { id: 'x', label: 'Un', aliases: [] },
      ] as never[],
    };
    expect((findEntry(entries, 'Un') as { id: string }).id).toBe('x');
    expect((findEntry(entries, 'un') as { id: string }).id).toBe('un');
  });

  it('termStats counts terms, excerpts and noExcerpt reasons', () => {
    expect(termStats(opts())).toEqual({
      terms: 7,
      withExcerpt: 6,
      withNoExcerptReason: 1,
      missingSummary: 0,
      buildErrors: 0,
    });
  });
});
