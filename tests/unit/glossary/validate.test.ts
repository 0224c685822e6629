import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GlossaryError } from '@/lib/pipeline/glossary/errors';
import { loadGlossarySources } from '@/lib/pipeline/glossary/load';
import { sentenceSpans } from '@/lib/pipeline/glossary/text';
import { timeSensitivePhrase, validateGlossary } from '@/lib/pipeline/glossary/validate';
import { FIXTURE_ROOT, fixtureSources, loadBad } from './helpers';

const sources = fixtureSources();
const run = (kind: string) => validateGlossary(loadBad(kind), sources);
const brief = (errs: GlossaryError[]) => errs.map((e) => `${e.id ?? '-'} ${e.field ?? '-'}`);

describe('validateGlossary', () => {
  it('accepts the valid fixture glossary', () => {
    const files = loadGlossarySources(join(FIXTURE_ROOT, 'data/glossary'));
    expect(validateGlossary(files, sources)).toEqual([]);
  });

  it('duplicate ids, across files, pointing at the first definition', () => {
    const errs = run('duplicate-id');
    expect(brief(errs)).toEqual(['gfmd id']);
    expect(errs[0]!.file).toMatch(/b\.json$/);
    expect(errs[0]!.line).toBe(9);
    expect(errs[0]!.message).toMatch(/duplicate id \(first defined at .*a\.json:2\)/);
  });

  it('alias/label claimed by two entries without an ambiguity rule', () => {
    const errs = run('alias-collision');
    // ECA (acronym, case-sensitive) vs eca-audit alias; the full name vs a lowercase alias (case-insensitive).
    expect(brief(errs)).toEqual(['eca-audit aliases[0]', 'hab aliases[0]']);
    expect(errs[0]!.message).toMatch(/"ECA" is also claimed by entry "eca" \(label/);
  });

  it('allows shared forms when one side is gated, and case-sensitive forms differing in case', () => {
    expect(run('alias-collision-gated')).toEqual([]);
  });

  it('dangling related ids and self-references', () => {
    const errs = run('dangling-related');
    expect(brief(errs)).toEqual(['gfmd related[1]', 'iom related[0]']);
    expect(errs[0]!.message).toContain('"gmg"');
    expect(errs[1]!.message).toMatch(/itself/);
  });

  it('missing or empty summary', () => {
    const errs = run('summary-missing');
    expect(brief(errs)).toEqual(['a summary', 'b summary']);
  });

  it('summary with more than 3 sentences or absurd length (abbreviations are not sentence ends)', () => {
    const errs = run('summary-length');
    expect(brief(errs)).toEqual(['four summary', 'long summary', 'tiny summary']);
    expect(errs[0]!.message).toMatch(/4 sentences/);
    expect(errs[1]!.message).toMatch(/length 799/);
  });

  it('summary copying 8+ consecutive words of the sources (names excepted)', () => {
    const errs = run('summary-copied');
    expect(brief(errs)).toEqual(['copy summary']);
    expect(errs[0]!.message).toContain(
      '"it sets global standards for machine readable travel documents used at borders"',
    );
  });

  it('bad id syntax', () => {
    expect(brief(run('bad-id'))).toEqual(['Bad_Id id', '-lead id']);
  });

  it('bad category', () => {
    const errs = run('bad-category');
    expect(brief(errs)).toEqual(['a category']);
    expect(errs[0]!.message).toContain('"agencies"');
  });

  it('invalid regex (and empty-matching regex) in hints.patterns', () => {
    const errs = run('bad-regex');
    expect(brief(errs)).toEqual(['a hints.patterns[0]', 'b hints.patterns[0]']);
    expect(errs[0]!.message).toMatch(/invalid regular expression/);
    expect(errs[1]!.message).toMatch(/empty string/);
  });

  it('excerptHints not found verbatim (superscripts and line breaks ignored)', () => {
    const errs = run('excerpt-hint-missing');
    expect(brief(errs)).toEqual(['a excerptHints[1]']);
  });

  it('unknown fields (typos)', () => {
    expect(brief(run('unknown-field'))).toEqual(['a excerptHint', 'a hints.neverAlon']);
  });

  it('reports non-object entries without crashing', () => {
    const errs = validateGlossary([{ file: 'x.json', entries: [42 as never, null as never] }], sources);
    expect(errs.map((e) => e.message)).toEqual(['entry #1 is not a JSON object', 'entry #2 is not a JSON object']);
  });
});

describe('sentenceSpans', () => {
  it('splits on sentence ends, not on abbreviations or initials, and spans are verbatim', () => {
    const t = 'The ILO adopted Convention No. 189 in 2011. I. Omelaniuk edited it (see e.g. p. 4). Done!';
    const spans = sentenceSpans(t).map(([s, e]) => t.slice(s, e));
    expect(spans).toEqual([
      'The ILO adopted Convention No. 189 in 2011.',
      'I. Omelaniuk edited it (see e.g. p. 4).',
      'Done!',
    ]);
  });
});

describe('validateGlossary: official page, currency and checking trail', () => {
  const entry = (extra: Record<string, unknown>) => ({
    id: 'testforum',
    label: 'Test Forum',
    expansion: 'Test Forum on Example Matters',
    category: 'process-forum',
    summary: 'A forum invented for this unit test, which meets every other year to compare notes.',
    ...extra,
  });
  const check = (extra: Record<string, unknown>) =>
    brief(validateGlossary([{ file: 'x.json', entries: [entry(extra) as never] }], sources));

  it('accepts an https official page, a year and https checking sources', () => {
    expect(
      check({ officialUrl: 'https://example.org/forum', asOf: 2026, checkedAgainst: ['https://example.org/a'] }),
    ).toEqual([]);
    expect(check({ officialUrlNote: 'The forum has no web site of its own.' })).toEqual([]);
  });

  it('rejects plain-http or malformed URLs, both a URL and a reason, and a non-year asOf', () => {
    expect(check({ officialUrl: 'http://example.org/forum' })).toEqual(['testforum officialUrl']);
    expect(check({ officialUrl: 'example.org' })).toEqual(['testforum officialUrl']);
    expect(check({ officialUrl: 'https://example.org', officialUrlNote: 'none' })).toEqual([
      'testforum officialUrlNote',
    ]);
    expect(check({ asOf: '2026' })).toEqual(['testforum asOf']);
    expect(check({ asOf: 26 })).toEqual(['testforum asOf']);
    expect(check({ checkedAgainst: ['ftp://example.org'] })).toEqual(['testforum checkedAgainst']);
  });
});

describe('time-sensitive summaries need asOf', () => {
  it.each([
    ['The forum currently meets in Geneva.', 'currently'],
    ['Its present chair is chosen each year; today it has a small secretariat.', 'today'],
    ['The convention has 58 States parties.', '58 States'],
    ['The process is chaired by a rotating member.', 'chaired by'],
    ['The next session will be held in Rabat.', 'will be held'],
    ['The latest edition covers remittances.', 'latest'],
  ])('flags "%s"', (summary, phrase) => {
    expect(timeSensitivePhrase(summary)?.toLowerCase()).toBe(phrase.toLowerCase());
  });

  it.each([
    ['Adopted in 2018 by 164 governments at a conference in Marrakech.'],
    ['The 1930 Convention was brought up to date by a protocol.'],
    ['A forum where States compare labour migration policies.'],
    ['Hosted by Morocco in 2018, the conference adopted the compact.'],
  ])('does not flag "%s" (dated in the sentence or timeless)', (summary) => {
    expect(timeSensitivePhrase(summary)).toBeNull();
  });

  it('fails the build without asOf and passes with it', () => {
    const e = {
      id: 'dated',
      label: 'Dated Forum',
      expansion: 'Dated Forum on Example Matters',
      category: 'process-forum',
      summary: 'A forum invented for this test; it currently has a small secretariat in Geneva.',
    };
    const without = validateGlossary([{ file: 'x.json', entries: [e as never] }], sources);
    expect(brief(without)).toEqual(['dated asOf']);
    expect(without[0]!.message).toMatch(/"currently"/);
    expect(validateGlossary([{ file: 'x.json', entries: [{ ...e, asOf: 2026 } as never] }], sources)).toEqual([]);
  });
});

describe('French and Spanish names', () => {
  const entry = (extra: Record<string, unknown>) => ({
    id: 'namedforum',
    label: 'NF',
    expansion: 'Named Forum on Example Matters',
    category: 'process-forum',
    summary: 'A forum invented for this unit test, which meets every other year to compare notes.',
    ...extra,
  });
  const check = (extra: Record<string, unknown>) =>
    brief(validateGlossary([{ file: 'x.json', entries: [entry(extra) as never] }], sources));

  it('accepts label, expansion and summary per language', () => {
    expect(
      check({
        fr: {
          label: 'FN',
          expansion: 'Forum nommé sur des questions exemplaires',
          summary: 'Un forum inventé pour ce test.',
        },
        es: { expansion: 'Foro nombrado sobre cuestiones de ejemplo' },
      }),
    ).toEqual([]);
  });

  it('rejects unknown fields, empty strings and non-objects', () => {
    expect(check({ fr: { name: 'FN' } })).toEqual(['namedforum fr.name']);
    expect(check({ es: { label: ' ' } })).toEqual(['namedforum es.label']);
    expect(check({ fr: 'Forum nommé' })).toEqual(['namedforum fr']);
  });
});
