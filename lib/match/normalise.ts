/**
 * Length-preserving text normalisation and tokenisation shared by the compiler and the runtime
 * matcher. Every replacement maps one UTF-16 unit to one unit, so offsets found in the normalised
 * text are offsets into the ORIGINAL text (no offset map needed).
 */

/** Space-like units and superscript digits (footnote markers glued to words: "ASEAN²⁸") → ' '. */
export const SPACE_RE = /[\u00A0\u2000-\u200A\u202F\u205F\u3000\t\f\v\u00B2\u00B3\u00B9\u2070\u2074-\u2079]/g;
export const DASH_RE = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
export const QUOTE_RE = /[\u2018\u2019\u201A\u201B\u02BC\u2032]/g;
export const DQUOTE_RE = /[\u201C\u201D\u201E\u201F\u2033]/g;

/** 1 for every unit the four classes above fold (a test checks the two stay the same). */
export const FOLDS = new Uint8Array(0x10000);
// prettier-ignore
for (const [a, b] of [[0x09, 0x09], [0x0b, 0x0c], [0xa0, 0xa0], [0xb2, 0xb3], [0xb9, 0xb9], [0x2bc, 0x2bc],
  [0x2000, 0x200a], [0x2010, 0x2015], [0x2018, 0x201f], [0x202f, 0x202f], [0x2032, 0x2033], [0x205f, 0x205f],
  [0x2070, 0x2070], [0x2074, 0x2079], [0x2212, 0x2212], [0x3000, 0x3000], [0xfe58, 0xfe58], [0xfe63, 0xfe63],
  [0xff0d, 0xff0d]] as const)
  FOLDS.fill(1, a, b + 1);

/**
 * NBSP/thin spaces → ' ', dashes → '-', curly quotes → straight, superscript digits → ' '. Most blocks
 * hold nothing to fold: a char-code loop (about the cost of reading the text once) finds out, where a
 * regex test took twice that and a replace() with a callback five times (issue #17); only blocks that
 * need it are copied, by four native replaces with constant replacements.
 */
export function normalise(text: string): string {
  let i = 0;
  for (const n = text.length; i < n; i++) if (FOLDS[text.charCodeAt(i)]) break;
  if (i === text.length) return text;
  return text.replace(SPACE_RE, ' ').replace(DASH_RE, '-').replace(QUOTE_RE, "'").replace(DQUOTE_RE, '"');
}

/** Word tokens (letters, marks, decimal digits, underscore so `foo_IOM` stays one token) or single punctuation units. */
export const TOKEN_RE = /[\p{L}\p{M}\p{Nd}_]+|[^\s\p{L}\p{M}\p{Nd}_]/gu;

export interface Tokens {
  /** Token text (as in the normalised input). */
  t: string[];
  s: number[];
  e: number[];
}

/**
 * Tokenises normalised text. Hyphens are dropped so "UN-Habitat", "UN–Habitat" and "UN Habitat" and
 * "High-level"/"High level" share one key sequence.
 */
export function tokenize(norm: string): Tokens {
  const out: Tokens = { t: [], s: [], e: [] };
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(norm); m; m = TOKEN_RE.exec(norm)) {
    if (m[0] === '-') continue;
    out.t.push(m[0]);
    out.s.push(m.index);
    out.e.push(m.index + m[0].length);
  }
  return out;
}

export const isWord = (tok: string): boolean => /^[\p{L}\p{M}\p{Nd}_]/u.test(tok);

const NON_ASCII = /[^\0-\x7f]/;
const MARKS = /\p{M}/gu;

/**
 * Accent folding for case-insensitive trie keys (compile.ts tokenKey and the runtime lookup): "sûres"
 * and "sures", "Asamblea General" and "ASAMBLEA GENERAL" share one key. Text offsets are untouched: only
 * keys are folded, and ASCII tokens (most of an English page) return at once.
 */
export function foldKey(lower: string): string {
  return NON_ASCII.test(lower) ? lower.normalize('NFD').replace(MARKS, '') : lower;
}
