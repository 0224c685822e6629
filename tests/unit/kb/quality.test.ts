/**
 * Excerpt quality: records are shown verbatim, so page-break joins, stray footnote markers and
 * conversion markup must not leak into them. Cases found by reading the records and by the audit (lib/pipeline/kb/audit.ts).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditRecords, countByKind } from '../../../lib/pipeline/kb/audit';
import { readLines, readSources } from '../../../lib/pipeline/kb/build';
import type { DocKey, KbRecord } from '../../../lib/kb/types';
import { kb, rec, ROOT, visibleText } from './fixture';

/** The record whose source range covers line `n` of document 002. */
function at002(n: number): KbRecord {
  const r = kb().records.find((x) => x.citation.doc === '002' && x.citation.lines[0] <= n && n <= x.citation.lines[1]);
  if (!r) throw new Error(`no 002 record covers l.${n}`);
  return r;
}

const allText = () => kb().records.map(visibleText).join('\n');

describe('page-break joins', () => {
  it.each([
    // [line of the cut paragraph, correct join, wrong join a rule blind to footnote bodies makes,
    //  footnote body that sat between, line of the paragraph printing that footnote's number]
    [
      3962,
      "established following the Regional Conference in Sana'a in 2008",
      'following the For example',
      'For example, the Puebla Process',
      3958, // "…regional consultative processes on migration (RCPs).²⁴"
    ],
    [
      1507,
      'strategies that seek to prevent forced movements occurring',
      'prevent A summary of',
      'A summary of the perspective and work of IOM',
      1507,
    ],
    [
      2813,
      'as they provide direct income for the poor',
      'direct In 2008',
      'In 2008 global remittances were double',
      2813,
    ],
    [
      1054,
      'were relevant factors influencing the uptake',
      'relevant Atikha',
      'Atikha is a local NGO in the Philippines',
      1048, // "…trained by Atikha¹¹"
    ],
    [
      2091,
      'on implementing the Continuous Labour Migration Reporting System',
      'implementing the The documents',
      'The documents (in Spanish) is available',
      2089, // "…in Latin America and the Caribbean)¹²"
    ],
    [
      2165,
      'the Common Market for Eastern and Southern Africa',
      'Market for The annual',
      'The Big Table is an initiative',
      2163, // "…the African Development Forum (ADF) and the Big Table.²⁵"
    ],
  ])('l.%i reads "%s"', (line, good, bad, footnote, ownerLine) => {
    const r = at002(line);
    expect(r.text).toContain(good);
    expect(r.text).not.toContain(bad);
    // The interrupting page-bottom text is a footnote, not body text anywhere. Its number is lost,
    // but the numbering around it tells which reference it belongs to, so it sits with the record
    // that prints that reference (the cut paragraph itself when that one does).
    const owner = at002(ownerLine);
    expect(
      owner.footnotes?.some((f) => f.text.startsWith(footnote)),
      `${owner.id} footnotes`,
    ).toBe(true);
    expect(allText().includes(footnote), `"${footnote}" must not be body text`).toBe(false);
  });

  it('joins capital-start second halves that continue a name (000 l.39/97/119, 002 l.1589, 004 para 63)', () => {
    expect(rec('000:III:p1').text).toContain('the role of the GFMD had changed');
    expect(rec('000:VI:p4').text).toContain('However, Ms. Tactaquin noted');
    expect(rec('000:VI:p12').text).toContain('High-level Dialogue on International Migration and Development offered');
    expect(at002(1585).text).toContain('In Mauritius in 2012, the IOM Director General opened');
    expect(rec('004:para63').text).toContain('the United Nations could take the lead');
  });

  it('does not glue a heading or a new paragraph onto a paragraph that lacks its full stop', () => {
    expect(at002(1865).text).toMatch(/ratification of the Convention by Senegal$/);
    expect(at002(1869).text).toMatch(/^OHCHR develops research-based materials/);
    expect(at002(4879).text).toMatch(/among others$/);
    expect(at002(4881).text).toMatch(/^This lack of a true multisectoral approach/);
  });

  it('keeps unlettered bullet lists in their lead-in paragraph instead of inventing (a), (b)…', () => {
    const r = at002(1602);
    expect(r.citation.lines).toEqual([1602, 1609]);
    expect(r.text).toContain('\n• tools and handbooks in a variety of areas of migration management;');
    expect(rec('002:ch7:good-practices:(c)').citation.lines).toEqual([1600, 1600]);
    expect(kb().records.some((x) => x.citation.doc === '002' && x.citation.lines[0] === 2827)).toBe(false);
    expect(at002(2827).text).toMatch(/include:\n• Remittances to LDCs grew almost eightfold/);
  });
});

