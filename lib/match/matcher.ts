/**
 * Runtime matcher (ships in the content script): one tokenisation pass + trie walk, a few family
 * regexes, then non-overlapping leftmost-longest resolution with ambiguity checks. Pure: no DOM.
 */
import { WINDOW, accepts, type Cand, type Env } from './evidence';
import { canonSymbol, familyKey, synRule, type SynRule } from './key';
import { SYMBOL_CATEGORY } from '../glossary/id';
import { BlockContext, LazyContext } from './context';
import { gateOpen, langOf, pageVeto, pickShared } from './gates';
import type { LangSource } from './lang';
import { normalise } from './normalise';
import { WordSet } from './words';
import { rootHashes } from './roots';
import { trieCands } from './scan-words';
import { Trie } from './trie';
import type { CompiledFamily, CompiledMatcher, FindOptions, Match, MatcherData, PageContext } from './types';

export const DOMAIN_THRESHOLD = 3;
/** Thrown by a blind resolve (resolveAlone) at the first rule that needs the page's evidence. */
const BLIND = new Error('page evidence needed');

/** One text's normalised form and raw candidates: computed once, used for evidence and for matches. */
export interface Prepared {
  readonly norm: string;
  readonly cands: readonly Cand[];
  /** The block's declared language (the scanner's closest `[lang]`), read only if a gated form turns up. */
  readonly lang?: LangSource;
}

/**
 * The scanner's two-phase use: prepare every block once, gather page evidence from the prepared
 * blocks, then resolve each block against it. Same results as find(text, pageContext(pageText)).
 */
export interface BlockMatcher {
  prepare(text: string, lang?: LangSource): Prepared;
  /** Evidence for one page; add() each prepared block, then finish(). */
  context(): { add(p: Prepared): void; finish(): PageContext };
  resolve(p: Prepared, ctx?: PageContext, opts?: FindOptions): Match[];
  /** resolve()'s answer when it needs nothing of the page's evidence, else null (see resolveAlone below). */
  resolveAlone(p: Prepared, opts?: FindOptions): Match[] | null;
}

export interface LoadedMatcher {
  find(text: string, ctx?: PageContext, opts?: FindOptions): Match[];
  blocks: BlockMatcher;
  /**
   * Page-level evidence for the page's whole visible text. Returns at once: the evidence is computed
   * lazily (on first field read) or in time slices by whoever calls `step(deadline)` on the result.
   */
  pageContext(text: string): PageContext;
}

interface Family {
  f: CompiledFamily;
  re: RegExp;
  need: RegExp | null;
  cont: RegExp | null;
  w: string[] | null;
  syn: (SynRule & { re: RegExp | null })[] | null;
  /** The character test of CompiledFamily.h, or null. */
  has: RegExp | null;
}

/** Per-call trigger presence in the lowercased text (lowercased once, only when a check needs it). */
type Lower = (w: string) => boolean;
/** Trigger words gate a regex: it runs only if one occurs (on the page, then in this text). */
function triggered(w: readonly string[] | null, lower: Lower, page: LazyContext | null): boolean {
  if (!w || !w.length) return true;
  if (page?.finished && !w.some((x) => page.present.has(x))) return false;
  return w.some(lower);
}

/**
 * The candidate for one family hit: the entry its key (or the symbol it stands for) maps to, else a
 * synthetic "sym:" id when the family recognises symbols on its own (decoded by the background).
 */
function familyCand(fam: Family, g: Record<string, string | undefined>, k: string, s: number, e: number, out: Cand[]) {
  const { f, syn } = fam;
  const r = syn && synRule(syn, g, k, (r, v) => !r.re || r.re.test(v));
  let x = r?.own ? undefined : f.keys[familyKey(f.ns, k, g.t)];
  let id: string | undefined;
  if (x === undefined && r) {
    const sym = canonSymbol(r.p + k);
    x = f.keys[familyKey('sym', sym)];
    if (x === undefined) {
      x = -1;
      id = `sym:${sym}`;
    }
  }
  if (x !== undefined) out.push({ s, e, x, one: false, fam: true, id });
}

function familyCands(fams: Family[], norm: string, lower: Lower, page: LazyContext | null, out: Cand[]): void {
  for (const fam of fams) {
    const { re, need, cont, w, has } = fam;
    if ((has && !has.test(norm)) || !triggered(w, lower, page)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(norm); m; m = re.exec(norm)) {
      const g = m.groups!;
      const s = m.index,
        e = s + m[0].length;
      if (need && !need.test(norm.slice(Math.max(0, s - WINDOW), e + WINDOW))) continue;
      familyCand(fam, g, g.k!, s, e, out);
      // Coordinated forms: "Conventions Nos. 97 and 143", "targets 5.2 and 16.2", "resolutions 71/1 and 71/280".
      if (!cont) continue;
      cont.lastIndex = e;
      for (let n = cont.exec(norm); n; n = cont.exec(norm)) {
        const [cs, ce] = n.indices!.groups!.s!;
        familyCand(fam, g, n.groups!.k!, cs, ce, out);
        re.lastIndex = cont.lastIndex;
      }
    }
  }
}

