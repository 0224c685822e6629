/**
 * Documents 000 (2015) and 001 (2017), coordination-meeting reports: unnumbered paragraphs under
 * roman-numeral headings. Passages are labelled by ordinal within their section ("p3"), ids
 * "000:III:p3". Front matter, the 001 contents page and abbreviation list are not body text.
 */
import type { DocKey, KbRecord } from '../../kb/types';
import { KbParseError } from './errors';
import { buildUnits } from './units';

const ROMAN_HEADING = /^(?:#{1,6}\s*)?(?:\*\*)?([IVX]+)\.\s+(.+?)(?:\*\*)?$/;

interface MeetingLayout {
  doc: DocKey;
  /** First body line (after title pages / contents / abbreviations). */
  bodyFrom: number;
  /** Extra non-roman sections before the body: [from, to, id, title]. */
  preface?: [number, number, string, string];
  /**
   * Capital-start continuations that no rule can see: 000 l.117 ends "…on International" and
   * l.119 goes on "Migration and Development…" (seeds.md, 000 quirks).
   */
  knownContinuations?: ReadonlySet<number>;
}

export const MEETING_LAYOUTS: Record<'000' | '001', MeetingLayout> = {
  '000': { doc: '000', bodyFrom: 13, knownContinuations: new Set([119]) },
  '001': { doc: '001', bodyFrom: 114, preface: [50, 54, 'preface', 'Preface'] },
};

function sectionRecords(
  doc: DocKey,
  lines: readonly string[],
  from: number,
  to: number,
  key: string,
  title: string,
): KbRecord[] {
  const known = doc === '000' || doc === '001' ? MEETING_LAYOUTS[doc].knownContinuations : undefined;
  const { units } = buildUnits(lines, from, to, known ? { knownContinuations: known } : {});
  const out: KbRecord[] = [];
  let p = 0;
  let subtitle: string | undefined;
  for (const u of units) {
    if (u.kind === 'heading') {
      subtitle = u.text;
      continue;
    }
    p++;
    const r: KbRecord = {
      id: `${doc}:${key}:p${p}`,
      kind: 'passage',
      text: u.kind === 'item' && u.label ? `(${u.label}) ${u.text}` : u.text,
      citation: {
        doc,
        section: 'body',
        sectionTitle: subtitle ? `${title} — ${subtitle}` : title,
        label: `p${p}`,
        lines: [u.start, u.end],
      },
    };
    if (u.footnotes.length) r.footnotes = u.footnotes;
    out.push(r);
  }
  return out;
}

export function parseMeeting(doc: '000' | '001', lines: readonly string[], file: string): KbRecord[] {
  const layout = MEETING_LAYOUTS[doc];
  const heads: { n: number; roman: string; title: string }[] = [];
  for (let n = layout.bodyFrom; n <= lines.length; n++) {
    const m = ROMAN_HEADING.exec((lines[n - 1] ?? '').trim());
    if (m?.[1] && m[2]) heads.push({ n, roman: m[1], title: `${m[1]}. ${m[2].replace(/\*\*/g, '').trim()}` });
  }
  if (heads.length < 5)
    throw new KbParseError(file, layout.bodyFrom, `expected roman-numeral section headings, found ${heads.length}`);
  const out: KbRecord[] = [];
  if (layout.preface) {
    const [a, b, key, title] = layout.preface;
    out.push(...sectionRecords(doc, lines, a, b, key, title));
  }
  const firstHead = heads[0]!;
  if (firstHead.n > layout.bodyFrom)
    out.push(...sectionRecords(doc, lines, layout.bodyFrom, firstHead.n - 1, 'intro', 'Introduction'));
  heads.forEach((h, i) => {
    const end = (heads[i + 1]?.n ?? lines.length + 1) - 1;
    out.push(...sectionRecords(doc, lines, h.n + 1, end, h.roman, h.title));
  });
  return out;
}
