/**
 * Allocation-free trie entry scan. Tokenising the whole text into arrays and lowercasing every token
 * before looking anything up is wasted work: almost no word of a page starts a glossary form, so a
 * char-code loop hashes each token's lowercase units on the fly and only tokens whose hash is a possible
 * first key (or plural stem of one) are sliced and walked through the trie. Tokens after a hit are read
 * lazily. Token rules are those of normalise.ts TOKEN_RE (word runs of [\p{L}\p{M}\p{Nd}_], else one
 * code point; "-" dropped), so results equal the tokenise-everything walk.
 */
import type { Cand } from './evidence';
import { foldKey } from './normalise';
import type { RootIndex } from './roots';
import type { Trie } from './trie';

const WORD_RE = /^[\p{L}\p{M}\p{Nd}_]$/u;
const SPACE_RE = /^\s$/u;
/** Per-BMP-unit class cache: 0 unknown, 1 word, 2 space, 3 other. */
const CLS = new Uint8Array(65536);
const ASTRAL = new Map<number, number>();
const LOWER = new Map<number, string>();

/**
 * Scripts written without spaces: each character stands alone, so "国際移住機関IOMと" still has the
 * token "IOM" (a Latin acronym glued to Japanese, Chinese or Korean text is a separate word).
 */
const UNSPACED_RE = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]$/u;

function clsOf(ch: string): number {
  if (UNSPACED_RE.test(ch)) return 3;
  return WORD_RE.test(ch) ? 1 : SPACE_RE.test(ch) ? 2 : 3;
}
const ASCII = new Uint8Array(128).map((_, c) => clsOf(String.fromCharCode(c)));
function unitCls(c: number): number {
  return CLS[c] || (CLS[c] = clsOf(String.fromCharCode(c)));
}
/** Class and length (1 or 2 units) of the code point at i. */
function at(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 128) return ASCII[c]!;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      const cp = (c - 0xd800) * 0x400 + d - 0xdc00 + 0x10000;
      let k = ASTRAL.get(cp);
      if (k === undefined) ASTRAL.set(cp, (k = clsOf(String.fromCodePoint(cp))));
      return k | 8; // bit 8 = two units
    }
  }
  return unitCls(c);
}

/**
 * Hash step over one UTF-16 unit, lowercased and accent-folded like trie keys (normalise.ts foldKey: a
 * precomposed "é" hashes as "e", a combining accent not at all). The same function hashes keys at load time.
 */
function mix(h: number, c: number): number {
  if (c < 128) return (Math.imul(h, 31) + (c >= 65 && c <= 90 ? c + 32 : c)) | 0;
  let lo = LOWER.get(c);
  if (lo === undefined) LOWER.set(c, (lo = foldKey(String.fromCharCode(c).toLowerCase())));
  for (let k = 0; k < lo.length; k++) h = (Math.imul(h, 31) + lo.charCodeAt(k)) | 0;
  return h;
}
export function hashLower(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return h;
}

/** May the token after position j (skipping spaces and "-"), or its singular, follow the root in `slot`? */
function followerIn(s: string, j: number, roots: RootIndex, slot: number): boolean {
  const p = nextStart(s, j);
  if (p < 0) return false;
  const e = tokEnd(s, p);
  let h = 0,
    hPrev = 0;
  for (let q = p; q < e; q++) {
    hPrev = h;
    h = mix(h, s.charCodeAt(q));
  }
  return roots.follows(slot, h) || ((s.charCodeAt(e - 1) | 32) === 115 && roots.follows(slot, hPrev));
}

/** End of the token starting at non-space position i. */
function tokEnd(s: string, i: number): number {
  const k = at(s, i);
  if ((k & 7) !== 1) return i + (k & 8 ? 2 : 1);
  let j = i;
  for (let q = k; j < s.length && (q & 7) === 1; q = at(s, j)) j += q & 8 ? 2 : 1;
  return j;
}

/** Next token start at or after p, skipping whitespace and "-" tokens; -1 at the end. */
function nextStart(s: string, p: number): number {
  while (p < s.length) {
    const c = s.charCodeAt(p);
    if (c === 45 /* - */ || (at(s, p) & 7) === 2) {
      p++;
      continue;
    }
    return p;
  }
  return -1;
}

/** A paragraph break (newline, only non-newline whitespace, newline) between a and b. */
function paraBreak(s: string, a: number, b: number): boolean {
  let nl = false;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) {
      if (nl) return true;
      nl = true;
    } else if ((at(s, i) & 7) !== 2) nl = false;
  }
  return false;
}

