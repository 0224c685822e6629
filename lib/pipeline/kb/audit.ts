/**
 * Text-quality audit over parsed records (`kb audit`). Records are shown verbatim to users, so
 * every artefact of a wrong page-break join or left-over markup is a visible defect. The audit
 * looks only at the places where the source had a line break (join points), because that is where
 * the parser decided something; a capitalised word after "the" elsewhere is just the author's prose.
 */
import type { DocKey, KbRecord } from '../../kb/types';
import { cleanInline, endsSentence, startsLowercase } from './text';

export type AuditKind = 'capital-join' | 'no-final-punctuation' | 'starts-lowercase' | 'markup' | 'digit-marker';

export interface AuditIssue {
  id: string;
  kind: AuditKind;
  /** The offending stretch of text, for a human to judge. */
  excerpt: string;
}

/** Words after which a capitalised continuation is almost never a new sentence. */
const MID_SENTENCE_WORD =
  /\b(the|a|an|of|to|and|for|in|on|by|with|that|direct|prevent|from|as|at|or|is|are|its|their|which|these|this)$/i;
/** Leftover conversion markup a reader must never see. */
const MARKUP = /\*|<\/?[a-z]+>|\\dots| {2,}|(^|\n)- |[⁰¹²³⁴⁵⁶⁷⁸⁹⁽]|\]\(/;
/**
 * Digits that read like a lost footnote marker: glued after punctuation that follows a word or a
 * bracket ("fathers.8", "(WHA63.16).8"), after a number at the very end ("was 37.6"), or set off
 * after punctuation before a lowercase word ("workers, 10 and"). "No.44" and decimals are not hits.
 */
const DIGIT_MARKER = /(?<!\bNos?)(?<=[a-z)”"])[.,;:]\d{1,2}(?=\s|$)|\d\.\d{1,2}$|[.,;] \d{1,2}(?= [a-z])/;

function snippet(text: string, at: number, width = 50): string {
  return text.slice(Math.max(0, at - width), at + width).replace(/\n/g, ' ⏎ ');
}

/** Start of a source line's cleaned text, without list labels and bullets. */
function lineHead(raw: string): string {
  const t = cleanInline(raw.replace(/^\s*-\s+/, '').replace(/^\s*\(([a-z]|[ivx]+|I)\)\s+/, '')).text;
  return t.slice(0, 40);
}

/**
 * Join points: positions in the record text where a later source line of its range begins.
 * Found by locating each line's opening words; lines that are footnotes or not in the text are skipped.
 */
function joinPoints(r: KbRecord, lines: readonly string[]): number[] {
  const out: number[] = [];
  const [a, b] = r.citation.lines;
  let from = 0;
  for (let n = a + 1; n <= b; n++) {
    const head = lineHead(lines[n - 1] ?? '');
    if (head.length < 8) continue;
    const at = r.text.indexOf(head, from);
    if (at > 0) {
      out.push(at);
      from = at + head.length;
    }
  }
  return out;
}

function visible(r: KbRecord): string[] {
  return [r.text, ...(r.subItems ?? []).map((s) => s.text), ...(r.context ? [r.context] : [])];
}

export function auditRecords(
  records: readonly KbRecord[],
  linesByDoc: Partial<Record<DocKey, readonly string[]>>,
): AuditIssue[] {
  const issues: AuditIssue[] = [];
  for (const r of records) {
    const lines = linesByDoc[r.citation.doc];
    if (lines) {
      for (const at of joinPoints(r, lines)) {
        const before = r.text.slice(0, at).trimEnd();
        const next = r.text.slice(at);
        // A capital-start join is suspicious when the text before it is mid-sentence.
        // A list label or a new line before the join point means the parser kept them apart.
        if (
          /^[A-Z]/.test(next) &&
          !endsSentence(before) &&
          !/(?:^|\n)(?:\([a-z]+\) ?|• )?$/.test(r.text.slice(0, at))
        ) {
          const strong = MID_SENTENCE_WORD.test(before);
          issues.push({ id: r.id, kind: 'capital-join', excerpt: `${strong ? '!! ' : ''}${snippet(r.text, at)}` });
        }
      }
    }
    // Shown records should end a sentence; 004's annex is a timetable, not prose.
    if (r.id !== '004:annex') {
      const last = r.subItems?.length ? r.subItems[r.subItems.length - 1]!.text : r.text;
      if (!endsSentence(last) && !/[.?!:;,”")]$/.test(last.trimEnd())) {
        issues.push({ id: r.id, kind: 'no-final-punctuation', excerpt: last.slice(-80) });
      }
    }
    if (startsLowercase(r.text)) issues.push({ id: r.id, kind: 'starts-lowercase', excerpt: r.text.slice(0, 80) });
    for (const t of visible(r)) {
      const m = MARKUP.exec(t);
      if (m) issues.push({ id: r.id, kind: 'markup', excerpt: snippet(t, m.index, 30) });
      const d = DIGIT_MARKER.exec(t);
      if (d) issues.push({ id: r.id, kind: 'digit-marker', excerpt: snippet(t, d.index, 30) });
    }
  }
  return issues;
}

export function countByKind(issues: readonly AuditIssue[]): Record<AuditKind, number> {
  const out: Record<AuditKind, number> = {
    'capital-join': 0,
    'no-final-punctuation': 0,
    'starts-lowercase': 0,
    markup: 0,
    'digit-marker': 0,
  };
  for (const i of issues) out[i.kind]++;
  return out;
}
