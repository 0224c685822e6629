/**
 * Turns a range of physical source lines into logical units (paragraphs, list items, headings),
 * with footnotes moved out and page-break splits re-joined. Every paragraph in the sources is one
 * physical line, so a "unit" starts as one line and grows only by re-joining continuations.
 */
import type { FootnoteRef } from '../../kb/types';
import {
  cleanInline,
  endsSentence,
  footnoteMarker,
  joinHalves,
  looksLikeHeading,
  looksLikeUnmarkedFootnote,
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
  /** A line printed right under a footnote line with no blank between: the footnote wraps. */
  | { type: 'footnote-continuation'; text: string }
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

/** A line opening with the middle of a web address: "pdf_file/0005/…", "migrant-health-europe.org/…". */
const URL_FRAGMENT = /^[^\s/]+\/\S/;

/** How far (non-blank lines) to look for the lowercase continuation of a paragraph cut by a page break. */
const LOOKAHEAD = 14;

/**
 * Is there a lowercase-start continuation line ahead, with only finished lines (footnote bodies
 * that end a sentence) in between? That is the page layout of a paragraph cut at the bottom of a
 * page: half A, the page's footnotes (often without their marker), then half B on the next page.
 * Any unfinished line, heading-like line or list item in between means the layout is something else.
 */
function lowercaseContinuationAhead(
  cls: readonly Classified[],
  from: number,
  to: number,
  base: number,
  refs: boolean,
): boolean {
  let seen = 0;
  for (let n = from; n <= to && seen < LOOKAHEAD; n++) {
    const c = cls[n - base];
    if (!c || c.type === 'blank') continue;
    seen++;
    if (c.type === 'footnote' || c.type === 'footnote-continuation') continue;
    if (c.type === 'dash-continuation') return true;
    if (c.type !== 'text') return false;
    if (startsLikeContinuation(c.text)) return true;
    // A reference that ends on its year, "(World Bank, Washington D.C., 2006)" (l.763), is no body line.
    if (!endsSentence(stripTrailingDigitMarker(c.text)) && !(refs && footnoteLike(c.text))) return false;
  }
  return false;
}

/** Second halves start lowercase, or with a number ("2006 HLD, UN-Habitat published…" l.2612). */
function startsLikeContinuation(text: string): boolean {
  return startsLowercase(text) || /^\d/.test(text);
}

/**
 * Page-bottom reference text that lost its footnote marker: a URL, "See…", a citation. Used only
 * while a cut paragraph waits for its second half, where body text cannot sit.
 */
function footnoteLike(text: string): boolean {
  return (
    looksLikeUnmarkedFootnote(text) ||
    /(?:https?:\/\/|www\.) ?\S|\bavailable (?:from|at) /.test(text) ||
    /^See\b/.test(text) ||
    /\([^()]*\b(?:19|20)\d\d\)$/.test(text)
  );
}

/**
 * Words that open a sentence, not a name: a capital-start line beginning with one of them after an
 * unfinished paragraph is a new paragraph ("…among others" / "This lack of…", WHO l.4881), unless the
 * paragraph cannot end where it stops (MID_SENTENCE_END). Participles ("Utilizing…") likewise.
 */
const SENTENCE_OPENER =
  /^(?:The|This|These|Those|That|It|Its|In|On|At|For|From|As|A|An|However|Also|Further|Furthermore|Moreover|Although|While|With|To|By|Since|During|Over|Through|Such|Another|Other|Many|Most|Some|We|Our|They|Their|There|Each|All|Both|Given|Despite|Within|Among|Under|One|If|When|Where|Because|Thus|Therefore|Indeed|Finally|Similarly|Meanwhile|Beyond)\b|^[A-Z][a-z]+(?:ing|ed)\b/;

/** Words after which a line cannot end a paragraph, so a capital-start next line must continue it. */
const MID_SENTENCE_END =
  /(?:\b(?:and|or|nor|but|of|the|a|an|to|in|on|for|with|by|from|as|at|that|which|who|its|their|his|her|our|is|are|was|were|be|been|between|into|through|such|including|both|either|than|under|towards|among|within|without|per|via|Mr\.|Ms\.|Mrs\.|Dr\.)|[,–—-])$/i;

export function buildUnits(lines: readonly string[], from: number, to: number, opts: UnitOptions = {}): UnitResult {
  const units: Unit[] = [];
  const orphanFootnotes: FootnoteRef[] = [];
  const useHeadings = opts.headings ?? true;
  const cls: Classified[] = [];
  for (let n = from; n <= to; n++) cls.push(classifyLine(lines[n - 1] ?? '', n, opts));
  // A footnote that wraps onto the next line with no blank line between (WHO fn 18, l.4864–4866: a
  // list of URLs cut after "assets/" and after "www."): the glued line goes on with the footnote when
  // the footnote line stops mid-sentence or the glued line opens with a web-address fragment.
  for (let k = 1; k < cls.length; k++) {
    const c = cls[k]!;
    const above = cls[k - 1]!;
    if (above.type !== 'footnote' && above.type !== 'footnote-continuation') continue;
    // An unmarked line only looks like a footnote of its own ("example.org/maps.html."); a numbered one is.
    const glued = c.type === 'text' || c.type === 'dash-continuation' || (c.type === 'footnote' && c.marker === '');
    if (!glued) continue;
    if (!endsSentence(above.text) || URL_FRAGMENT.test(c.text))
      cls[k] = { type: 'footnote-continuation', text: c.text };
  }
  let last: Unit | undefined; // last non-heading unit, target of continuations
  let prev: Unit | undefined; // last unit of any kind
  // An unfinished paragraph whose continuation is further down, after a page-bottom block.
  let pending: Unit | undefined;
  // Target of footnote-continuation lines.
  let lastFootnote: FootnoteRef | undefined;

  const attachFootnote = (fn: FootnoteRef): void => {
    // A marked footnote belongs to the unit that printed its marker; unmarked ones to the
    // paragraph they interrupt (the page they sit on), i.e. the preceding unit.
    lastFootnote = fn;
    let owner = (fn.marker && [...units].reverse().find((u) => u.refs.includes(fn.marker))) || last;
    // Headings become sub-heading titles, not records, so a heading's footnote ("Financing Facility
    // for Remittances²", IFAD l.919) goes to the first paragraph under it.
    if (owner?.kind === 'heading')
      owner = units.slice(units.indexOf(owner) + 1).find((u) => u.kind !== 'heading') ?? last;
    if (owner) owner.footnotes.push(fn);
    else orphanFootnotes.push(fn);
  };
  const join = (u: Unit, text: string, refs: string[], n: number): void => {
    u.text = joinHalves(u.text, text);
    u.refs.push(...refs);
    u.end = n;
  };

  for (let n = from; n <= to; n++) {
    const c = cls[n - from]!;
    if (c.type === 'blank') continue;
    if (c.type === 'footnote') {
      attachFootnote({ marker: c.marker, text: c.text, line: n });
      continue;
    }
    if (c.type === 'footnote-continuation') {
      // A web address cut at "/" or "www." is one word again.
      if (lastFootnote)
        lastFootnote.text =
          /[/.]$/.test(lastFootnote.text) && URL_FRAGMENT.test(c.text)
            ? lastFootnote.text + c.text
            : joinHalves(lastFootnote.text, c.text);
      continue;
    }
    const text = stripTrailingDigitMarker(c.text);
    const paragraphStart = opts.knownParagraphStarts?.has(n) === true;
    const adjacent = last !== undefined && prev === last && !paragraphStart ? last : undefined;
    const lower =
      c.type === 'dash-continuation' ||
      (c.type === 'text' && startsLowercase(text)) ||
      (c.type === 'text' &&
        /^\d/.test(text) &&
        (pending !== undefined || (adjacent !== undefined && !endsSentence(adjacent.text))));
    if (c.type === 'item' && adjacent && opts.knownContinuations?.has(n) === true) {
      // An inline enumeration cut by a page break: "…(a) …; and" / "(b) to provide…" (UNEP l.3313).
      join(adjacent, c.label !== undefined ? `(${c.label}) ${text}` : text, c.refs, n);
      continue;
    }
    if (lower) {
      // Lowercase text is always a second half: of the paragraph a page-bottom block interrupted,
      // else of the unit right above. A lowercase *bullet* only when that unit is unfinished; after
      // a finished lead-in ("…include:") it is an unlabelled list item (IOM l.1604–1609).
      const target =
        pending ?? (c.type === 'text' || (adjacent && !endsSentence(adjacent.text)) ? adjacent : undefined);
      if (target) {
        join(target, text, c.refs, n);
        if (target === pending) pending = undefined;
        continue;
      }
    } else if (c.type === 'text' && last && prev === last && !endsSentence(last.text)) {
      if (opts.knownContinuations?.has(n) === true && !paragraphStart) {
        join(last, text, c.refs, n);
        continue;
      }
      if (lowercaseContinuationAhead(cls, n, to, from, opts.detectUnmarked === true)) {
        // Between a cut paragraph and its continuation sits page-bottom material: footnote bodies
        // that lost their marker (UNCTAD l.2819 "In 2008 global remittances…"), or a known
        // floating paragraph (ILO l.1137).
        pending = last;
        if (!paragraphStart) {
          attachFootnote({ marker: '', text, line: n });
          continue;
        }
      } else if (!paragraphStart) {
        // No lowercase half follows: the second half starts with a name (000 l.39 "GFMD had
        // changed…" after "the role of the", l.97 "Tactaquin noted…" after "Ms."), after any
        // footnote bodies of the page (ECLAC l.2097 "The documents … available at www.eclac.cl…").
        // A heading is never a second half ("…by Senegal" / "Research and consultation", l.1867),
        // unless the line cannot end there ("…the Common Market for" / "Eastern and Southern Africa").
        const mustContinue = MID_SENTENCE_END.test(last.text);
        if (opts.detectUnmarked && footnoteLike(text)) {
          attachFootnote({ marker: '', text, line: n });
          continue;
        }
        // A title-like item, "(b) Participation in high-level international events" (l.657), is
        // followed by its body paragraph, not by its own second half.
        if (mustContinue || (!looksLikeHeading(text) && !looksLikeHeading(last.text) && !SENTENCE_OPENER.test(text))) {
          join(last, text, c.refs, n);
          continue;
        }
      }
    } else if (c.type === 'text' && adjacent && opts.knownContinuations?.has(n) === true) {
      join(adjacent, text, c.refs, n);
      continue;
    }
    let unit: Unit;
    if (c.type === 'item' || c.type === 'dash-continuation') {
      unit = { kind: 'item', text, refs: [...c.refs], start: n, end: n, footnotes: [] };
      unit.level = c.type === 'item' ? c.level : 0;
      if (c.type === 'item' && c.label !== undefined) unit.label = c.label;
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
