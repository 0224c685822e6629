/**
 * Length-preserving text normalisation and tokenisation shared by the compiler and the runtime
 * matcher. Every replacement maps one UTF-16 unit to one unit, so offsets found in the normalised
 * text are offsets into the ORIGINAL text (no offset map needed).
 */

/** Space-like, dash, quote and superscript-digit units that are folded before matching. */
const FOLD_RE =
  /[\u00A0\u2000-\u200A\u202F\u205F\u3000\t\f\v\u2010-\u2015\u2212\uFE58\uFE63\uFF0D\u2018\u2019\u201A\u201B\u02BC\u2032\u201C\u201D\u201E\u201F\u2033\u00B2\u00B3\u00B9\u2070\u2074-\u2079]/g;

const FOLD_TEST = new RegExp(FOLD_RE.source);

function fold(c: string): string {
  const u = c.charCodeAt(0);
  if (u >= 0x2010 && u <= 0x2015) return '-';
  if (u === 0x2212 || u === 0xfe58 || u === 0xfe63 || u === 0xff0d) return '-';
  if (u === 0x2018 || u === 0x2019 || u === 0x201a || u === 0x201b || u === 0x02bc || u === 0x2032) return "'";
  if (u === 0x201c || u === 0x201d || u === 0x201e || u === 0x201f || u === 0x2033) return '"';
  // Spaces and superscript digits (footnote markers glued to words: "ASEAN²⁸") become plain spaces.
  return ' ';
}

/** NBSP/thin spaces → ' ', dashes → '-', curly quotes → straight, superscript digits → ' '. */
export function normalise(text: string): string {
  // Most text has nothing to fold: test first so no copy of the string is made.
  FOLD_TEST.lastIndex = 0;
  return FOLD_TEST.test(text) ? text.replace(FOLD_RE, fold) : text;
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
