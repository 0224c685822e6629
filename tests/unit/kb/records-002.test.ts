import { describe, expect, it } from 'vitest';
import { CHAPTERS_002 } from '../../../lib/pipeline/kb/chapters-ceb-2013';
import { kb, rec } from './fixture';

/** Lettered recommendation items per chapter, from ../shared/research/recommendations.md. */
const LETTERED: Record<number, number> = {
  2: 13,
  3: 4,
  4: 4,
  5: 4,
  6: 0,
  7: 6,
  8: 0,
  9: 5,
  10: 24,
  11: 5,
  12: 6,
  13: 11,
  14: 3,
  15: 4,
  16: 14,
  17: 0,
  18: 15,
  19: 8,
  20: 18,
  21: 3,
  22: 10,
  23: 3,
  24: 4,
  25: 2,
  26: 8,
  27: 0,
  28: 0,
  29: 2,
};
/** First mandate paragraph per chapter (recommendations.md, "Mandate intros"). */
const INTRO_START: Record<number, number> = {
  2: 616,
  3: 811,
  4: 905,
  5: 1127,
  6: 1352,
  7: 1437,
  8: 1692,
  9: 1803,
  10: 1992,
  11: 2297,
  12: 2450,
  13: 2596,
  14: 2710,
  15: 2787,
  16: 2909,
  17: 3080,
  18: 3301,
  19: 3431,
  20: 3652,
  21: 3871,
  22: 4080,
  23: 4368,
  24: 4438,
  25: 4616,
  26: 4721,
  27: 4911,
  28: 5002,
  29: 5100,
};
const PROSE_ONLY: Record<number, number> = { 6: 1, 8: 5, 17: 5, 27: 1, 28: 3 };

const recs002 = () => kb().records.filter((r) => r.citation.doc === '002');

