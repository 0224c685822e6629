import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findEntry, reviewStats, show, termStats } from '@/lib/pipeline/cli/kb-glossary';
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
      withOfficialUrl: 0,
      withOfficialUrlNote: 0,
      withAsOf: 0,
      withCheckedSources: 0,
      withFrench: 0,
      withSpanish: 0,
      buildErrors: 0,
    });
  });

  it('termStats counts official pages, reasons, asOf, checked sources and French/Spanish names', () => {
    const root = mkdtempSync(join(tmpdir(), 'ml-stats-'));
    cpSync(FIXTURE_ROOT, root, { recursive: true });
    const dir = join(root, 'data/glossary');
    const file = readdirSync(dir).find((f) => f.endsWith('.json'))!;
    const entries = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>[];
    Object.assign(entries[0]!, {
      officialUrl: 'https://example.org/a',
      asOf: 2026,
      checkedAgainst: ['https://example.org/b'],
      fr: { expansion: 'Nom officiel' },
    });
    Object.assign(entries[1]!, { officialUrlNote: 'No site of its own.', es: { label: 'NO' } });
    writeFileSync(join(dir, file), JSON.stringify(entries));
    expect(termStats({ ...opts(), rootDir: root, bundle: fixtureBundle() })).toMatchObject({
      withOfficialUrl: 1,
      withOfficialUrlNote: 1,
      withAsOf: 1,
      withCheckedSources: 1,
      withFrench: 1,
      withSpanish: 1,
      buildErrors: 0,
    });
    rmSync(root, { recursive: true, force: true });
  });

  it('reviewStats counts reviewed first excerpts and those the ranking still puts first', () => {
    expect(reviewStats(opts())).toEqual({ reviewedExcerpts: 0, reviewedExcerptsHolding: 0 });
    // A copy of the fixture root with a review file: one review holds, one names another excerpt.
    const root = mkdtempSync(join(tmpdir(), 'ml-review-'));
    cpSync(FIXTURE_ROOT, root, { recursive: true });
    mkdirSync(join(root, 'data/glossary-review'), { recursive: true });
    const review = (id: string, recordId: string, textStart: string) => ({
      id,
      group: 'agency',
      mentions: 1,
      recordId,
      textStart,
      verdict: 'substantive',
    });
    writeFileSync(
      join(root, 'data/glossary-review/excerpts.json'),
      JSON.stringify({
        reviewed: [
          review('icao', '002:ch3:mandate', 'The International Civil Aviation Organization (ICAO)'),
          review('gfmd', 'nope', 'Nothing'),
        ],
        skipped: [],
      }),
    );
    expect(reviewStats({ ...opts(), rootDir: root, bundle: fixtureBundle() })).toEqual({
      reviewedExcerpts: 2,
      reviewedExcerptsHolding: 1,
    });
    rmSync(root, { recursive: true, force: true });
  });
});
