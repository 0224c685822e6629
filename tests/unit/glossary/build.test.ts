import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GlossaryBuildError } from '@/lib/pipeline/glossary/errors';
import { formatCitation } from '@/lib/kb/cite';
import { DOC_NAMES } from '@/lib/kb/documents';
import { buildGlossary, formatCard } from '@/lib/pipeline/glossary/index';
import { FIXTURE_ROOT, FIXTURES, fixtureBundle } from './helpers';

const bad = (kind: string) => ({ glossaryDir: join(FIXTURES, 'bad', kind) });

describe('buildGlossary', () => {
  it('builds the fixture glossary without errors', () => {
    const { entries, errors } = buildGlossary(FIXTURE_ROOT, fixtureBundle());
    expect(errors).toEqual([]);
    expect(entries.map((e) => e.id)).toEqual(['gfmd', 'icao', 'icao-pkd', 'iom', 'oim-fr', 'un', 'unwomen']);
  });

  it('entry with neither a linked excerpt nor a noExcerpt reason is an error', () => {
    const { errors } = buildGlossary(FIXTURE_ROOT, fixtureBundle(), { ...bad('no-excerpt'), throwOnError: false });
    expect(errors.map((e) => `${e.id} ${e.field}`)).toEqual(['zzz excerptHints']);
    expect(errors[0]!.message).toMatch(/noExcerpt/);
    expect(errors[0]!.line).toBe(2);
  });

  it('chapterAgency without a mandate record is an error naming the known agencies', () => {
    const { errors } = buildGlossary(FIXTURE_ROOT, fixtureBundle(), { ...bad('no-mandate'), throwOnError: false });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/"WHO" has no mandate record.*ICAO/);
  });

  it('throws GlossaryBuildError listing every error with file, id and field', () => {
    let caught: unknown;
    try {
      buildGlossary(FIXTURE_ROOT, fixtureBundle(), bad('dangling-related'));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(GlossaryBuildError);
    const err = caught as GlossaryBuildError;
    expect(err.errors).toHaveLength(2);
    expect(err.message).toContain('[gfmd] related[1]: dangling related id "gmg"');
    expect(err.message).toMatch(/dangling-related\/entries\.json:\d+ \[iom\]/);
  });

  it('returns syntax errors instead of throwing when asked to', () => {
    const { entries, errors } = buildGlossary(FIXTURE_ROOT, fixtureBundle(), {
      ...bad('syntax-error'),
      throwOnError: false,
    });
    expect(entries).toEqual([]);
    expect(errors.map((e) => e.line)).toEqual([5, 4]);
  });
});

describe('formatCard', () => {
  const { entries } = buildGlossary(FIXTURE_ROOT, fixtureBundle());
  const byId = new Map(entries.map((e) => [e.id, e]));

  it('shows label, category, expansion, summary, cited excerpts and related labels, as the card does', () => {
    const card = formatCard(byId.get('icao-pkd')!, byId);
    const lines = card.split('\n');
    expect(lines.slice(0, 3)).toEqual(['ICAO PKD', 'System', 'ICAO Public Key Directory']);
    expect(card).toContain(byId.get('icao-pkd')!.summary);
    expect(card).toContain('“ICAO should continue to promote the ICAO Public Key Directory among all States.”');
    expect(card).toContain('    — CEB 2013, ch. 3 ICAO, Recommendations, (a)\n');
    expect(card).toContain('(on hover: CEB 2013, ch. 3 ICAO: Recommendations for the 2013 High-level Dialogue)');
    expect(card).not.toMatch(/\bline/);
    expect(lines.slice(-2)).toEqual(['Related', '  ICAO']);
  });

  it('keeps source lines and record ids for maintainers (--verbose)', () => {
    const card = formatCard(byId.get('icao-pkd')!, byId, DOC_NAMES, { verbose: true });
    expect(card).toContain('[maintainers] 002:ch3:recommendations:(a), data/sources/');
    expect(card).toMatch(/\.txt line 7\n/);
  });

  it('shows the noExcerpt reason and agency links', () => {
    expect(formatCard(byId.get('oim-fr')!, byId)).toContain('\nFrench-language form');
    expect(formatCard(byId.get('icao')!, byId)).toContain('\nMandate\n');
    // After the related terms, where the compact card's disclosure buttons are (components/card/CardBody.tsx).
    expect(formatCard(byId.get('icao')!, byId)).toMatch(/\n {2}\S.*\nShow its 2 recommendations \(2013\)(\n|$)/);
    expect(formatCard(byId.get('icao')!, byId, DOC_NAMES, { verbose: true })).toContain(
      '[maintainers] mandate 002:ch3:mandate; recommendations 002:ch3:recommendations:(a)',
    );
  });

  it('formats citations for paragraph-numbered documents, and line ranges only on request', () => {
    expect(formatCitation({ doc: '004', section: 'key-findings', label: 'para 12', lines: [73, 75] }, DOC_NAMES)).toBe(
      'GA Hearings 2006, Key findings, para. 12',
    );
    expect(
      formatCitation({ doc: '004', section: 'key-findings', label: 'para 12', lines: [73, 75] }, DOC_NAMES, {
        lines: true,
      }),
    ).toBe('GA Hearings 2006, Key findings, para. 12, lines 73–75');
    expect(
      formatCitation(
        {
          doc: '000',
          section: 'body',
          sectionTitle: 'II. Migration and the post-2015 development agenda',
          label: 'p4',
          lines: [29, 29],
        },
        DOC_NAMES,
      ),
    ).toBe('Coordination Meeting 2015, Migration and the post-2015 development agenda, para. 4');
  });
});
