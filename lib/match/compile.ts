/**
 * Build-time compiler: glossary entries → CompiledMatcher (plain JSON). Runs once in the build (Node)
 * so the content script only walks a prepared token trie plus a handful of family regexes.
 */
import type { GlossarySource } from '../glossary/types';
import { isGlossaryId } from '../glossary/id';
import { FAMILIES, keysFromId } from './families';
import { canonSymbol, familyKey, synRule } from './key';
import { entryForms, rivalExpansions, SHARED_FORMS } from './forms';
import { foldKey, isWord, normalise, tokenize } from './normalise';
import { patternTrigger, patternTriggerGroups } from './pattern-trigger';
import { buildNode, insertForm as insert, packTrie } from './trie-pack';
import { MATCHER_FORMAT, type CompiledFamily, type CompiledMatcher, type CompiledPattern } from './types';

/** Words whose presence makes a page "about migration" (pageContext score). */
export const DOMAIN_WORDS = [
  'migration',
  'migrant',
  'migrants',
  'immigration',
  'immigrant',
  'immigrants',
  'emigration',
  'emigrants',
  'refugee',
  'refugees',
  'asylum',
  'remittances',
  'diaspora',
  'displacement',
  'displaced',
  'trafficking',
  'smuggling',
  'statelessness',
  'stateless',
  'mobility',
  'deportation',
  'resettlement',
];

const NUMBERISH = /^(?:\d+|n[oº°]?s?|núm|[a-c])$/i;

export interface CompileOptions {
  domainWords?: readonly string[];
}

/**
 * Per-token case rule: hints.caseSensitive true → every token exact; false → every token lowercase;
 * default → tokens with two or more capitals (acronyms: "UN", "ICAO", "MoU") exact, the rest
 * case-insensitive, so "UN Women" matches "UN women" but never "un women". Case-insensitive keys are
 * accent-folded too (normalise.ts foldKey): "migrations sures" still finds "migrations sûres".
 */
function tokenKey(tok: string, cs: boolean | undefined): string {
  if (cs === true || (cs === undefined && /\p{Lu}.*\p{Lu}/u.test(tok))) return `=${tok}`;
  return foldKey(tok.toLowerCase());
}

/** Trie end (types.ts CompiledMatcher.trie): entry index, language gate (forms.ts), single-word flag. */
const terminal = (x: number, gate: number, single: number): number => x * 8 + gate * 2 + single;

const lowerPhrases = (list: readonly string[] | undefined): string[] =>
  (list ?? []).map((w) => normalise(w).toLowerCase().replace(/\s+/g, ' ').trim()).filter(Boolean);

function checkEntry(e: GlossarySource, i: number, seen: Set<string>): void {
  const where = `glossary entry #${i}${e && typeof e.id === 'string' ? ` "${e.id}"` : ''}`;
  if (!e || typeof e !== 'object') throw new Error(`${where}: not an object`);
  if (!isGlossaryId(e.id)) throw new Error(`${where}: missing or invalid id`);
  if (seen.has(e.id)) throw new Error(`${where}: duplicate id`);
  seen.add(e.id);
  if (typeof e.label !== 'string' || !e.label.trim()) throw new Error(`${where}: missing label`);
  if (e.aliases !== undefined && (!Array.isArray(e.aliases) || e.aliases.some((a) => typeof a !== 'string'))) {
    throw new Error(`${where}: aliases must be an array of strings`);
  }
}