function patternCands(
  c: MatcherData,
  groups: (string[][] | null)[],
  res: RegExp[],
  norm: string,
  lower: Lower,
  page: LazyContext | null,
  todo: readonly number[],
  out: Cand[],
): void {
  for (const n of todo) {
    const p = c.pat[n]!;
    if (!triggered(p.w, lower, page)) continue;
    // The other mandatory literals too ("targets? … and 10.7" also needs "10"): only in this text.
    const g = groups[n];
    if (g && g.length > 1 && !g.every((ws) => ws.some(lower))) continue;
    const re = (res[n] ??= new RegExp(p.re, p.f));
    re.lastIndex = 0;
    for (let m = re.exec(norm); m; m = re.exec(norm)) {
      if (!m[0]) {
        re.lastIndex++;
        continue;
      }
      out.push({ s: m.index, e: m.index + m[0].length, x: p.x, one: false, fam: true });
    }
  }
}

export function loadMatcher(compiled: CompiledMatcher): LoadedMatcher {
  // The packed trie string is decoded once; the closures below keep the rest of the data, not it
  // (about 40 KB per frame, issue #17).
  const { trie: packed, ...c } = compiled;
  const trie = new Trie(packed);
  const amb = new Set(c.amb);
  const patterns: RegExp[] = [];
  const fams: Family[] = c.fam.map((f) => ({
    f,
    re: new RegExp(f.re, f.f),
    need: f.need ? new RegExp(f.need, 'i') : null,
    cont: f.cont ? new RegExp(f.cont, `y${f.f.replace('g', '')}`) : null,
    w: f.w ?? null,
    syn: f.syn ? f.syn.map((r) => ({ ...r, re: r.if ? new RegExp(r.if) : null })) : null,
    has: f.h ? new RegExp(`[${f.h}]`) : null,
  }));
  const roots = rootHashes(trie);
  const groups = c.pat.map((p) => p.g ?? null);
  const trig = [...new Set([...c.pat.flatMap((p) => p.w), ...fams.flatMap((f) => f.w ?? [])])];
  // Trigger words present in a text, in one pass (words.ts): most blocks of most pages have none, and
  // then no gated family or pattern needs a look. Words of patterns' other mandatory groups ("and",
  // "10"…) are too common for that pass and are checked with includes() on demand.
  const triggers = new WordSet(trig);
  const inVocab = new Set(trig);
  const ungatedFams = fams.filter((f) => !f.w?.length);
  // Patterns by trigger word: a block with "convention" looks at the dozen patterns that need it, not
  // at all 180 (asking each pattern about its words was a tenth of a cold scan, issue #17).
  const byWord = new Map<string, number[]>();
  const always: number[] = [];
  c.pat.forEach((p, n) => {
    if (!p.w.length) always.push(n);
    for (const w of p.w) {
      const list = byWord.get(w);
      if (list) list.push(n);
      else byWord.set(w, [n]);
    }
  });
  const picked = new Uint8Array(c.pat.length);
  /** The patterns some present word triggers, plus the ungated ones, in pattern order (as before). */
  const todoFor = (present: Set<string>): number[] => {
    const todo = [...always];
    for (const w of present)
      for (const n of byWord.get(w) ?? [])
        if (!picked[n]) {
          picked[n] = 1;
          todo.push(n);
        }
    for (const n of todo) picked[n] = 0;
    return todo.sort((a, b) => a - b);
  };

  // One set for every text (cleared per call): a new one per block was garbage on every block.
  const present = new Set<string>();
  const candidates = (norm: string, page: LazyContext | null): Cand[] => {
    const out: Cand[] = [];
    trieCands(trie, roots, norm, out);
    present.clear();
    triggers.collect(norm, present);
    let lo: string | null = null;
    const lower = (w: string): boolean => (inVocab.has(w) ? present.has(w) : (lo ??= norm.toLowerCase()).includes(w));
    if (present.size) {
      familyCands(fams, norm, lower, page, out);
      patternCands(c, groups, patterns, norm, lower, page, todoFor(present), out);
    } else {
      if (ungatedFams.length) familyCands(ungatedFams, norm, lower, page, out);
      if (always.length) patternCands(c, groups, patterns, norm, lower, page, always, out);
    }
    if (out.length < 2) return out;
    // Leftmost first, then longest; family/pattern hits before plain names of the same span, entries
    // before symbols no entry knows.
    return out.sort(
      (a, b) => a.s - b.s || b.e - a.e || Number(b.fam) - Number(a.fam) || Number(a.x < 0) - Number(b.x < 0),
    );
  };

  const deps = {
    ids: (norm: string, into: Set<string>, named: Set<string>) => {
      for (const k of candidates(norm, null)) {
        const ev = evidence(k);
        if (ev) into.add(c.ids[k.x]!);
        if (ev === 2) named.add(c.ids[k.x]!);
      }
    },
    dom: c.dom,
    trig,
    triggers,
    threshold: DOMAIN_THRESHOLD,
  };
  const n = c.ids.length;
  /**
   * What one candidate tells about the page. Not evidence: symbols no entry knows, shared short names,
   * gated French/Spanish forms (the page's language is not known here) and ambiguous short forms.
   * 2: the entry is named in full (a name of several words), 1: by another form.
   */
  const evidence = (k: Cand): 0 | 1 | 2 => {
    if (k.id || k.x >= n || k.gate || (k.one && amb.has(k.x))) return 0;
    return !k.one && !k.fam ? 2 : 1;
  };
  const pageContext = (text: string): PageContext => new LazyContext(normalise(text), deps);

  /** Leftmost-longest resolution of sorted candidates with the acceptance rules. */
  const resolve = (
    norm: string,
    cands: readonly Cand[],
    page: PageContext | undefined,
    text: string,
    opts: FindOptions = {},
    given?: LangSource,
    blind = false,
  ): Match[] => {
    // `blind`: the caller wants no page evidence; a rule that asks for it ends the call (resolveAlone).
    const env: Env = {
      c,
      trie,
      norm,
      amb,
      page: () => {
        if (blind) throw BLIND;
        return (page ??= pageContext(text));
      },
    };
    let lang: string | null | undefined;
    const langNow = () =>
      (lang === undefined ? (lang = langOf(opts.lang ?? given, norm, env.page) ?? null) : lang) ?? undefined;
    const kept: Cand[] = [];
    let end = -1;
    for (let k of cands) {
      const last = kept[kept.length - 1];
      if (k.s < end) {
        // A number-bearing family hit that extends the name it overlaps absorbs it, taking the number's id:
        // "Migration for Employment Convention (Revised), 1949 (No. 97)" is one C97 span, not name + rest.
        if (last && k.fam && k.e > last.e && (!last.fam || (last.id ?? last.x) === (k.id ?? k.x)) && accepts(k, env)) {
          last.e = end = k.e;
          last.x = k.x;
          last.id = k.id;
          last.fam = true;
        }
        continue;
      }
      if (k.gate && !gateOpen(k.gate, langNow)) continue;
      if (k.x >= n) {
        const x = pickShared(c, k, kept, env.page());
        if (x < 0) continue;
        k = { ...k, x };
      }
      if (!accepts(k, env)) continue;
      const np = c.np?.[k.x];
      if (np && k.one && pageVeto(k, c, np, env.page())) continue;
      kept.push({ ...k });
      end = k.e;
    }
    const muted = opts.muted ? new Set(opts.muted) : null;
    const cats = opts.categories ? new Set(opts.categories) : null;
    const res: Match[] = [];
    for (const k of kept) {
      const id = k.id ?? c.ids[k.x]!;
      if (muted?.has(id) || (cats && !cats.has(k.id ? SYMBOL_CATEGORY : c.cats[c.cat[k.x]!]!))) continue;
      res.push({ start: k.s, end: k.e, id });
    }
    return res;
  };

  const find = (text: string, ctx?: PageContext, opts: FindOptions = {}): Match[] => {
    const norm = normalise(text);
    return resolve(norm, candidates(norm, ctx instanceof LazyContext ? ctx : null), ctx, text, opts);
  };

  const blocks: BlockMatcher = {
    prepare: (text, lang) => {
      const norm = normalise(text);
      return lang === undefined
        ? { norm, cands: candidates(norm, null) }
        : { norm, cands: candidates(norm, null), lang };
    },
    context: () => {
      const ev = new BlockContext(deps);
      return {
        add: (p) => {
          const ids: string[] = [];
          const named: string[] = [];
          for (const k of p.cands) {
            const e = evidence(k);
            if (e) ids.push(c.ids[k.x]!);
            if (e === 2) named.push(c.ids[k.x]!);
          }
          ev.add(p.norm, ids, named);
        },
        finish: () => ev.finish(),
      };
    },
    // The normalised text stands in for the original: it has the same length and offsets.
    resolve: (p, ctx, opts) => resolve(p.norm, p.cands, ctx, p.norm, opts, p.lang),
    resolveAlone: (p, opts) => {
      try {
        return resolve(p.norm, p.cands, undefined, p.norm, opts, p.lang, true);
      } catch (e) {
        if (e === BLIND) return null;
        throw e;
      }
    },
  };

  return { find, pageContext, blocks };
}
