import type { SynRule } from './key';
import type { LangSource } from './lang';

/**
 * Types of the compiled matcher. `CompiledMatcher` is plain JSON: it is produced once at build time
 * by compileMatcher() and shipped to the content script, which only runs loadMatcher().
 */

/** A recognised term: JS string offsets into the ORIGINAL text passed to find(). */
export interface Match {
  start: number;
  end: number;
  id: string;
}

/**
 * Page-level evidence, computed once per page with matcher.pageContext(pageText) and passed to every
 * find() call on that page's text nodes.
 */
export interface PageContext {
  /** Distinct unambiguous glossary entries + distinct migration-domain words on the page. */
  score: number;
  /** score >= DOMAIN_THRESHOLD: the page is about migration governance. */
  domain: boolean;
  /** Entry ids found on the page through an unambiguous form (full name, non-neverAlone entry…). */
  ids: string[];
  /** Normalised lowercase page text, for "is this context word anywhere on the page" checks. */
  text: string;
}

export interface FindOptions {
  /** Only report entries of these categories (all when omitted). */
  categories?: readonly string[];
  /** Entry ids the user already knows / muted: their spans are consumed but not reported. */
  muted?: readonly string[] | ReadonlySet<string>;
  /** The text's declared language ("fr", "es-419"…), or a function asked only if a gated form turns up. */
  lang?: LangSource;
}

/**
 * Token trie over normalised tokens, packed into two strings (format and reader in trie.ts): edge keys
 * are "=Tok" (exact case) or "tok" (lowercase, accent-folded).
 */
export interface PackedTrie {
  /** Distinct edge keys joined by "\n". */
  k: string;
  /** The nodes, breadth-first, as base-32 numbers. */
  n: string;
}

/** A composite family (ILO numbers, SDG targets, resolution symbols…), see families.ts. */
export interface CompiledFamily {
  /** Key namespace, e.g. "ilo", "sdg", "res". */
  ns: string;
  /** Regex source with named groups `k` (number/symbol) and optional `t` (type letter source). */
  re: string;
  /** Regex flags (always includes g and d). */
  f: string;
  /** Sticky continuation for coordinated forms ("and No. 143"): groups `s` (span) and `k`. */
  cont?: string;
  /** Case-insensitive regex that must occur within the context window (e.g. "ILO|Convention"). */
  need?: string;
  /** Normalised key → entry index (families with `syn` also hold the "sym:" keys of every symbol entries spell). */
  keys: Record<string, number>;
  /** Rules that turn hits no entry keys into "sym:" ids (families.ts); absent = keyed hits only. */
  syn?: SynRule[];
  /** Trigger words of `re` (pattern-trigger.ts, computed at build time); null = always run. */
  w: string[] | null;
  /** A character class every match contains (families.ts FamilyDef.has): tested before the regex runs. */
  h?: string;
}

export interface CompiledPattern {
  /** Regex source (from hints.patterns). */
  re: string;
  /** Flags: g, plus i unless the entry is case-sensitive, plus u only when the source needs it. */
  f: string;
  /** Entry index. */
  x: number;
  /**
   * Trigger words (lowercase, see pattern-trigger.ts): every match has one of them in the text, so the
   * pattern is skipped when none occurs. Empty = always run.
   */
  w: string[];
  /**
   * Every mandatory trigger group (AND of ORs, patternTriggerGroups) when there is more than one:
   * "targets? … and 10.7" also needs "10". Build time, so the regex parser stays out of the content script.
   */
  g?: string[][];
}

export const MATCHER_FORMAT = 2;

export interface CompiledMatcher {
  /** Format: 2 since the packed trie (issue #17); the background reinstalls a stored matcher of another. */
  v: typeof MATCHER_FORMAT;
  /** Entry index → id. */
  ids: string[];
  /** Category names; `cat[i]` indexes into it. */
  cats: string[];
  cat: number[];
  /** Indices of entries with hints.neverAlone. */
  amb: number[];
  /** Entry index → lowercase context phrases (hints.context). */
  ctx: Record<string, string[]>;
  /** Entry index → lowercase veto phrases (hints.notNear). */
  not: Record<string, string[]>;
  /** Entry index → the veto phrases that are rival expansions of its acronym (forms.ts): they veto page-wide. */
  np?: Record<string, string[]>;
  /**
   * Token trie; its ends (terminal values) are index * 8 + gate * 2 + (single-word form ? 1 : 0). gate: 0 any page,
   * else lang.ts LANG_BITS of the page languages the form may match on (forms.ts). An index at or past
   * `ids.length` is the shared short name `grp[index - ids.length]`.
   */
  trie: PackedTrie;
  /** Shared short names (forms.ts SHARED_FORMS): the entry indices page evidence chooses from. */
  grp?: number[][];
  fam: CompiledFamily[];
  /** hints.patterns, one regex each, run only when one of their literal words occurs in the text. */
  pat: CompiledPattern[];
  /** Lowercase migration-domain words counted by pageContext(). */
  dom: string[];
}

/** A compiled matcher without its packed trie, which the loaded matcher no longer needs once decoded. */
export type MatcherData = Omit<CompiledMatcher, 'trie'>;
