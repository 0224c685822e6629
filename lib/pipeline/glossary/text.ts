/**
 * Small text helpers shared by validation and linking: case rules for labels/aliases, a term
 * matcher with the same boundary rules as the research counts (terms.tsv), sentence spans, and
 * the clean-up applied before "verbatim" comparisons with the raw source files.
 */
import type { GlossarySource } from '../../glossary/types';

/** Acronym-like forms (≥2 capitals, no whitespace) match case-sensitively by default (types.ts). */
export function isAcronymLike(form: string): boolean {
  if (/\s/.test(form)) return false;
  return (form.match(/\p{Lu}/gu) ?? []).length >= 2;
}

/** Explicit `hints.caseSensitive` wins over the per-form default. */
export function isCaseSensitive(entry: Pick<GlossarySource, 'hints'>, form: string): boolean {
  const explicit = entry.hints?.caseSensitive;
  return explicit ?? isAcronymLike(form);
}

/** Label + aliases, trimmed, de-duplicated, in curated order. */
export function entryForms(entry: Pick<GlossarySource, 'label' | 'aliases'>): string[] {
  const out: string[] = [];
  for (const f of [entry.label, ...(entry.aliases ?? [])]) {
    const t = typeof f === 'string' ? f.trim() : '';
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}

/** Whitespace and apostrophe variants are not meaningful differences between two names. */
export function normalizeForm(form: string): string {
  return form.replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;

/** Boundary rule of the research counts: no letter/digit around, no letter-hyphen joint. */
function atBoundary(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? ' ';
  const after = text[end] ?? ' ';
  if (WORD_CHAR.test(before) || WORD_CHAR.test(after)) return false;
  if (before === '-' && LETTER.test(text[start - 2] ?? ' ')) return false;
  return !(after === '-' && LETTER.test(text[end + 1] ?? ' '));
}

/**
 * Matcher for one form, returning [start, end) spans. Boundaries: no letter/digit on either side
 * and no letter-hyphen joint, so "UN-Habitat" does not count as "UN" and "ICAO-compliant" not as
 * "ICAO" (terms.tsv method). Boundaries are checked in JS rather than with regex lookbehinds:
 * a leading lookbehind stops V8 from skipping ahead to the literal and made linking 10× slower.
 */
export function termMatcher(form: string, caseSensitive: boolean): (text: string) => [number, number][] {
  const body = normalizeForm(form)
    .split(' ')
    .map((w) => escapeRegExp(w).replace(/'/g, "['’]"))
    .join('\\s+');
  const re = new RegExp(body, caseSensitive ? 'g' : 'gi');
  return (text) => {
    const out: [number, number][] = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const end = m.index + m[0].length;
      if (atBoundary(text, m.index, end)) out.push([m.index, end]);
      else re.lastIndex = m.index + 1;
    }
    return out;
  };
}

// Words whose trailing period does not end a sentence in these UN texts ("No. 189", "para. 12").
const ABBREVIATIONS = new Set([
  'no',
  'nos',
  'art',
  'arts',
  'para',
  'paras',
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'etc',
  'vs',
  'inc',
  'ltd',
  'co',
  'cf',
  'approx',
  'rev',
  'vol',
  'p',
  'pp',
  'ch',
  'sect',
  'fig',
  'op',
  'cit',
  'al',
  'ibid',
  'jr',
  'prof',
]);

function endsWithAbbreviation(before: string): boolean {
  const word = (before.match(/(\S+)\.$/)?.[1] ?? '').replace(/^[("'“‘[]+/, '');
  if (!word) return false;
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  if (/^\p{Lu}$/u.test(word)) return true; // initials: "I. Omelaniuk", "W.J. Carrington"
  return /^(?:\p{L}\.)+\p{L}$/u.test(word); // "e.g", "i.e", "U.N", "W.J"
}

/**
 * Sentence spans [start, end) of `text`; every span is a verbatim slice (trailing spaces excluded).
 * A boundary is `.`, `!` or `?` (plus closing quotes/brackets) followed by whitespace and a
 * capital, digit, quote or opening bracket — and not preceded by a known abbreviation.
 */
export function sentenceSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const re = /[.!?…]["'”’)\]]*(\s+)(?=[\p{Lu}\p{N}"“‘'([-])/gu;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const endOfSentence = m.index + m[0].length - m[1]!.length;
    if (m[0].startsWith('.') && endsWithAbbreviation(text.slice(start, m.index + 1))) continue;
    spans.push([start, endOfSentence]);
    start = m.index + m[0].length;
  }
  const tail = text.slice(start).trimEnd();
  if (tail.length > 0) spans.push([start, start + tail.length]);
  return spans;
}

/** Superscript reference marks (¹²³, ⁽) and `<sup>n</sup>` glue to words in the raw sources. */
const SUPERSCRIPTS = /<sup>[^<]*<\/sup>|[\u00B9\u00B2\u00B3\u2070-\u207C\u2080-\u209F]/g;

/**
 * Clean-up for "is this snippet verbatim in the sources" checks, mirroring what the KB parser
 * strips from record text: superscripts, markdown bold/italics, `<i>`, markdown links; no-break
 * spaces and tabs become spaces and whitespace collapses (page-break splits become one space).
 */
export function normalizeForVerbatim(text: string): string {
  return text
    .replace(SUPERSCRIPTS, '')
    .replace(/⁽/g, '(')
    .replace(/<\/?i>/gi, '')
    .replace(/\*/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/[\u00A0\t]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lowercased word tokens with punctuation stripped; used for the 8-gram copy check. */
export function wordTokens(text: string): string[] {
  return text
    .replace(SUPERSCRIPTS, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}
