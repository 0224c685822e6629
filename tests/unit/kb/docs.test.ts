import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAcronyms } from '../../../lib/pipeline/kb/acronyms';
import { kb, rec, ROOT } from './fixture';

describe('004 GA hearings', () => {
  const paras = () => kb().records.filter((r) => /^004:para\d+$/.test(r.id));

  it('has the 76 numbered paragraphs, in order, cited "para N"', () => {
    expect(paras().map((r) => r.citation.label)).toEqual(Array.from({ length: 76 }, (_, i) => `para ${i + 1}`));
  });

  it('marks §II (paras 8–22) as key findings', () => {
    const kf = paras()
      .filter((r) => r.citation.section === 'key-findings')
      .map((r) => r.id);
    expect(kf).toEqual(Array.from({ length: 15 }, (_, i) => `004:para${i + 8}`));
  });

  it('re-joins the ten page-break splits including the capital-start para 67', () => {
    const split: Record<number, [number, number]> = {
      8: [63, 65],
      12: [73, 75],
      29: [123, 125],
      36: [153, 155],
      41: [169, 171],
      46: [189, 191],
      52: [209, 211],
      63: [241, 243],
      67: [257, 259],
      72: [279, 281],
    };
    for (const [p, lines] of Object.entries(split)) expect(rec(`004:para${p}`).citation.lines).toEqual(lines);
    expect(rec('004:para67').text).toContain('lowering them. Migrant communities could work with Governments');
    expect(rec('004:para8').text).not.toContain('**');
  });

  it('moves footnote ¹ (A/60/871) out of para 22 and keeps it as a note', () => {
    const p = rec('004:para22');
    expect(p.text).not.toMatch(/[¹]|A\/60\/871/);
    expect(p.footnotes).toEqual([{ marker: '1', text: 'A/60/871.', line: 97 }]);
  });

  it('does not treat the contents page as body text', () => {
    expect(kb().records.some((r) => r.citation.doc === '004' && r.citation.lines[0] < 51 && r.id !== '004:note')).toBe(
      false,
    );
  });
});

describe('000 / 001 coordination meetings', () => {
  it('re-joins 000 page-break splits, also where the continuation starts with a capital', () => {
    const spans = kb()
      .records.filter((r) => r.citation.doc === '000')
      .map((r) => r.citation.lines.join('-'));
    for (const s of ['27-29', '37-39', '45-47', '55-57', '65-67', '95-97', '117-119', '145-147'])
      expect(spans).toContain(s);
  });

  it('re-joins the 13 lowercase continuations of 001 and the l.276→278 split', () => {
    const ends = kb()
      .records.filter((r) => r.citation.doc === '001')
      .map((r) => r.citation.lines[1]);
    for (const n of [126, 136, 154, 170, 182, 192, 200, 210, 218, 228, 236, 244, 264, 278]) expect(ends).toContain(n);
  });

  it('pulls the 001 `---` footnote block out of the split paragraph l.174→182', () => {
    const r = kb().records.find((x) => x.citation.doc === '001' && x.citation.lines[0] === 174)!;
    expect(r.citation.lines).toEqual([174, 182]);
    expect(r.text).not.toMatch(/<sup>|---|refugeemigrants|unwomen\.org/);
    expect(r.text).toContain('older generations. Ambassador Lauber');
    expect(r.footnotes?.map((f) => f.marker)).toEqual(['1', '2']);
  });

  it('skips the 001 contents page and abbreviation list', () => {
    const rs = kb().records.filter((r) => r.citation.doc === '001');
    expect(rs.some((r) => r.citation.lines[0] >= 58 && r.citation.lines[0] <= 112)).toBe(false);
    expect(rs.filter((r) => r.id.startsWith('001:VIII:'))).toHaveLength(17);
  });

  it('labels passages by roman section and ordinal', () => {
    const r = rec('000:VI:p4');
    expect(r.citation).toMatchObject({ doc: '000', section: 'body', label: 'p4', lines: [95, 97] });
    expect(r.citation.sectionTitle).toContain('Protecting the human rights of all migrants');
  });
});

describe('record hygiene (all documents)', () => {
  it('has no markup or superscripts left in any text', () => {
    for (const r of kb().records) {
      const t = [r.text, ...(r.subItems ?? []).map((s) => s.text)].join('\n');
      expect(t, r.id).not.toMatch(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁽]|<\/?(sup|i)>|\*\*|\\dots|\u00a0|\]\(/);
    }
  });

  it('never emits empty records and always cites a valid line range', () => {
    for (const r of kb().records) {
      expect(r.text.length, r.id).toBeGreaterThan(0);
      expect(r.citation.lines[0] <= r.citation.lines[1], r.id).toBe(true);
    }
  });
});

describe('002 List of acronyms', () => {
  const lines = readFileSync(join(ROOT, 'data/sources/2013-ceb-contributions-and-recommendations.txt'), 'utf8').split(
    '\n',
  );
  const list = parseAcronyms(lines, '002');
  const get = (a: string) => list.find((p) => p.acronym === a);

  it('has exactly 132 pairs', () => {
    expect(list).toHaveLength(132);
    expect(kb().acronyms).toEqual(list);
  });

  it('fixes the wrapping quirks', () => {
    expect(get('CEDAW')?.expansion).toBe('Convention on the Elimination of All Forms of Discrimination against Women');
    expect(get('ECLAC')?.expansion).toBe('United Nations Economic Commission for Latin America and the Caribbean');
    expect(get('ICRMW')?.expansion).toMatch(/Migrant Workers and Members of Their Families$/);
    expect(get('UN DESA')?.expansion).toBe(
      'Population Division of the United Nations Department of Economic and Social Affairs',
    );
    expect(get('UNESCAP, ESCAP')?.expansion).toBe(
      'United Nations Economic and Social Commission for Asia and the Pacific (UNESCAP)',
    );
    expect(get('UNITAR')?.expansion).toBe('United Nations Institute for Training and Research');
  });

  it('splits the fused SRSG + SU/SSC line', () => {
    expect(get('SRSG')).toEqual({
      acronym: 'SRSG',
      expansion: 'Special Representative of the Secretary General',
      line: 309,
    });
    expect(get('SU/SSC')).toEqual({
      acronym: 'SU/SSC',
      expansion: 'Special Unit for South–South Cooperation',
      line: 309,
    });
  });

  it('does not mistake continuation lines for entries', () => {
    expect(list.some((p) => /^(Women|Caribbean|Workers|Social|Pacific|and)$/.test(p.acronym))).toBe(false);
  });
});