/** Conjunctions after which a text's extra comma is skipped (English, French, Spanish). */
const SERIAL = /^(?:and|or|et|ou|y|o|e)$/;

const PLURAL = /^\p{Lu}[\p{Lu}\p{Nd}]*\p{Lu}s$/u;

/**
 * The trie walk from one start token: token arrays and closures for one text. Made on the text's first
 * root hit only: most blocks of a page have none, and allocating these for every block was a good part
 * of a scan's garbage (issue #17).
 */
function walker(trie: Trie, norm: string, out: Cand[]): (i: number, j: number) => void {
  // Tokens from the current start, read on demand.
  const ts: number[] = [],
    te: number[] = [],
    tt: string[] = [],
    tl: string[] = [];
  const tok = (j: number): boolean => {
    while (ts.length <= j) {
      const p = nextStart(norm, te[te.length - 1]!);
      if (p < 0) return false;
      const e = tokEnd(norm, p);
      const t = norm.slice(p, e);
      ts.push(p);
      te.push(e);
      tt.push(t);
      tl.push(foldKey(t.toLowerCase()));
    }
    return true;
  };
  const { ends, end } = trie;
  const term = (node: number, j: number) => {
    // End value: index * 8 + language gate * 2 + single-word flag (types.ts CompiledMatcher.trie).
    for (let q = end[node]!; q < end[node + 1]!; q++) {
      const n = ends[q]!;
      out.push({ s: ts[0]!, e: te[j]!, x: n >> 3, one: (n & 1) === 1, fam: false, gate: (n >> 1) & 3 });
    }
  };
  const walk = (node: number, j: number): void => {
    const t = tt[j]!,
      lo = tl[j]!;
    const exact = trie.next(node, `=${t}`);
    const lower = trie.next(node, lo);
    if (exact >= 0) step(exact, j);
    if (lower >= 0 && lower !== exact) step(lower, j);
    // Plurals end a form: "MRTDs" → MRTD, "Protocols" → protocol (terminal only, no continuation).
    if (lo.length > 2 && lo.charCodeAt(lo.length - 1) === 115) {
      if (PLURAL.test(t)) {
        const st = trie.next(node, `=${t.slice(0, -1)}`);
        if (st >= 0) term(st, j);
      } else if (lower < 0 && lo.length > 3) {
        const st = trie.next(node, lo.slice(0, -1));
        if (st >= 0) term(st, j);
      }
    }
  };
  const step = (next: number, j: number): void => {
    term(next, j);
    // Paragraph breaks end a name; single line breaks inside names are fine.
    if (!tok(j + 1) || paraBreak(norm, te[j]!, ts[j + 1]!)) return;
    walk(next, j + 1);
    // A serial comma the form does not write: "Safe, Orderly, and Regular Migration".
    if (tt[j + 1] === ',' && trie.next(next, ',') < 0 && tok(j + 2) && SERIAL.test(tl[j + 2]!)) walk(next, j + 2);
  };

  return (i: number, j: number) => {
    ts.length = te.length = tt.length = tl.length = 0;
    const t = norm.slice(i, j);
    ts.push(i);
    te.push(j);
    tt.push(t);
    tl.push(foldKey(t.toLowerCase()));
    walk(0, 0);
  };
}

export function trieCands(trie: Trie, roots: RootIndex, norm: string, out: Cand[]): void {
  let from: ((i: number, j: number) => void) | null = null;
  const n = norm.length;
  let i = 0;
  while (i < n) {
    const k = at(norm, i);
    const cls = k & 7;
    if (cls === 2) {
      i++;
      continue;
    }
    let j = i,
      h = 0,
      hPrev = 0;
    if (cls === 1) {
      for (let q = k; j < n && (q & 7) === 1; q = at(norm, j)) {
        const w = q & 8 ? 2 : 1;
        hPrev = h;
        h = mix(h, norm.charCodeAt(j));
        if (w === 2) h = mix(h, norm.charCodeAt(j + 1));
        j += w;
      }
    } else {
      j += k & 8 ? 2 : 1;
      if (j === i + 1 && norm.charCodeAt(i) === 45) {
        i = j;
        continue;
      }
      for (let q = i; q < j; q++) h = mix(h, norm.charCodeAt(q));
    }
    const last = norm.charCodeAt(j - 1) | 32;
    const q = roots.find(h);
    if (
      (q >= 0 && (roots.any(q) || followerIn(norm, j, roots, q))) ||
      (last === 115 && j - i > 2 && roots.find(hPrev) >= 0)
    ) {
      (from ??= walker(trie, norm, out))(i, j);
    }
    i = j;
  }
}
