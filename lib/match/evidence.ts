/**
 * Acceptance rules for one candidate: identifiers/URLs/e-mails are never terms, hints.notNear vetoes,
 * and single-word forms of hints.neverAlone entries need supporting evidence (nearby context words,
 * the same entry named unambiguously on the page, or a migration-domain page that has a context word).
 */
import { foldKey } from './normalise';
import type { Trie } from './trie';
import type { MatcherData, PageContext } from './types';

export interface Cand {
  s: number;
  e: number;
  /** Entry index. */
  x: number;
  /** Single-word form (the ambiguous kind). */
  one: boolean;
  /** Family or pattern hit (composite reference). */
  fam: boolean;
  /** A UN document symbol no entry knows: its "sym:" id (and x is -1). */
  id?: string;
  /** Trie forms: the page languages a gated French/Spanish form may match on (forms.ts); 0 = any. */
  gate?: number;
}

export interface Env {
  c: MatcherData;
  trie: Trie;
  norm: string;
  amb: Set<number>;
  page: () => PageContext;
}

/** Nearby-evidence window, in UTF-16 units either side. */
export const WINDOW = 200;
// Characters of unspaced scripts (CJK) never extend a Latin word.
const W = /(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}])[\p{L}\p{N}_]/u;
const isW = (ch: string | undefined): boolean => ch !== undefined && W.test(ch);

/** `p` occurs in `hay` as whole words (a plural "s"/"es" may follow). */
export function hasPhrase(hay: string, p: string): boolean {
  for (let i = hay.indexOf(p); i >= 0; i = hay.indexOf(p, i + 1)) {
    if (isW(hay[i - 1])) continue;
    let j = i + p.length;
    if (hay[j] === 's') j++;
    else if (hay.startsWith('es', j)) j += 2;
    if (!isW(hay[j])) return true;
  }
  return false;
}

