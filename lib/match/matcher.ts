/**
 * Runtime matcher (ships in the content script): one tokenisation pass + trie walk, a few family
 * regexes, then non-overlapping leftmost-longest resolution with ambiguity checks. Pure: no DOM.
 */
import { WINDOW, accepts, type Cand, type Env } from './evidence';
import { familyKey } from './key';
import { normalise, tokenize, type Tokens } from './normalise';
import type { CompiledFamily, CompiledMatcher, FindOptions, Match, PageContext, TrieNode } from './types';

export const DOMAIN_THRESHOLD = 3;

export interface LoadedMatcher {
  find(text: string, ctx?: PageContext, opts?: FindOptions): Match[];
  /** Page-level evidence; compute once per page from its whole visible text. */
  pageContext(text: string): PageContext;
}

/** "RCPs", "MRTDs", "NGOs": acronym plural → stem, tried only as the last token of a form. */
const PLURAL = /^\p{Lu}[\p{Lu}\p{Nd}]*\p{Lu}s$/u;

function trieCands(root: TrieNode, tk: Tokens, norm: string, out: Cand[]): void {
  const { t, s, e } = tk;
  const low = t.map((x) => x.toLowerCase());
  const term = (node: TrieNode, i: number, j: number) => {
    const v = node[''] as number[] | undefined;
    if (v) for (const n of v) out.push({ s: s[i]!, e: e[j]!, x: n >> 1, one: (n & 1) === 1, fam: false });
  };
  const walk = (node: TrieNode, i: number, j: number): void => {
    const tok = t[j]!;
    const lo = low[j]!;
    const exact = node[`=${tok}`] as TrieNode | undefined;
    const lower = node[lo] as TrieNode | undefined;
    if (exact) step(exact, i, j);
    if (lower && lower !== exact) step(lower, i, j);
    // Plurals end a form: "MRTDs" → MRTD, "Protocols" → protocol (terminal only, no continuation).
    if (lo.length > 2 && lo.charCodeAt(lo.length - 1) === 115 /* s */) {
      if (PLURAL.test(tok)) {
        const st = node[`=${tok.slice(0, -1)}`] as TrieNode | undefined;
        if (st) term(st, i, j);
      } else if (!lower && lo.length > 3) {
        const st = node[lo.slice(0, -1)] as TrieNode | undefined;
        if (st) term(st, i, j);
      }
    }
  };
  const step = (next: TrieNode, i: number, j: number): void => {
    term(next, i, j);
    // Paragraph breaks end a name; single line breaks inside names are fine.
    if (j + 1 < t.length && !/\n[^\S\n]*\n/.test(norm.slice(e[j], s[j + 1]))) walk(next, i, j + 1);
  };
  for (let i = 0; i < t.length; i++) walk(root, i, i);
}

interface Family { f: CompiledFamily; re: RegExp; need: RegExp | null; cont: RegExp | null }

function familyCands(fams: Family[], norm: string, out: Cand[]): void {
  for (const { f, re, need, cont } of fams) {
    re.lastIndex = 0;
    for (let m = re.exec(norm); m; m = re.exec(norm)) {
      const g = m.groups!;
      const s = m.index, e = s + m[0].length;
      if (need && !need.test(norm.slice(Math.max(0, s - WINDOW), e + WINDOW))) continue;
      const x = f.keys[familyKey(f.ns, g.k!, g.t)];
      if (x !== undefined) out.push({ s, e, x, one: false, fam: true });
      // Coordinated forms: "Conventions Nos. 97 and 143", "targets 5.2 and 16.2".
      if (!cont) continue;
      cont.lastIndex = e;
      for (let n = cont.exec(norm); n; n = cont.exec(norm)) {
        const [cs, ce] = n.indices!.groups!.s!;
        const y = f.keys[familyKey(f.ns, n.groups!.k!, g.t)];
        if (y !== undefined) out.push({ s: cs, e: ce, x: y, one: false, fam: true });
        re.lastIndex = cont.lastIndex;
      }
    }
  }
}

function patternCands(c: CompiledMatcher, res: RegExp[], norm: string, out: Cand[]): void {
  const lower = norm.toLowerCase();
  const seen = new Map<string, boolean>();
  const has = (w: string) => seen.get(w) ?? (seen.set(w, lower.includes(w)), seen.get(w)!);
  c.pat.forEach((p, n) => {
    if (p.w.length && !p.w.some(has)) return;
    const re = (res[n] ??= new RegExp(p.re, p.f));
    re.lastIndex = 0;
    for (let m = re.exec(norm); m; m = re.exec(norm)) {
      if (!m[0]) { re.lastIndex++; continue; }
      out.push({ s: m.index, e: m.index + m[0].length, x: p.x, one: false, fam: true });
    }
  });
}

export function loadMatcher(c: CompiledMatcher): LoadedMatcher {
  const amb = new Set(c.amb);
  const dom = new Set(c.dom);
  const patterns: RegExp[] = [];
  const fams: Family[] = c.fam.map((f) => ({
    f,
    re: new RegExp(f.re, f.f),
    need: f.need ? new RegExp(f.need, 'i') : null,
    cont: f.cont ? new RegExp(f.cont, `y${f.f.replace('g', '')}`) : null,
  }));

  const candidates = (norm: string): Cand[] => {
    const out: Cand[] = [];
    trieCands(c.trie, tokenize(norm), norm, out);
    familyCands(fams, norm, out);
    patternCands(c, patterns, norm, out);
    // Leftmost first, then longest; family/pattern hits before plain names of the same span.
    return out.sort((a, b) => a.s - b.s || b.e - a.e || Number(b.fam) - Number(a.fam));
  };

  const pageContext = (text: string): PageContext => {
    const norm = normalise(text);
    const ids = new Set<string>();
    for (const k of candidates(norm)) if (!(k.one && amb.has(k.x))) ids.add(c.ids[k.x]!);
    const words = new Set<string>();
    for (const w of norm.toLowerCase().match(/\p{L}+/gu) ?? []) if (dom.has(w)) words.add(w);
    const score = ids.size + words.size;
    return { score, domain: score >= DOMAIN_THRESHOLD, ids: [...ids], text: norm.toLowerCase() };
  };

  const find = (text: string, ctx?: PageContext, opts: FindOptions = {}): Match[] => {
    const norm = normalise(text);
    let page = ctx;
    const env: Env = { c, norm, amb, page: () => (page ??= pageContext(text)) };
    const kept: Cand[] = [];
    let end = -1;
    for (const k of candidates(norm)) {
      const last = kept[kept.length - 1];
      if (k.s < end) {
        // A number-bearing family hit that extends the name it overlaps absorbs it, taking the number's id:
        // "Migration for Employment Convention (Revised), 1949 (No. 97)" is one C97 span, not name + rest.
        if (last && k.fam && k.e > last.e && (!last.fam || last.x === k.x) && accepts(k, env)) {
          last.e = end = k.e;
          last.x = k.x;
          last.fam = true;
        }
        continue;
      }
      if (!accepts(k, env)) continue;
      kept.push({ ...k });
      end = k.e;
    }
    const muted = opts.muted ? new Set(opts.muted) : null;
    const cats = opts.categories ? new Set(opts.categories) : null;
    const res: Match[] = [];
    for (const k of kept) {
      const id = c.ids[k.x]!;
      if (muted?.has(id) || (cats && !cats.has(c.cats[c.cat[k.x]!]!))) continue;
      res.push({ start: k.s, end: k.e, id });
    }
    return res;
  };

  return { find, pageContext };
}
