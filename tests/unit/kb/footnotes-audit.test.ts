/**
 * Footnotes that the 2013 CEB conversion printed as body text, and the audit classes that find
 * them: a footnote stored as a body paragraph, a footnote spliced into or appended to a body, and a
 * record whose line range stops short of its text. Fixture sentences are made up; the pinned
 * records are checked against data/sources/2013-ceb-contributions-and-recommendations.txt.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  auditRecords,
  explainIssues,
  KNOWN_FALSE_POSITIVES,
  type AuditIssue,
  type AuditKind,
} from '../../../lib/pipeline/kb/audit';
import { readLines, readSources } from '../../../lib/pipeline/kb/build';
import { inferFootnoteNumbers } from '../../../lib/pipeline/kb/rehome';
import { buildUnits } from '../../../lib/pipeline/kb/units';
import type { DocKey, KbRecord } from '../../../lib/kb/types';
import { kb, rec, ROOT, visibleText } from './fixture';

function record(id: string, text: string, lines: [number, number], extra: Partial<KbRecord> = {}): KbRecord {
  return { id, kind: 'passage', text, citation: { doc: '002', chapter: 30, section: 'activities', lines }, ...extra };
}

function kindsFor(records: KbRecord[], lines: string[] = [], id = records[0]!.id): AuditKind[] {
  return auditRecords(records, { '002': lines })
    .filter((i) => i.id === id)
    .map((i) => i.kind);
}

describe('audit: footnote stored as a body paragraph', () => {
  it.each([
    ['a footnote number', '14 See the annual review of the river commission, Lakeside, 2009.'],
    ['"See"', 'See, for example: Lakeside Commission, Annual Review of River Basins (2009).'],
    ['"Available at"', 'Available at www.example.org/rivers/review.html.'],
    ['a bare URL', 'www.example.org/rivers/review-2009.pdf'],
    ['"may be downloaded from"', 'The review may be downloaded from www.example.org/rivers/review.pdf.'],
    ['a bibliographic reference', 'Q. Marlowe, "Rivers and towns," Lakeside Papers, No. 4 (2009).'],
    ['a founding note', 'Established in 1931 to map the river basins, the Commission later became a regional body.'],
  ])('flags a paragraph that opens with %s', (_what, note) => {
    const body = record('fx:p1', `The commission publishes a yearly review of river basins.\n${note}`, [1, 3]);
    expect(kindsFor([body])).toContain('footnote-as-body');
  });

  it('flags a footnote appended to a list item and to a sub-item', () => {
    const item = record('fx:(a)', '(a) The commission trained 40 inspectors.\nSee www.example.org/training.', [1, 3]);
    expect(kindsFor([item])).toContain('footnote-as-body');
    const sub = record('fx:(b)', '(b) Training covered:', [1, 2], {
      subItems: [{ label: '(i)', text: 'Available from www.example.org/modules.' }],
    });
    expect(kindsFor([sub])).toContain('footnote-as-body');
  });

  it('leaves body paragraphs that mention a website in passing alone', () => {
    const body = record(
      'fx:p2',
      'The commission publishes its river data free of charge through its website, www.example.org, and in ' +
        'a yearly printed review. The review covers forty basins, the towns along them and the water ' +
        'agreements between them, and it is used by planners in every member country. Its maps are ' +
        'updated every spring, after the snow melt, and they show the flood zones of each basin, the ' +
        'dams and the gauges that feed the data. A summary appears in three languages.',
      [1, 1],
    );
    expect(kindsFor([body])).not.toContain('footnote-as-body');
  });
});

describe('audit: footnote spliced into or appended to a body', () => {
  it('flags web addresses spliced mid-sentence, the sentence continuing after them', () => {
    const body = record(
      'fx:p3',
      'Shared rivers can bring mutual rivers/2009/review.pdf; www.example.org/maps.html; and example.org/x1. ' +
        'benefits to upstream and downstream towns.',
      [1, 5],
    );
    expect(kindsFor([body])).toContain('footnote-in-body');
  });

  it('flags a pointer appended after a sentence end, with or without its number', () => {
    for (const tail of ['Visit the project website at www.example.org/floods.', '7 See www.example.org/floods.']) {
      const body = record('fx:p4', `The river flooded twice in 2010. ${tail}`, [1, 1]);
      expect(kindsFor([body]), tail).toContain('footnote-in-body');
    }
  });

  it('leaves a website named inside a sentence alone', () => {
    const body = record(
      'fx:p5',
      'The commission posts its data on www.example.org. The data cover forty basins and their towns.',
      [1, 1],
    );
    expect(kindsFor([body])).not.toContain('footnote-in-body');
  });
});

describe('audit: record line range stops short', () => {
  const lines = [
    'The commission works with the towns along each river on the protection of drinking water and on',
    '',
    'A second paragraph of the same record, printed in between, ends here with a full stop.',
    '',
    'the rules that govern the sharing of water between upstream and downstream towns in dry years.',
    '',
    'Next heading',
  ];
  const joined =
    'The commission works with the towns along each river on the protection of drinking water and on ' +
    'the rules that govern the sharing of water between upstream and downstream towns in dry years.\n\n' +
    'A second paragraph of the same record, printed in between, ends here with a full stop.';

  it('flags a range that ends before the second half of a paragraph it holds', () => {
    expect(kindsFor([record('fx:mandate', joined, [1, 3])], lines)).toContain('range-short');
    expect(kindsFor([record('fx:mandate', joined, [1, 5])], lines)).not.toContain('range-short');
  });

  it('flags a sentence continued on the next source line that no record covers', () => {
    const first = record('fx:p6', 'The commission works on drinking water.', [3, 3]);
    expect(kindsFor([first], lines)).toContain('range-short');
    const other = record('fx:p7', 'the rules that govern the sharing of water.', [5, 5]);
    expect(kindsFor([first, other], lines)).not.toContain('range-short');
  });
});

describe('audit over the real records', () => {
  const linesByDoc: Partial<Record<DocKey, string[]>> = {};
  for (const m of readSources(ROOT)) linesByDoc[m.key] = readLines(join(ROOT, 'data/sources', m.file));
  const issues = explainIssues(auditRecords(kb().records, linesByDoc));
  const show = (xs: AuditIssue[]) => xs.map((i) => `${i.kind} ${i.id}: ${i.excerpt}`);

  it('has no unexplained hit: each one is fixed or a reviewed false positive', () => {
    expect(show(issues.filter((i) => i.known === undefined))).toEqual([]);
  });

  it('finds no footnote in body text and no short range', () => {
    const hits = issues.filter((i) => ['footnote-in-body', 'range-short'].includes(i.kind));
    expect(show(hits)).toEqual([]);
  });

  it('lists no stale false positive (each entry still matches a hit)', () => {
    const hit = new Set(issues.map((i) => `${i.id} ${i.kind}`));
    const stale = KNOWN_FALSE_POSITIVES.filter(([id, kind]) => !hit.has(`${id} ${kind}`)).map(
      ([id, k]) => `${id} ${k}`,
    );
    expect(stale).toEqual([]);
  });

  it('gives every false positive a reason', () => {
    for (const [id, kind, why] of KNOWN_FALSE_POSITIVES) expect(why.length, `${id} ${kind}`).toBeGreaterThan(15);
  });
});

describe('parser pieces', () => {
  it('infers the numbers of unmarked footnotes only where the run fits the numbering', () => {
    const fn = (marker: string, line: number) => ({ marker, text: `note at ${line}`, line });
    const a = [fn('1', 10), fn('', 12), fn('', 14), fn('4', 16), fn('', 18)];
    const got = inferFootnoteNumbers(a, new Set(['1', '2', '3', '4', '5']));
    expect([...got.entries()].map(([f, n]) => `${f.line}=${n}`)).toEqual(['12=2', '14=3', '18=5']);
    // Two bodies for one number (a note printed as two paragraphs): nothing is guessed.
    const b = [fn('1', 10), fn('', 12), fn('', 14), fn('3', 16)];
    expect(inferFootnoteNumbers(b, new Set(['1', '2', '3'])).size).toBe(0);
    // A number never printed as a reference is not assigned.
    expect(inferFootnoteNumbers([fn('1', 10), fn('', 12), fn('3', 14)], new Set(['1', '3'])).size).toBe(0);
  });

  it('keeps a footnote that wraps onto glued lines in one footnote, web addresses whole', () => {
    const lines = [
      'Water shortages threaten towns along many rivers, especially in dry years, and the joint management of a shared river can bring mutual',
      '',
      'For further reading, see also: www.example.org/data/',
      'reports/2009.pdf; www.',
      'example-rivers.org/maps.html.',
      '',
      'benefits to towns.',
    ];
    const { units } = buildUnits(lines, 1, lines.length, { detectUnmarked: true });
    expect(units.map((u) => u.text)).toEqual([
      'Water shortages threaten towns along many rivers, especially in dry years, and the joint management of a shared river can bring mutual benefits to towns.',
    ]);
    expect(units[0]!.footnotes.map((f) => f.text)).toEqual([
      'For further reading, see also: www.example.org/data/reports/2009.pdf; www.example-rivers.org/maps.html.',
    ]);
  });
});

/** The record whose source range covers line `n` of document 002. */
function at002(n: number): KbRecord | undefined {
  return kb().records.find((x) => x.citation.doc === '002' && x.citation.lines[0] <= n && n <= x.citation.lines[1]);
}

