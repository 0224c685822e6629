/**
 * Turns a range of physical source lines into logical units (paragraphs, list items, headings),
 * with footnotes moved out and page-break splits re-joined. Every paragraph in the sources is one
 * physical line, so a "unit" starts as one line and grows only by re-joining continuations.
 */
import type { FootnoteRef } from './types';
import {
  cleanInline, endsSentence, footnoteMarker, joinHalves, looksLikeHeading, looksLikeUnmarkedFootnote,
  startsLowercase,
} from './text';

export type UnitKind = 'text' | 'item' | 'heading';

export interface Unit {
  kind: UnitKind;
  text: string;
  refs: string[];
  /** 1-based inclusive source lines. */
  start: number;
  end: number;
  /** List label without parentheses ("a", "iii", "I"); undefined for a bullet that lost its label. */
  label?: string;
  /** 0 = top-level item, 1 = indented sub-item. */
  level?: 0 | 1;
  footnotes: FootnoteRef[];
}

export interface UnitOptions {
  /** Lines known to be unmarked footnotes where heuristics fail (1-based). */
  knownFootnotes?: ReadonlySet<number>;
  /** Lines known to continue the previous paragraph although they start with a capital. */
  knownContinuations?: ReadonlySet<number>;
  /** Lines that start a new paragraph although the previous one ends mid-sentence. */
  knownParagraphStarts?: ReadonlySet<number>;
  /** Apply the unmarked-footnote heuristics (002 only). */
  detectUnmarked?: boolean;
  /** Treat short unpunctuated lines as headings (default true). */
  headings?: boolean;
}

export interface UnitResult {
  units: Unit[];
  /** Footnotes that could not be attached to any unit in the range. */
  orphanFootnotes: FootnoteRef[];
}

const ITEM = /^(\s*)(-\s+)?\(([a-z]|[ivx]+|I)\)\s+(.*)$/;
const BARE_BULLET = /^(\s*)-\s+(.*)$/;

type Classified =
  | { type: 'blank' }
  | { type: 'footnote'; marker: string; text: string }
  | { type: 'item'; label?: string; level: 0 | 1; text: string; refs: string[] }
  | { type: 'dash-continuation'; text: string; refs: string[] }
  | { type: 'text'; text: string; refs: string[] };

export function classifyLine(raw: string, lineNo: number, opts: UnitOptions): Classified {
  // Blank, or the markdown rule that opens 001's footnote block (l.176): layout only.
  if (raw.trim() === '' || /^-{3,}$/.test(raw.trim())) return { type: 'blank' };
  const marker = footnoteMarker(raw);
  if (marker !== null) {
    const body = raw.trimStart().replace(/^[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s*|^<sup>[^<]*<\/sup>\s*|^\*\s+/i, '');
    return { type: 'footnote', marker, text: cleanInline(body).text };
  }
  if (opts.knownFootnotes?.has(lineNo)) return { type: 'footnote', marker: '', text: cleanInline(raw).text };
  const item = ITEM.exec(raw);
  if (item) {
    const c = cleanInline(item[4] ?? '');
    const level = (item[1] ?? '').length > 0 ? 1 : 0;
    return { type: 'item', label: item[3], level, text: c.text, refs: c.refs };
  }
  const bullet = BARE_BULLET.exec(raw);
  if (bullet) {
    const c = cleanInline(bullet[2] ?? '');
    // "- conditions of work…": a page-break continuation that the converter bulleted.
    if (startsLowercase(c.text)) return { type: 'dash-continuation', text: c.text, refs: c.refs };
    return { type: 'item', level: (bullet[1] ?? '').length > 0 ? 1 : 0, text: c.text, refs: c.refs };
  }
  const c = cleanInline(raw);
  if (c.text === '') return { type: 'blank' };
  if (opts.detectUnmarked && looksLikeUnmarkedFootnote(c.text)) {
    return { type: 'footnote', marker: '', text: c.text };
  }
  return { type: 'text', text: c.text, refs: c.refs };
}

/** Drop plain-digit footnote markers left at the end of a line ("…emigration. 10"). */
function stripTrailingDigitMarker(text: string): string {
  return text.replace(/([.;,])\s\d{1,2}$/, '$1');
}

export function buildUnits(lines: readonly string[], from: number, to: number, opts: UnitOptions = {}): UnitResult {
  const units: Unit[] = [];
  const orphanFootnotes: FootnoteRef[] = [];
  const useHeadings = opts.headings ?? true;
  let last: Unit | undefined; // last non-heading unit, target of continuations
  let prev: Unit | undefined; // last unit of any kind

  for (let n = from; n <= to; n++) {
    const c = classifyLine(lines[n - 1] ?? '', n, opts);
    if (c.type === 'blank') continue;
    if (c.type === 'footnote') {
      const fn: FootnoteRef = { marker: c.marker, text: c.text, line: n };
      // A marked footnote belongs to the unit that printed its marker; unmarked ones to the
      // paragraph they interrupt (the page they sit on), i.e. the preceding unit.
      const owner = (c.marker && [...units].reverse().find((u) => u.refs.includes(c.marker))) || last;
      if (owner) owner.footnotes.push(fn);
      else orphanFootnotes.push(fn);
      continue;
    }
    const text = stripTrailingDigitMarker(c.text);
    const canContinue = last !== undefined && prev === last && opts.knownParagraphStarts?.has(n) !== true;
    const continues =
      canContinue && last !== undefined &&
      (c.type === 'dash-continuation' ||
        (c.type === 'text' &&
          (startsLowercase(text) || !endsSentence(last.text) || opts.knownContinuations?.has(n) === true)));
    if (continues && last) {
      last.text = joinHalves(last.text, text);
      last.refs.push(...c.refs);
      last.end = n;
      continue;
    }
    let unit: Unit;
    if (c.type === 'item') {
      unit = { kind: 'item', text, refs: [...c.refs], start: n, end: n, level: c.level, footnotes: [] };
      if (c.label !== undefined) unit.label = c.label;
    } else {
      const heading = useHeadings && c.type === 'text' && looksLikeHeading(text);
      unit = { kind: heading ? 'heading' : 'text', text, refs: [...c.refs], start: n, end: n, footnotes: [] };
    }
    units.push(unit);
    prev = unit;
    if (unit.kind !== 'heading') last = unit;
  }
  return { units, orphanFootnotes };
}
