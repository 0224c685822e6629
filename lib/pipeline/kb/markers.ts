/**
 * Plain-digit footnote markers. The conversion printed most footnote references as superscripts,
 * but some came out as ordinary digits glued to the text: "was 37.6" (002 l.847 = 37 States +
 * fn 6), "migrant workers, 10 and" (l.461), "(WHA63.16).8" (l.4745). Shown verbatim they read as
 * wrong numbers, so they are turned back into superscripts (which cleanInline then strips and keeps
 * as refs) — but only where that is safe: the number is the next footnote number expected in the
 * chapter's running sequence of references, and the chapter has a footnote line with that number.
 */

const SUP_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUP_VALUE: Record<string, number> = Object.fromEntries([...SUP_DIGITS].map((c, i) => [c, i]));

function toSuperscript(n: string): string {
  return [...n].map((d) => SUP_DIGITS[Number(d)] ?? d).join('');
}

function supValue(run: string): number {
  return [...run].reduce((v, c) => v * 10 + (SUP_VALUE[c] ?? 0), 0);
}

/** Footnote numbers printed as footnote lines ("¹⁰ This document…", "<sup>2</sup> …") in a range. */
export function footnoteNumbers(lines: readonly string[], from: number, to: number): Set<number> {
  const out = new Set<number>();
  for (let n = from; n <= to; n++) {
    const s = (lines[n - 1] ?? '').trimStart();
    const sup = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s/.exec(s);
    if (sup?.[1]) out.add(supValue(sup[1]));
    const html = /^<sup>\s*(\d+)\s*<\/sup>/i.exec(s);
    if (html?.[1]) out.add(Number(html[1]));
  }
  return out;
}

/**
 * One token per reference-like spot, in reading order:
 *  1. a superscript run (an already-marked reference; advances the sequence),
 *  2. an HTML <sup>n</sup> (same),
 *  3. digits glued to punctuation after a word or a bracket: "(Nepal).8", "fathers.8", "(WHA63.16).8",
 *  3b. after a number only at a sentence end, so decimals ("3.1 per cent") stay: "2013.8", "was 37.6",
 *  4. digits after punctuation and one space, followed by a lowercase word or the line end, or
 *     after a full stop by a capital: "workers, 10 and", "emigration. 10", "decisions. 13 The",
 *     "for Refugees." 18 Together".
 */
const TOKEN =
  /([⁰¹²³⁴⁵⁶⁷⁸⁹]+)|<sup>\s*(\d+)\s*<\/sup>|(?<=[\p{L})\]”"’'])([.,;:])(\d{1,2})(?=\s|$)|(?<=\d)(\.)(\d{1,2})(?=$|\s+\p{Lu})|(?<=[\p{L})\]”"’'][.,;:][”"’]?) (\d{1,2})(?= \p{Ll}|$|(?<=[.][”"’]? \d{1,2}) \p{Lu})/gu;

export interface MarkerScan {
  /** The lines with safe plain-digit markers turned into superscripts (same length and numbering). */
  lines: string[];
  /** 1-based line numbers that were rewritten, with the marker found (for tests and the audit). */
  found: { line: number; marker: string }[];
}

/** Largest gap to the previous reference: a run of lost superscripts is bridged, a stray number is not. */
const MAX_STEP = 5;

interface Token {
  line: number;
  index: number;
  length: number;
  sup: boolean;
  value: number;
  replacement: string;
}

function tokens(lines: readonly string[], from: number, to: number): Token[] {
  const out: Token[] = [];
  for (let n = from; n <= to; n++) {
    const raw = lines[n - 1] ?? '';
    const s = raw.trimStart();
    // Footnote lines: their leading number is the footnote's own, not a reference.
    if (/^[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s/.test(s) || /^<sup>/i.test(s)) continue;
    for (const m of raw.matchAll(TOKEN)) {
      const [all, sup, html, p1, g1, p2, g2, spaced] = m;
      const index = m.index ?? 0;
      if (sup) {
        out.push({ line: n, index, length: all.length, sup: true, value: supValue(sup), replacement: all });
        continue;
      }
      if (html) {
        out.push({ line: n, index, length: all.length, sup: true, value: Number(html), replacement: all });
        continue;
      }
      // "No.44", "Nos.3" are numbers, not markers.
      if (/\bNos?$/.test(raw.slice(0, index))) continue;
      const digits = g1 ?? g2 ?? spaced ?? '';
      const punct = p1 ?? p2 ?? '';
      out.push({
        line: n,
        index,
        length: all.length,
        sup: false,
        value: Number(digits),
        replacement: spaced !== undefined ? toSuperscript(digits) : `${punct}${toSuperscript(digits)}`,
      });
    }
  }
  return out;
}

/**
 * Rewrite safe plain-digit markers in lines [from, to] (one chapter: numbering restarts per chapter).
 * A candidate is accepted when it fits the chapter's increasing sequence of references — above the
 * previous one (by at most MAX_STEP, allowing for superscripts lost altogether) and below the next
 * marked one — and a footnote with that number exists, or the numbering skips it because that
 * footnote line lost its marker (l.468 is fn 10 of chapter 1, printed without "¹⁰").
 */
export function restorePlainMarkers(lines: readonly string[], from: number, to: number): MarkerScan {
  const present = footnoteNumbers(lines, from, to);
  const maxPresent = Math.max(0, ...present);
  const toks = tokens(lines, from, to);
  const accepted: Token[] = [];
  // Value of the next marked reference after each token (backward pass).
  const nextSupAfter: number[] = new Array<number>(toks.length);
  let upcoming = Infinity;
  for (let i = toks.length - 1; i >= 0; i--) {
    nextSupAfter[i] = upcoming;
    if (toks[i]!.sup) upcoming = toks[i]!.value;
  }
  let last = 0;
  toks.forEach((t, i) => {
    if (t.sup) {
      last = Math.max(last, t.value);
      return;
    }
    const nextSup = nextSupAfter[i] ?? Infinity;
    const fits = t.value > last && t.value <= last + MAX_STEP && t.value < nextSup;
    if (!fits || !(present.has(t.value) || t.value < maxPresent)) return;
    accepted.push(t);
    last = t.value;
  });
  const out = [...lines];
  // Replace right to left so earlier indexes on the same line stay valid.
  for (const t of [...accepted].reverse()) {
    const raw = out[t.line - 1] ?? '';
    out[t.line - 1] = raw.slice(0, t.index) + t.replacement + raw.slice(t.index + t.length);
  }
  return { lines: out, found: accepted.map((t) => ({ line: t.line, marker: String(t.value) })) };
}