const URLISH = /\b(?:https?:\/\/|www\.)[^\s<>"']+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/**
 * URLs and e-mails contain no whitespace, so only the whitespace-delimited stretch around the candidate
 * is searched (a whole-text URL scan per find() cost more than the matching itself on link-heavy pages).
 */
function inUrl(env: Env, k: Cand): boolean {
  const n = env.norm;
  let a = k.s,
    b = k.e;
  while (a > 0 && !/\s/.test(n[a - 1]!)) a--;
  while (b < n.length && !/\s/.test(n[b]!)) b++;
  const run = n.slice(a, b);
  if (!/@|:\/\/|www\./.test(run)) return false;
  for (const m of run.matchAll(URLISH)) if (k.s < a + m.index + m[0].length && k.e > a + m.index) return true;
  return false;
}

/** foo_IOM (one token already), IOM.js, x.IOM, #IOM, @IOM, IOM=, HCR-20, 10.7%. */
function identifierLike(n: string, s: number, e: number): boolean {
  const b = n[s - 1] ?? ' ';
  const a = n[e] ?? ' ';
  if ('#@$=\\'.includes(b) || '@=\\'.includes(a)) return true;
  if (b === '.' && isW(n[s - 2])) return true;
  if (a === '.' && isW(n[e + 1])) return true;
  // "target 10.7%" is a percentage, "HCR-20" a test name.
  if (a === '%' && /\d/.test(n[e - 1] ?? '')) return true;
  return a === '-' && /\d/.test(n[e + 1] ?? '');
}

/**
 * All-caps shouted run ("WHO WE ARE"): ≥3 capitalised words separated by spaces, at least two of them
 * not glossary acronyms (so "IOM AND UNHCR" is still a list of names).
 */
function shouted(n: string, k: Cand, trie: Trie): boolean {
  const left = /(?<![\p{L}\p{N}'])(?:\p{Lu}[\p{Lu}\p{Nd}]* +)+$/u.exec(n.slice(Math.max(0, k.s - 80), k.s));
  const right = /^(?: +\p{Lu}[\p{Lu}\p{Nd}]*(?![\p{L}\p{N}]))+/u.exec(n.slice(k.e, k.e + 80));
  const words = `${left?.[0] ?? ''} ${right?.[0] ?? ''}`.split(' ').filter(Boolean);
  if (words.length < 2) return false;
  return words.filter((w) => trie.next(0, `=${w}`) < 0).length >= 2;
}

/** English interrogatives that are also glossary acronyms (WHO): read as the question word at a question's start. */
const INTERROGATIVE = /^(?:WHO|WHAT|WHEN|WHERE|WHY|HOW)$/;

/**
 * "WHO knows what comes next?", "WHO IS AFFECTED?": the form opens a sentence that is a question (or the
 * idiom "who knows / who cares"). Sentence evidence beats page evidence here, whatever the page is about.
 */
function questionWord(n: string, k: Cand): boolean {
  if (!INTERROGATIVE.test(n.slice(k.s, k.e))) return false;
  if (!/(?:^|[.!?:;\n"“«(]\s*|\n\s*)$/.test(n.slice(Math.max(0, k.s - 4), k.s))) return false;
  const rest = n.slice(k.e, k.e + 160);
  if (/^\s+(?:knows|cares)\b/i.test(rest)) return true;
  const end = /[.!?\n]/.exec(rest);
  return !!end && end[0] === '?';
}

/**
 * "WHO and UNICEF", "UNHCR, WHO and IOM": a short form coordinated with an unambiguous acronym of the
 * glossary names an organisation, even in a one-sentence frame without other evidence.
 */
function coordinatedWithName(n: string, k: Cand, c: MatcherData, trie: Trie, amb: Set<number>): boolean {
  const after = /^\s*(?:,|&|and|et|y|or|ou|o)\s+(\p{Lu}[\p{Lu}\p{Nd}-]{1,9})(?![\p{L}\p{N}])/u.exec(
    n.slice(k.e, k.e + 24),
  );
  const before = /(?<![\p{L}\p{N}])(\p{Lu}[\p{Lu}\p{Nd}-]{1,9})\s*(?:,|&|and|et|y|or|ou|o)\s*$/u.exec(
    n.slice(Math.max(0, k.s - 24), k.s),
  );
  for (const w of [after?.[1], before?.[1]]) {
    if (w === undefined) continue;
    // Case-sensitive acronyms sit under "=TOKEN", case-insensitive names under the lowercase token.
    for (const node of [trie.next(0, `=${w}`), trie.next(0, foldKey(w.toLowerCase()))]) {
      if (node < 0) continue;
      // End values are index * 8 + gate * 2 + single-word flag (types.ts CompiledMatcher.trie): another
      // entry, unambiguous, matching on any page.
      for (let q = trie.end[node]!; q < trie.end[node + 1]!; q++) {
        const v = trie.ends[q]!;
        if (v >> 3 !== k.x && !amb.has(v >> 3) && !(v & 6) && v >> 3 < c.ids.length) return true;
      }
    }
  }
  return false;
}

export function accepts(k: Cand, env: Env): boolean {
  const { c, norm } = env;
  if (identifierLike(norm, k.s, k.e) || inUrl(env, k)) return false;
  const win = norm.slice(Math.max(0, k.s - WINDOW), k.e + WINDOW).toLowerCase();
  const not = c.not[k.x];
  if (not && not.some((p) => hasPhrase(win, p))) return false;
  if (!k.one || !env.amb.has(k.x)) return true;
  // Ambiguous short form from here on.
  if (shouted(norm, k, env.trie) || questionWord(norm, k)) return false;
  if (coordinatedWithName(norm, k, c, env.trie, env.amb)) return true;
  const ctx = c.ctx[k.x];
  if (ctx && ctx.some((p) => hasPhrase(win, p))) return true;
  const page = env.page();
  const id = c.ids[k.x]!;
  if ('hasId' in page && typeof page.hasId === 'function' ? page.hasId(id) : page.ids.includes(id)) return true;
  return !!ctx && page.domain && ctx.some((p) => hasPhrase(page.text, p));
}