describe('002 mandates', () => {
  const mandates = () => recs002().filter((r) => r.kind === 'mandate');

  it('has one mandate per contributing entity (28), chapters 2–29', () => {
    expect(mandates().map((r) => r.citation.chapter)).toEqual(Array.from({ length: 28 }, (_, i) => i + 2));
  });

  it.each(CHAPTERS_002.filter((c) => c.n > 1))(
    'ch$n $agency mandate starts at the first intro paragraph and names the agency in its first sentence',
    (c) => {
      const m = rec(`002:ch${c.n}:mandate`);
      expect(m.citation.agency).toBe(c.agency);
      // Intro start lines from ../shared/research/recommendations.md ("Mandate intros").
      expect(m.citation.lines[0]).toBe(INTRO_START[c.n]);
      expect(m.text).not.toMatch(/^(CHAPTER|unicef)/);
      // Verbatim text: some chapters open "The mission of the …", "As a UN specialized agency, the …",
      // so the name is looked for in the whole first sentence, not at the very start.
      const first = m.text.split(/(?<=[.!?])\s+(?=[A-Z(])/)[0]!;
      expect(first.length).toBeGreaterThan(40);
      const full = c.title.replace(/^The /, '');
      const variants = [full, full.replace(/^United Nations /, 'UN '), `(${c.agency})`, c.agency];
      expect(
        variants.some((v) => first.includes(v)),
        first,
      ).toBe(true);
      expect(m.title).toBe(c.title);
      expect(m.text).not.toMatch(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/);
    },
  );

  it('keeps footnotes out of mandate bodies (ILO, IMO, World Bank, UNFPA, ICAO)', () => {
    const cases: [string, string, number][] = [
      ['002:ch5:mandate', 'ILO was founded in 1919', 1131],
      ['002:ch5:mandate', 'Women of all skill levels make up almost 50 per cent', 1135],
      ['002:ch6:mandate', 'In 1948 an international conference in Geneva adopted', 1356],
      ['002:ch6:mandate', 'Following the incident involving the Norwegian flag container ship Tampa', 1358],
      ['002:ch6:mandate', 'The Maritime Safety Committee, at its seventy-eighth session', 1360],
      ['002:ch29:mandate', 'The World Bank was founded in 1944', 5104],
      ['002:ch29:mandate', 'Migration and Remittances Factbook is available online', 5110],
      ['002:ch20:mandate', 'The UNFPA was introduced as a trust fund in 1967', 3656],
      ['002:ch3:mandate', 'ICAO is a UN specialized agency created in 1944', 815],
    ];
    for (const [id, snippet, line] of cases) {
      const m = rec(id);
      expect(m.text, `${id} must not contain footnote l.${line}`).not.toContain(snippet);
      expect(
        m.footnotes?.map((f) => f.line),
        id,
      ).toContain(line);
    }
  });

  it('ILO mandate keeps its four body paragraphs; l.1141 continues l.1129, not l.1139', () => {
    const paras = rec('002:ch5:mandate').text.split('\n\n');
    expect(paras).toHaveLength(4);
    expect(paras[1]).toMatch(/international labour standards, including the Organization's fundamental/);
    expect(paras[3]).toMatch(/is undertaken to this effect\.$/);
  });
});

describe('002 recommendations', () => {
  const lettered = (ch: number) =>
    recs002().filter(
      (r) => r.kind === 'recommendation' && r.citation.chapter === ch && r.citation.label?.startsWith('('),
    );

  it.each(Object.entries(LETTERED))('chapter %s has %i lettered items', (ch, n) => {
    expect(lettered(Number(ch))).toHaveLength(n);
  });

  it('totals 176 lettered items and 35 roman sub-items (IOM 30, UPU 5)', () => {
    const all = recs002().filter((r) => r.kind === 'recommendation' && r.citation.label?.startsWith('('));
    expect(all).toHaveLength(176);
    expect(all.reduce((s, r) => s + (r.subItems?.length ?? 0), 0)).toBe(35);
    expect(lettered(7).map((r) => r.subItems?.length)).toEqual([5, 6, 5, 4, 5, 5]);
    expect(lettered(25).map((r) => r.subItems?.length)).toEqual([3, 2]);
  });

  it.each(Object.entries(PROSE_ONLY))('prose-only chapter %s yields %i paragraph recommendations', (ch, n) => {
    const rs = recs002().filter((r) => r.citation.chapter === Number(ch) && r.citation.section === 'recommendations');
    expect(rs).toHaveLength(n);
    expect(rs.every((r) => r.kind === 'recommendation' && /^p\d+$/.test(r.citation.label ?? ''))).toBe(true);
  });

  it('keys restarting lists by list index so ids stay unique', () => {
    expect(rec('002:ch12:recommendations:L2:(a)').text).toMatch(/^\(a\) Gender-related deliberations/);
    expect(rec('002:ch10:recommendations:L2:(e)').citation.lines[0]).toBe(2289);
    expect(rec('002:ch20:recommendations:L3:(b)').text).toContain('Empower the GMG');
    expect(rec('002:ch20:recommendations:L2:(a)').context).toBeUndefined();
    const ids = kb().records.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('repairs OCR (I) → (l), lost labels and un-bulleted items', () => {
    for (const [id, line] of [
      ['002:ch2:recommendations:(l)', 798],
      ['002:ch10:recommendations:(l)', 2269],
      ['002:ch18:recommendations:(l)', 3399],
      ['002:ch20:recommendations:(l)', 3844],
    ] as const) {
      expect(rec(id).citation.lines[0]).toBe(line);
    }
    expect(rec('002:ch20:recommendations:(i)').text).toMatch(/^\(i\) Promote information and advocacy/);
    expect(rec('002:ch22:recommendations:(i)').text).toMatch(/^\(i\) Joint funding\./);
    expect(rec('002:ch7:recommendations:(d)').subItems?.[0]).toMatchObject({ label: '(i)' });
    expect(rec('002:ch7:recommendations:(d)').subItems?.[0]?.text).toMatch(/^Recognize the important role/);
    expect(rec('002:ch15:recommendations:(a)').citation.lines).toEqual([2888, 2890]);
    expect(rec('002:ch22:recommendations:(a)').citation.lines[0]).toBe(4348);
    expect(rec('002:ch14:recommendations:(c)').citation.lines[0]).toBe(2775);
  });

  it('keeps the lead-in sentence as context and the full citation', () => {
    const r = rec('002:ch3:recommendations:(b)');
    expect(r.text).toContain('ICAO Public Key Directory');
    expect(r.context).toMatch(/:$/);
    expect(r.citation).toMatchObject({
      doc: '002',
      chapter: 3,
      agency: 'ICAO',
      section: 'recommendations',
      label: '(b)',
      lines: [893, 893],
    });
    expect(r.citation.sectionTitle).toBe('Recommendations for the 2013 High-level Dialogue');
  });

  it('keeps footnotes out of recommendation bodies (SR l.2436, UNEP list footnotes, FAO ¹⁸)', () => {
    const body = (id: string) => [rec(id).text, ...(rec(id).subItems ?? []).map((s) => s.text)].join('\n');
    expect(body('002:ch11:recommendations:(b)')).not.toContain(
      'See the recommendations of the current Special Rapporteur',
    );
    // Its number (4) is lost; it belongs to the paragraph printing "…strong recommendations on…⁴".
    expect(rec('002:ch11:recommendations:p2').footnotes?.map((f) => f.line)).toContain(2436);
    expect(body('002:ch18:recommendations:(a)')).not.toContain('Bakewell');
    expect(body('002:ch18:recommendations:(a)')).toContain('policies should be carefully considered');
    expect(body('002:ch18:recommendations:(m)')).not.toMatch(/de Haas|Castles|Carling/);
    expect(body('002:ch18:recommendations:(m)')).toContain('labour migration. Increasingly restrictive');
    expect(body('002:ch2:recommendations:(b)')).not.toContain('Compton');
    expect(body('002:ch2:recommendations:(b)')).toContain('management regimes that recognize');
  });

  it('re-joins page-break continuations that the converter bulleted (IOM l.1659, l.1673)', () => {
    expect(rec('002:ch7:recommendations:(c)').subItems?.[0]?.text).toContain(
      'conditions of work, as well as non-discriminatory access',
    );
    expect(rec('002:ch7:recommendations:(e)').subItems?.[1]?.text).toContain('labour mobility; migration and health');
    expect(rec('002:ch7:recommendations:(a)').subItems?.map((s) => s.label)).toEqual([
      '(i)',
      '(ii)',
      '(iii)',
      '(iv)',
      '(v)',
    ]);
  });
});

describe('002 chapter 1 and other sections', () => {
  it('marks chapter 1 as synthesis passages, priority areas distinguishable from recommendations', () => {
    const ch1 = recs002().filter((r) => r.citation.chapter === 1);
    expect(ch1.every((r) => r.kind === 'passage' && r.citation.section === 'synthesis')).toBe(true);
    const priorities = ch1.filter((r) => r.citation.lines[0] >= 570 && r.citation.label?.startsWith('('));
    expect(priorities.map((r) => r.subItems?.length)).toEqual([3, 3, 3, 3, 4]);
  });

  it('assigns canonical section kinds even for unnumbered/renumbered headings', () => {
    const kinds = (ch: number) => [
      ...new Set(
        recs002()
          .filter((r) => r.citation.chapter === ch)
          .map((r) => r.citation.section),
      ),
    ];
    expect(kinds(4)).not.toContain('challenges');
    expect(kinds(5)).toContain('postscript');
    expect(kinds(14)).not.toContain('gfmd');
    expect(kinds(22)).not.toContain('good-practices');
    expect(kinds(3)).toEqual([
      'mandate',
      'activities',
      'gfmd',
      'good-practices',
      'challenges',
      'gaps',
      'recommendations',
    ]);
  });
});