function compilePatterns(entries: readonly GlossarySource[]): CompiledPattern[] {
  const out: CompiledPattern[] = [];
  entries.forEach((e, x) => {
    const f = e.hints?.caseSensitive === true ? 'g' : 'gi';
    (e.hints?.patterns ?? []).forEach((re, n) => {
      // The u flag makes case-insensitive scans several times slower: only when the source needs it.
      const flags = /\\[pP]\{|\\u\{/.test(re) ? `${f}u` : f;
      try {
        if (new RegExp(re, flags).test('')) throw new Error('matches the empty string');
      } catch (err) {
        throw new Error(
          `glossary entry "${e.id}": hints.patterns[${n}] is not a valid regular expression: ${(err as Error).message}`,
          { cause: err },
        );
      }
      const w = patternTrigger(re) ?? [];
      const g = w.length ? patternTriggerGroups(re) : null;
      out.push({ re, f: flags, x, w, ...(g && g.length > 1 ? { g } : {}) });
    });
  });
  return out;
}

export function compileMatcher(entries: readonly GlossarySource[], opts: CompileOptions = {}): CompiledMatcher {
  const seen = new Set<string>();
  entries.forEach((e, i) => checkEntry(e, i, seen));
  const cats: string[] = [];
  const out: CompiledMatcher = {
    v: MATCHER_FORMAT,
    ids: [],
    cats,
    cat: [],
    amb: [],
    ctx: {},
    not: {},
    trie: { k: '', n: '' },
    fam: [],
    pat: [],
    dom: [...(opts.domainWords ?? DOMAIN_WORDS)].map((w) => w.toLowerCase()),
  };
  const index = new Map<string, number>();
  const trie = buildNode();
  entries.forEach((e, i) => {
    index.set(e.id, i);
    out.ids.push(e.id);
    let c = cats.indexOf(e.category);
    if (c < 0) c = cats.push(e.category) - 1;
    out.cat.push(c);
    const h = e.hints ?? {};
    if (h.neverAlone) out.amb.push(i);
    const ctx = lowerPhrases(h.context);
    if (ctx.length) out.ctx[i] = ctx;
    const not = lowerPhrases(h.notNear);
    if (not.length) out.not[i] = not;
    const page = lowerPhrases(rivalExpansions(e));
    if (page.length) (out.np ??= {})[i] = page;
    for (const [form, { gate, local }] of entryForms(e)) {
      const toks = tokenize(normalise(form)).t;
      const words = toks.filter(isWord);
      // A number alone is never a term: "No. 97", "(No. 189)", "10.7" only count inside a family.
      if (words.every((w) => NUMBERISH.test(w))) continue;
      const single = words.length === 1 ? 1 : 0;
      insert(
        trie,
        toks.map((t) => tokenKey(t, local ? undefined : h.caseSensitive)),
        terminal(i, gate, single),
      );
    }
  });
  // Shared short names ("Global Compact"): a virtual index past the entries, resolved by page evidence.
  for (const s of SHARED_FORMS) {
    const members = s.ids.map((id) => index.get(id)).filter((x): x is number => x !== undefined);
    if (!members.length) continue;
    const g = (out.grp ??= []).push(members) - 1;
    for (const keys of s.keys) insert(trie, [...keys], terminal(out.ids.length + g, 0, 0));
  }

  out.trie = packTrie(trie);

  // Family keys: spelled by entry forms first (first entry wins), then conventional ids.
  const keyMap = new Map<string, number>();
  entries.forEach((e, i) => {
    for (const form of entryForms(e).keys()) {
      const norm = normalise(form);
      const taken: [number, number][] = [];
      for (const f of FAMILIES) {
        const re = new RegExp(f.re, f.ci ? 'gi' : 'g');
        for (const m of norm.matchAll(re)) {
          const s = m.index,
            e = s + m[0].length;
          if (taken.some(([a, b]) => s < b && e > a)) continue;
          taken.push([s, e]);
          const g = m.groups!;
          const rule = f.syn ? synRule(f.syn, g, g.k!, (r, k) => !r.if || new RegExp(r.if).test(k)) : null;
          // "HRC resolution 34/21" in an entry names an HRC resolution: not the family's 34/21.
          const keys = [...(rule?.own ? [] : [familyKey(f.ns, g.k!, g.t)])];
          // The symbol a hit stands for, so that every way of writing it finds this entry.
          if (rule) keys.push(familyKey('sym', canonSymbol(rule.p + g.k!)));
          for (const key of keys) if (!keyMap.has(key)) keyMap.set(key, i);
        }
      }
    }
  });
  entries.forEach((e, i) => {
    for (const key of keysFromId(e.id)) if (!keyMap.has(key)) keyMap.set(key, index.get(e.id) ?? i);
  });
  for (const f of FAMILIES) {
    const keys: Record<string, number> = {};
    for (const [key, i] of keyMap) if (key.startsWith(`${f.ns}:`) || (f.syn && key.startsWith('sym:'))) keys[key] = i;
    // A family without entries in this glossary is skipped entirely, unless it recognises symbols on its own.
    if (!Object.keys(keys).length && !f.syn) continue;
    const fam: CompiledFamily = { ns: f.ns, re: f.re, f: f.ci ? 'gdi' : 'gd', keys, w: patternTrigger(f.re) };
    if (f.cont) fam.cont = f.cont;
    if (f.need) fam.need = f.need;
    if (f.syn) fam.syn = f.syn;
    if (f.has) fam.h = f.has;
    out.fam.push(fam);
  }
  out.pat = compilePatterns(entries);
  return out;
}