describe('plain-digit footnote markers', () => {
  it.each([
    [847, 'PKD-participating States as of March 2013 was 37.', '6', 857],
    [4745, 'Recruitment of Health Personnel (WHA63.16).', '8', 4753],
    [1000, 'and gender (Nepal).', '8', 1006],
    [3934, 'a workshop in Geneva in 2012 entitled "Labour Mobility for Refugees."', '18', 3950],
  ])('l.%i: marker removed from the text, footnote kept', (line, text, marker, fnLine) => {
    const r = at002(line);
    expect(r.text).toContain(text);
    expect(r.text).not.toMatch(new RegExp(`${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${marker}`));
    expect(r.footnotes).toContainEqual(expect.objectContaining({ marker, line: fnLine }));
  });

  it('drops ", 10 and" (l.461) and the spaced superscript of "tourism, ¹⁵" (l.1171)', () => {
    expect(at002(461).text).toContain('for the protection of migrant workers, and supports a rights-based approach');
    expect(at002(1171).text).toContain('such as hospitality and tourism, education and research, and health');
  });

  it('leaves real numbers alone', () => {
    const text = allText();
    for (const n of ['by about 3.1 per cent', '(WHA63.16)', 'Convention, 2011 (No. 189)', '(A/HRC/23/46)']) {
      expect(text.includes(n), n).toBe(true);
    }
  });
});

describe('audit over all records', () => {
  const linesByDoc: Partial<Record<DocKey, string[]>> = {};
  for (const m of readSources(ROOT)) linesByDoc[m.key] = readLines(join(ROOT, 'data/sources', m.file));
  const issues = auditRecords(kb().records, linesByDoc);

  it('finds no record starting lowercase and no leftover markup', () => {
    const c = countByKind(issues);
    expect(c['starts-lowercase']).toBe(0);
    expect(issues.filter((i) => i.kind === 'markup')).toEqual([]);
  });

  it('lists only reviewed, genuine capital-start joins (names after "the", "Ms.", a comma…)', () => {
    const ids = [...new Set(issues.filter((i) => i.kind === 'capital-join').map((i) => i.id))].sort();
    expect(ids).toEqual([
      '000:III:p1',
      '000:VI:p12',
      '000:VI:p4',
      '001:VIII:p17',
      '002:ch10:activities:p25',
      '002:ch10:activities:p30',
      '002:ch10:gfmd:p4',
      '002:ch14:activities:p1',
      '002:ch19:activities:p27',
      '002:ch21:good-practices:p6',
      '002:ch22:activities:p30',
      '002:ch22:activities:p6',
      '002:ch22:gaps:(g)',
      '002:ch25:good-practices:(b)',
      '002:ch27:challenges:p2',
      '002:ch29:activities:p15',
      '002:ch29:activities:p3',
      '002:ch2:activities:p6',
      '002:ch4:activities:p1',
      '002:ch7:gfmd:p3',
      '002:ch9:activities:p6',
      '004:para63',
    ]);
  });

  it('has no stray digit markers except real numbers', () => {
    const hits = issues.filter((i) => i.kind === 'digit-marker').map((i) => i.excerpt);
    // Every remaining hit is a count or a number ("15 principles", "No. 26", "44 countries").
    for (const h of hits)
      expect(h, h).toMatch(/\b(?:No\.|\d{1,2} (?:and|principles|countries|per cent|to|background|national|regional))/);
  });
});

describe('text hygiene of every excerpt', () => {
  it('has no markdown, HTML, bullets at starts, doubled spaces or \\dots', () => {
    for (const r of kb().records) {
      for (const t of [r.text, ...(r.subItems ?? []).map((s) => s.text), ...(r.context ? [r.context] : [])]) {
        expect(t, r.id).not.toMatch(/\*|<\/?(?:sup|i|b)>|\\dots|\]\(|[⁰¹²³⁴⁵⁶⁷⁸⁹⁽]/);
        expect(t, r.id).not.toMatch(/^- |\n- /);
        expect(t, r.id).not.toMatch(/ {2,}|^\s|\s$/);
      }
    }
  });

  it('keeps italic titles as plain words', () => {
    expect(allText().includes('Global Education Digest')).toBe(true);
    expect(allText().includes('*Global Education Digest*')).toBe(false);
  });
});
