/** The join and marker rules on small synthetic inputs, independent of the real sources. */
import { describe, expect, it } from 'vitest';
import { restorePlainMarkers } from '../../../lib/pipeline/kb/markers';
import { buildUnits, type UnitOptions } from '../../../lib/pipeline/kb/units';

const UNMARKED: UnitOptions = { detectUnmarked: true };
const texts = (lines: string[], opts: UnitOptions = UNMARKED) =>
  buildUnits(lines, 1, lines.length, opts).units.map((u) => u.text);

describe('page-break re-joins (buildUnits)', () => {
  it('joins the lowercase second half across footnote bodies that lost their marker', () => {
    // Long enough not to read as a heading, as every real paragraph is.
    const first =
      'Often altruistic in nature, remittance flows remain more stable during economic crises, and they reduce poverty in recipient countries, as they provide direct';
    const lines = [
      first,
      '',
      '³ For a background note see: UNCTAD, report.',
      '',
      'In 2008 global remittances were double the amount of ODA.',
      '',
      'income for the poor and stimulate consumption.',
      '',
      'A new paragraph.',
    ];
    const { units } = buildUnits(lines, 1, lines.length, UNMARKED);
    expect(units.map((u) => u.text)).toEqual([
      `${first} income for the poor and stimulate consumption.`,
      'A new paragraph.',
    ]);
    expect(units[0]!.footnotes.map((f) => f.line)).toEqual([3, 5]);
    expect(units[0]!.end).toBe(7);
  });

  it('joins a capital-start second half only where the line cannot end', () => {
    expect(texts(['the role of the', 'GFMD had changed.'], {})).toEqual(['the role of the GFMD had changed.']);
    expect(texts(['However, Ms.', 'Tactaquin noted it.'], {})).toEqual(['However, Ms. Tactaquin noted it.']);
    // A heading or a sentence opener after a paragraph without its full stop is a new unit.
    expect(texts(['by Senegal', 'Research and consultation', 'OHCHR develops materials.'], {})).toEqual([
      'by Senegal',
      'Research and consultation',
      'OHCHR develops materials.',
    ]);
    expect(texts(['diseases, among others', 'This lack of approach is evident.'], {})).toEqual([
      'diseases, among others',
      'This lack of approach is evident.',
    ]);
  });

  it('skips URL footnote bodies while waiting for a capital-start second half', () => {
    const lines = [
      'worked on implementing the',
      'The documents are available at www.example.org/x.',
      'Continuous Reporting System in 2011.',
    ];
    const { units } = buildUnits(lines, 1, lines.length, UNMARKED);
    expect(units.map((u) => u.text)).toEqual(['worked on implementing the Continuous Reporting System in 2011.']);
    expect(units[0]!.footnotes[0]?.line).toBe(2);
  });

  it('reads lowercase bullets after a finished lead-in as list items, after an unfinished line as a continuation', () => {
    const list = buildUnits(['IOM has developed:', '- tools and handbooks;', '- training;'], 1, 3).units;
    expect(list.map((u) => u.kind)).toEqual(['text', 'item', 'item']);
    const cont = buildUnits(['decent working', '- conditions of work.'], 1, 2).units;
    expect(cont.map((u) => u.text)).toEqual(['decent working conditions of work.']);
  });
});

describe('plain-digit footnote markers (restorePlainMarkers)', () => {
  const chapter = [
    'Intro with a reference.¹',
    'The number of States as of March 2013 was 37.2',
    'It protects migrant workers, 3 and supports rights. Growth was 3.1 per cent.',
    '¹ First note.',
    '² Second note.',
    '³ Third note.',
  ];

  it('turns in-sequence markers with a matching footnote into superscripts', () => {
    const r = restorePlainMarkers(chapter, 1, chapter.length);
    expect(r.found).toEqual([
      { line: 2, marker: '2' },
      { line: 3, marker: '3' },
    ]);
    expect(r.lines[1]).toBe('The number of States as of March 2013 was 37.²');
    expect(r.lines[2]).toBe('It protects migrant workers,³ and supports rights. Growth was 3.1 per cent.');
    expect(r.lines[3]).toBe('¹ First note.');
  });

  it('leaves numbers that do not fit the sequence or have no footnote', () => {
    const noFootnote = chapter.slice(0, 4);
    expect(restorePlainMarkers(noFootnote, 1, 4).found).toEqual([]);
    const outOfSequence = ['Intro.¹', 'It was 37.9', '⁹ Ninth note.'];
    expect(restorePlainMarkers(outOfSequence, 1, 3).found).toEqual([]);
    const abbreviation = ['Intro.¹', 'Series No.2 (Geneva, 2012).', '² Note.'];
    expect(restorePlainMarkers(abbreviation, 1, 3).found).toEqual([]);
  });
});
