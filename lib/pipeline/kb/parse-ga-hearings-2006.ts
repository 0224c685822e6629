/**
 * Document 004 (GA hearings summary, 2006): 76 numbered paragraphs, cited "para N" as in UN
 * practice. Paragraph numbers must increase 1→76 without gaps; short "N. Title" lines that break the
 * sequence are sub-headings. §II (paras 8–22) is the key-findings section; the annex is one record.
 */
import type { FootnoteRef, KbRecord, SectionKind } from '../../kb/types';
import { KbParseError } from './errors';
import { cleanInline, footnoteMarker, looksLikeHeading } from './text';

const BODY_FROM = 51; // "I. Introduction"; l.1–49 are the heading block and contents page
const NUMBERED = /^(\d{1,2})\.\s+(.*)$/;
const ROMAN = /^([IVX]+)\.\s+(.+)$/;
const LETTER = /^([A-H])\.\s+(.+)$/;

export const PARAGRAPHS_004 = 76;

export function parse004(lines: readonly string[], file: string): KbRecord[] {
  const out: KbRecord[] = [];
  let roman = '';
  let romanTitle = '';
  let letter = '';
  let sub = '';
  let expected = 1;
  let current: KbRecord | undefined;
  let annexFrom = -1;
  const pending: FootnoteRef[] = [];

  for (let n = BODY_FROM; n <= lines.length; n++) {
    const raw = lines[n - 1] ?? '';
    if (raw.trim() === '') continue;
    const t = cleanInline(raw).text;
    if (t === 'Annex') {
      annexFrom = n;
      break;
    }
    const marker = footnoteMarker(raw);
    if (marker !== null) {
      const fn: FootnoteRef = { marker, text: cleanInline(raw.trim().replace(/^[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s*/, '')).text, line: n };
      if (current) current.footnotes = [...(current.footnotes ?? []), fn];
      else pending.push(fn);
      continue;
    }
    const num = NUMBERED.exec(t);
    if (num?.[1] && num[2] !== undefined && Number(num[1]) === expected && !(looksLikeHeading(t) && t.length < 120)) {
      const section: SectionKind = roman === 'II' ? 'key-findings' : 'body';
      const title = [romanTitle, letter, sub].filter(Boolean).join(' — ');
      const c = cleanInline(num[2]);
      current = {
        id: `004:para${expected}`,
        kind: 'passage',
        text: c.text,
        citation: {
          doc: '004',
          section,
          ...(title ? { sectionTitle: title } : {}),
          label: `para ${expected}`,
          lines: [n, n],
        },
      };
      out.push(current);
      expected++;
      continue;
    }
    const rm = ROMAN.exec(t);
    if (rm?.[1] && rm[2]) {
      roman = rm[1];
      romanTitle = t;
      letter = '';
      sub = '';
      current = undefined;
      continue;
    }
    if (LETTER.test(t)) {
      letter = t;
      sub = '';
      current = undefined;
      continue;
    }
    if (looksLikeHeading(t)) {
      sub = t;
      current = undefined;
      continue;
    }
    // Anything else continues the paragraph across a page break — including capital-start
    // continuations such as l.259 "Migrant communities could work…" (para 67).
    if (!current) throw new KbParseError(file, n, `text outside a numbered paragraph: "${t.slice(0, 60)}"`);
    current.text = `${current.text} ${t}`;
    current.citation.lines = [current.citation.lines[0], n];
  }
  if (expected - 1 !== PARAGRAPHS_004) {
    throw new KbParseError(file, lines.length, `expected ${PARAGRAPHS_004} numbered paragraphs, found ${expected - 1}`);
  }
  if (annexFrom < 0) throw new KbParseError(file, lines.length, 'annex not found');
  const annex: string[] = [];
  let annexTo = annexFrom;
  for (let n = annexFrom + 1; n <= lines.length; n++) {
    const t = cleanInline(lines[n - 1] ?? '').text;
    if (!t) continue;
    annex.push(t);
    annexTo = n;
  }
  out.push({
    id: '004:annex',
    kind: 'passage',
    text: annex.join('\n'),
    citation: { doc: '004', section: 'annex', sectionTitle: 'Annex', label: 'p1', lines: [annexFrom, annexTo] },
  });
  // The transmittal note (l.23) is the only prose before §I.
  const note = cleanInline(lines[22] ?? '').text;
  if (note.startsWith('The President')) {
    out.unshift({
      id: '004:note',
      kind: 'passage',
      text: note,
      citation: {
        doc: '004',
        section: 'body',
        sectionTitle: 'Note by the President of the General Assembly',
        label: 'p1',
        lines: [23, 23],
      },
    });
  }
  return out;
}
