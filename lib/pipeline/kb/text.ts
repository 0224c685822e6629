/**
 * Line-level cleaning shared by all document parsers. The sources are PDF→markdown conversions, so
 * every helper here exists to undo one specific conversion artefact found in data/sources/.
 */

const SUPERSCRIPT_DIGITS: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
};
const SUP_RUN = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;

export interface CleanResult {
  text: string;
  /** Footnote markers found inline (superscripts, <sup>n</sup>), in order of appearance. */
  refs: string[];
}

function supToDigits(run: string): string {
  return [...run].map((c) => SUPERSCRIPT_DIGITS[c] ?? '').join('');
}

/**
 * Remove markdown/HTML residue and inline footnote markers. Markers are returned as refs so the
 * footnote link survives even though the digits are gone from the text (they break word matching,
 * e.g. "ASEAN²⁸").
 */
export function cleanInline(raw: string): CleanResult {
  const refs: string[] = [];
  let t = raw.replace(/\u00a0/g, ' ').replace(/\t/g, ' ');
  t = t.replace(/<sup>\s*([^<]*?)\s*<\/sup>/gi, (_m, n: string) => {
    refs.push(n);
    return '';
  });
  t = t.replace(SUP_RUN, (run) => {
    refs.push(supToDigits(run));
    return '';
  });
  // "⁽a)" (l.4138 of 002): a superscript parenthesis that OCR kept; the label itself is fine.
  t = t.replace(/⁽/g, '(');
  t = t.replace(/<\/?i>/gi, '');
  t = t.replace(/\*\*/g, '');
  // Single-asterisk italics (*Title*): drop the asterisks, keep the words.
  t = t.replace(/(^|[\s(“"'])\*(?=\S)([^*]+?)\*(?=$|[\s).,;:”"'])/g, '$1$2');
  t = t.replace(/\[([^\]]+)\]\((?:[^)]*)\)/g, '$1');
  t = t.replace(/<(https?:\/\/[^>\s]+)>/g, '$1');
  t = t.replace(/\\dots/g, '…');
  t = t.replace(/^#{1,6}\s+/, '');
  t = t.replace(/[ ]{2,}/g, ' ').trim();
  return { text: t, refs };
}

/** Line starts with a footnote marker: superscript digits, <sup>, or "* " (004 agenda note). */
export function footnoteMarker(raw: string): string | null {
  const s = raw.trimStart();
  const sup = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*/.exec(s);
  if (sup?.[1]) return supToDigits(sup[1]);
  const html = /^<sup>\s*([^<]+?)\s*<\/sup>/i.exec(s);
  if (html?.[1]) return html[1];
  if (/^\*\s+\S/.test(s) && !/^\*\S.*\*/.test(s)) return '*';
  return null;
}

const UNMARKED_FOOTNOTE_STARTS =
  /^(See also|See:|See,|See |For further|For more|Visit |Available |This document|To learn more|Namely:|Source:|More information |Further information )/;
/**
 * "W.J. Carrington and E. Detragiache, …" (second author's initials too), "O. Bakewell, "South-South…"",
 * "H. de Haas, …", an editor "M. Balbo (ed.), …", hyphenated initials "J.-C. Dumont and G. Lemaître, …".
 */
const BIBLIOGRAPHIC =
  /^(?:[A-Z]\.(?:-[A-Z]\.)?\s?){1,3}(?:(?:de|van|von|da)\s)?[A-Z][\p{L}'’-]+(?:(?:,| and| et al\.?)(?:\s(?:[A-Z]\.\s?){1,3})?[^.]{0,60})?(?: \(eds?\.\))?[,:]\s/u;
/**
 * A sentence that points the reader to a web address: "The film may be viewed at www…", "… is
 * available from: www…", "please consult the following webpage: www…", "The project website is www…".
 */
const POINTS_TO_URL =
  /\b(?:available (?:at|from|on)|can be (?:found|viewed|accessed|downloaded) (?:at|in|on|through|from)|may be (?:viewed|downloaded|found|accessed) (?:at|from|on)|(?:is|are) accessible (?:at|through)|(?:website|webpage) (?:is|at)|consult the following|[Vv]isit)\b[^.]*?(?:(?:https?|ftp):\/\/|www\.)/;
/** Longest footnote-like pointer sentence treated as a footnote; body paragraphs that mention a site are longer. */
const POINTER_MAX = 400;

/**
 * Heuristic for footnote bodies that lost their superscript marker (002 only; the other documents
 * have no unmarked footnotes). Parsers combine this with an explicit known-line list because some
 * unmarked footnotes read like ordinary prose ("ILO was founded in 1919 …").
 */
export function looksLikeUnmarkedFootnote(text: string): boolean {
  if (UNMARKED_FOOTNOTE_STARTS.test(text)) return true;
  if (BIBLIOGRAPHIC.test(text)) return true;
  // A short line that is mostly a URL is a reference, not body text.
  const url = /(https?:\/\/|www\.)\S+/.exec(text);
  if (url && text.length < 220 && /(https?:\/\/|www\.)\S+\s*\.?\s*$/.test(text)) return true;
  if (text.length <= POINTER_MAX && POINTS_TO_URL.test(text)) return true;
  // The tail of a URL broken across a page, on a line of its own ("TOPIC&URL_SECTION=-471.html.").
  if (/^\S+\.(?:html?|pdf|aspx?|php)\.?$/.test(text)) return true;
  return false;
}

const TITLE_ABBREV = /\b(Mr|Ms|Mrs|Dr|Prof|No|Nos|St|e\.g|i\.e|para|paras|cf|vs)\.$/;

/** Ends where a sentence may end (so a following capitalised line can be a new paragraph). */
export function endsSentence(text: string): boolean {
  const t = text.trimEnd();
  if (TITLE_ABBREV.test(t)) return false;
  return /[.?!:;][”"'’)\]]*$|[.?!][”"'’]?\)$/.test(t);
}

export function startsLowercase(text: string): boolean {
  return /^[\p{Ll}]/u.test(text);
}

const CONNECTOR_END = /\b(and|or|of|the|a|an|to|in|on|for|with|by|from|as|at|that|which|its|their|is|are|was|were)$/i;

/**
 * A heading: short, no sentence-final punctuation, does not end on a connector word (which would
 * mean a paragraph cut by a page break), and is not a list item.
 */
export function looksLikeHeading(text: string, maxLen = 130): boolean {
  if (text.length === 0 || text.length > maxLen) return false;
  if (/^[-•]/.test(text) || /^\(([a-z]|[ivx]+)\)\s/.test(text)) return false;
  if (/[.,;:?!]$/.test(text)) return false;
  if (CONNECTOR_END.test(text)) return false;
  if (startsLowercase(text)) return false;
  return true;
}

/** Join two halves of a paragraph split by a page break. */
export function joinHalves(a: string, b: string): string {
  if (/[-–—]$/.test(a) && !/\s[-–—]$/.test(a)) return a + b;
  return `${a} ${b}`;
}
