/**
 * Page-level rules of the acceptance step (evidence.ts accepts, matcher.ts resolve) that need more than
 * the candidate's own window: the page language for gated French and Spanish forms (forms.ts), a
 * notNear phrase elsewhere on the page, and shared short names resolved by page evidence.
 */
import type { Cand } from './evidence';
import { hasPhrase } from './evidence';
import { guessLang, LANG_BITS, readLang, type LangSource } from './lang';
import type { MatcherData, PageContext } from './types';

/** Per page, computed once: its guessed language and which veto phrases occur on it. */
interface PageMemo {
  lang?: string | null;
  phrase: Map<string, boolean>;
}
const memo = new WeakMap<object, PageMemo>();
function pageMemo(page: PageContext): PageMemo {
  let m = memo.get(page);
  if (!m) memo.set(page, (m = { phrase: new Map() }));
  return m;
}

/**
 * The language of one text, asked only when a gated form turns up: the declared one (element or
 * document `lang`, or the CLI's --lang), else a guess from the text itself, else from the whole page.
 */
export function langOf(given: LangSource, norm: string, page: () => PageContext): string | undefined {
  const l = readLang(given) ?? guessLang(norm);
  if (l) return l;
  const m = pageMemo(page());
  if (m.lang === undefined) m.lang = guessLang(page().text) ?? null;
  return m.lang ?? undefined;
}

/** A gated form (Cand.gate, LANG_BITS) on a page of another (or unknown) language is no term. */
export function gateOpen(gate: number, lang: () => string | undefined): boolean {
  return !gate || !!(gate & (LANG_BITS[lang() ?? ''] ?? 0));
}

const named = (page: PageContext, id: string): boolean =>
  'named' in page && typeof page.named === 'function' ? (page.named as (id: string) => boolean)(id) : false;

/**
 * A one-word form whose rival expansion (CompiledMatcher.np: "Isle of Man", not "contact us") is on the page,
 * though beyond the nearby window ("the people of the IOM" far below "Isle of Man"), is vetoed too,
 * unless the page names the entry in full.
 */
export function pageVeto(k: Cand, c: MatcherData, not: readonly string[], page: PageContext): boolean {
  if (!k.one) return false;
  const m = pageMemo(page);
  const on = not.some((p) => {
    let v = m.phrase.get(p);
    if (v === undefined) m.phrase.set(p, (v = hasPhrase(page.text, p)));
    return v;
  });
  return on && !named(page, c.ids[k.x]!);
}

const onPage = (page: PageContext, id: string): boolean =>
  'hasId' in page && typeof page.hasId === 'function'
    ? (page.hasId as (id: string) => boolean)(id)
    : page.ids.includes(id);

/**
 * The entry a shared short name stands for: among the members the page names, the one named last
 * before it in this text, else the first the glossary lists; none named → no term (-1).
 */
export function pickShared(c: MatcherData, k: Cand, before: readonly Cand[], page: PageContext): number {
  const members = c.grp?.[k.x - c.ids.length] ?? [];
  const present = members.filter((x) => onPage(page, c.ids[x]!));
  if (present.length < 2) return present[0] ?? -1;
  for (let i = before.length - 1; i >= 0; i--) if (present.includes(before[i]!.x)) return before[i]!.x;
  return present[0]!;
}