describe('002 footnotes that were body text', () => {
  it('002:ch26:challenges:p3 has no footnote text in its body; the sentence is whole again', () => {
    const r = rec('002:ch26:challenges:p3');
    expect(r.text).toContain(
      'Migration of health personnel can bring mutual benefits to origin and destination countries, but migration',
    );
    expect(r.text).not.toMatch(/pdf_file|www\.|bit\.ly/);
    expect(r.citation.lines).toEqual([4858, 4870]);
    // The footnote wrapped over three source lines (l.4864–4866); its web addresses are whole.
    const fn = r.footnotes?.find((f) => f.line === 4864);
    expect(fn?.text).toMatch(/^For further relevant publications on migration, development and health/);
    expect(fn?.text).toContain('www.euro.who.int/__data/assets/pdf_file/0005/127526/e94497.pdf;');
    expect(fn?.text).toContain('www.migrant-health-europe.org/background-papers/capactity-building.html;');
    expect(fn?.text).toMatch(/and bit\.ly\/9hzyLs\.$/);
  });

  it('list items no longer carry footnotes: 002:ch13:activities:(e) and 002:ch18:activities:(d)', () => {
    const e = rec('002:ch13:activities:(e)');
    expect(e.text).toMatch(/spatial integration of migrants in cities\.$/);
    expect(e.text).not.toMatch(/Balbo|unfccc/);
    expect(e.citation.lines).toEqual([2617, 2617]);
    const d = rec('002:ch18:activities:(d)');
    expect(d.text).toMatch(/between communities and livelihood groups\.$/);
    expect(d.text).not.toMatch(/CILSS|www\./);
    expect(d.citation.lines).toEqual([3322, 3322]);
    const footnoteLines = kb()
      .records.filter((r) => r.citation.chapter === 13 || r.citation.chapter === 18)
      .flatMap((r) => r.footnotes ?? [])
      .map((f) => f.line);
    expect(footnoteLines).toEqual(expect.arrayContaining([2621, 2625, 3324]));
  });

  it('the ILO mandate holds its whole mandate statement and its range covers it (l.1127–1141)', () => {
    const m = rec('002:ch5:mandate');
    expect(m.citation.lines).toEqual([1127, 1141]);
    expect(m.text).toContain(
      "The rights-based approach is reflected in the Organization's constitutional global mandate to protect " +
        "migrant workers; international labour standards, including the Organization's fundamental human " +
        'rights conventions, which cover all migrant workers',
    );
    expect(m.text).toContain('adopted the Plan of Action for Migrant Workers to advance this goal.');
  });

  it.each([
    [645, 'A copy of the guidelines can be downloaded from ftp://'],
    [859, 'MRTD-related technical reports and guidance materials are available at'],
    [878, 'Annex 9 ("Facilitation"), Standard 3.10 to the Convention on International Civil Aviation'],
    [1203, 'Attention to gender issues in migration also featured in'],
    [1447, 'Established in 1951 for the specific purpose of resettling'],
    [1556, 'See, for example: IOM, Economic and Social Impacts of Remittances'],
    [1558, 'Migration Profiles are an initiative proposed by the European Commission'],
    [1702, 'The Committee was created in 2006 as a member of the Conference'],
    [1811, 'OHCHR was established by the UN General Assembly (UNGA) on 20 December 1993'],
    [2004, 'The five UN regional commissions are the Economic Commission for Africa'],
    [2045, 'The project website is www.cepal.org'],
    [2343, 'The special procedures of the Human Rights Council are set by'],
    [2919, 'The Population Division of UN DESA was established in 1946'],
    [3453, "Information on UNESCO's past activities in relation to migration"],
    [3457, 'For a full list of research papers produced within the context'],
    [3461, 'Diversities succeeded the International Journal on Multicultural Societies'],
    [3489, 'These include the regional conventions for: Latin America'],
    [3491, 'The text of all instruments is available at'],
    [3493, 'TOPIC&URL_SECTION=-471.html.'],
    [3497, 'Since 1975 the number of mobile students has grown nearly four-fold'],
    [3881, 'The Office of the UNHCR was established on 14 December 1950'],
    [3990, 'The MMTF works to ensure a comprehensive and coordinated response'],
    [4090, "The International Children's Emergency Fund was created in December 1946"],
    [4378, 'UNITAR was established as an autonomous body within the UN system in 1965'],
    [4519, 'The film may be viewed at www.unodc.org/unodc/multimedia.html'],
    [4642, 'More information on this project can be found in: World Bank'],
    [4787, 'Gijón-Sánchez, Mariá-Teresa et al., (2010), available from'],
    [4959, 'J.-C. Dumont and G. Lemaître, "Counting immigrants and expatriates'],
    [5013, 'Established in 1950, WMO became the specialized agency'],
    [5217, 'Diaspora for Development in Africa may be downloaded from'],
  ])('l.%i is a footnote, not body text: "%s…"', (line, start) => {
    const all = kb().records.filter((r) => r.citation.doc === '002');
    expect(all.some((r) => visibleText(r).includes(start))).toBe(false);
    const owners = all.filter((r) => r.footnotes?.some((f) => f.line === line && f.text.startsWith(start)));
    expect(owners, `footnote l.${line}`).toHaveLength(1);
  });

  it('keeps footnotes whose marker is printed in a heading (IFAD l.919 → fn l.933, ECLAC l.2000 → l.2006)', () => {
    expect(rec('002:ch4:activities:p2').citation.lines[0]).toBe(921);
    expect(rec('002:ch4:activities:p2').footnotes).toContainEqual(expect.objectContaining({ marker: '2', line: 933 }));
    expect(at002(2002)?.footnotes).toContainEqual(expect.objectContaining({ marker: '2', line: 2006 }));
  });

  it('re-homes founding notes to the mandate that prints their number (IOM, OHCHR, UNICEF, UNITAR)', () => {
    for (const [id, line] of [
      ['002:ch7:mandate', 1447],
      ['002:ch9:mandate', 1811],
      ['002:ch22:mandate', 4090],
      ['002:ch23:mandate', 4378],
    ] as const) {
      expect(
        rec(id).footnotes?.map((f) => f.line),
        id,
      ).toContain(line);
    }
  });

  it('numbers the paragraphs after a removed one by what the page prints', () => {
    // [id, first source line]: the body paragraph that now has this ordinal in its section.
    const cases: [string, number][] = [
      ['002:ch2:activities:p5', 649], // "FAO has been involved in various events…"; l.645 was p5
      ['002:ch7:activities:p2', 1449], // "IOM strengthens the protection…"; l.1447 was p2
      ['002:ch9:activities:p2', 1815], // after l.1811 (OHCHR founding note)
      ['002:ch10:activities:p3', 2008], // after l.2004 (the five commissions)
      ['002:ch19:activities:p4', 3463], // after l.3453, l.3457 and l.3461
      ['002:ch19:activities:p10', 3487], // "The UNESCO Institute for Statistics…"
      ['002:ch19:activities:p11', 3503], // after l.3489–3497
      ['002:ch22:activities:p2', 4092], // "Since 2006 UNICEF has: (a)…"
      ['002:ch23:activities:p4', 4380], // "Through its Human Mobility Programme…"
    ];
    for (const [id, line] of cases) expect(rec(id).citation.lines[0], id).toBe(line);
    // No gaps or reordering: in each section, p1…pN follow the page order.
    const bySection = new Map<string, KbRecord[]>();
    for (const r of kb().records.filter((x) => x.citation.doc === '002' && /:p\d+$/.test(x.id))) {
      const key = r.id.replace(/:p\d+$/, '');
      bySection.set(key, [...(bySection.get(key) ?? []), r]);
    }
    for (const [key, rs] of bySection) {
      expect(
        rs.map((r) => Number(/:p(\d+)$/.exec(r.id)?.[1])),
        key,
      ).toEqual(rs.map((_, i) => i + 1));
      const starts = rs.map((r) => r.citation.lines[0]);
      expect(starts, key).toEqual([...starts].sort((a, b) => a - b));
    }
  });
});
