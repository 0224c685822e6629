/**
 * Search and auto-suggest over KB records (mandates, recommendations, passages) plus glossary
 * terms (built-in and custom), merged into one ranked list with snippets and citations.
 */
import type MiniSearch from 'minisearch';
import type { SearchOptions, SearchResult } from 'minisearch';
import type { GlossaryEntry } from '../glossary/types';
import type { KbRecord } from '../kb/types';
import type { HitKind, SearchFilters, SearchHit } from '../messaging/protocol';
import { formatCitation, formatLabel, shortSection, type DocInfo } from '../kb/cite';
import { exactKey, exactKeys, type SearchDoc, type TermDoc } from '../kb/search-options';
import type { MessageKey } from '../i18n/keys';
import { ENGLISH, type Say } from './ui-language';

export interface SearchContext {
  records: ReadonlyMap<string, KbRecord>;
  index: MiniSearch<SearchDoc>;
  docs: ReadonlyMap<string, DocInfo>;
  terms: MiniSearch<TermDoc>;
  entries: ReadonlyMap<string, GlossaryEntry>;
}

export type { TermDoc };

// Fuzzy matching on short words mostly produces noise ("ILO" ~ "IOM"), so only words ≥ 5 chars.
const fuzzy = (term: string) => (term.length >= 5 ? 0.2 : false);
// 0.2 × length allows 4–6 edits for 18+ character words (pasted or glued words), and the edit-distance
// walk over the term tree grows steeply with the distance: ~1.3 ms vs ~0.35 ms at 3 for one such word.
// Capping at 3 changed no result or score over the 100 bench queries plus 10 typo queries.
const MAX_FUZZY = 3;
const RECORD_KINDS = new Set(['mandate', 'recommendation', 'passage']);
/** Result kinds in the reader's language: "Mandate · IOM · para. 3". */
const KIND_KEYS: Record<string, MessageKey> = {
  mandate: 'section_mandate',
  recommendation: 'search_kindRecommendation',
  passage: 'search_kindPassage',
};

/** Short result title (issue #16: titles repeated whole section headings); the section goes below. */
function recordHitTitle(
  rec: KbRecord,
  docs: ReadonlyMap<string, DocInfo>,
  say: Say,
): { title: string; section: string } {
  const c = rec.citation;
  const who = c.agency ?? docs.get(c.doc)?.short ?? c.doc;
  const kind = KIND_KEYS[rec.kind];
  const parts = [kind ? say(kind) : rec.kind, who, c.label ? formatLabel(c.label) : ''];
  return { title: parts.filter(Boolean).join(' · '), section: shortSection(c) };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Snippets were most of a search's time: one `(?<![\p{L}\p{N}])(?:…)[\p{L}\p{N}]*/giu` regex per hit,
// a new source per query, and Unicode property classes make each compile expensive. Now only the
// word alternation is compiled per term set (plain `gi`, cached for the hits of a query); the
// word-boundary and word-extension checks are fixed regexes compiled once.
const WORD_CHAR_BEFORE = /[\p{L}\p{N}]$/u;
const WORD_REST = /[\p{L}\p{N}]*/uy;
const termRes = new Map<string, RegExp>();

function termRegex(terms: string[]): RegExp | null {
  const words = [...new Set(terms.filter(Boolean))].sort((a, b) => b.length - a.length);
  if (!words.length) return null;
  const key = words.join('\u0000');
  let re = termRes.get(key);
  if (!re) {
    if (termRes.size >= 256) termRes.clear();
    re = new RegExp(words.map(escapeRe).join('|'), 'gi');
    termRes.set(key, re);
  }
  return re;
}

/** Next match in `s` from `from`: a term at a word start, extended to the end of its word. */
function nextWord(re: RegExp, s: string, from: number): [number, number] | null {
  re.lastIndex = from;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const at = m.index;
    // Two code units back covers a preceding astral (surrogate pair) letter.
    if (at === 0 || !WORD_CHAR_BEFORE.test(s.slice(Math.max(0, at - 2), at))) {
      WORD_REST.lastIndex = at + m[0].length;
      WORD_REST.test(s);
      return [at, WORD_REST.lastIndex];
    }
    re.lastIndex = at + 1;
  }
  return null;
}

/** ~2×radius characters around the first matched word, cut at word boundaries, with mark offsets. */
export function makeSnippet(
  text: string,
  terms: string[],
  radius = 90,
): { snippet: string; marks: [number, number][] } {
  const re = termRegex(terms);
  const first = re ? nextWord(re, text, 0) : null;
  const center = first ? first[0] : 0;
  let start = Math.max(0, center - radius);
  let end = Math.min(text.length, center + radius + (first ? first[1] - first[0] : radius));
  if (start > 0) {
    const sp = text.indexOf(' ', start);
    if (sp !== -1 && sp < center) start = sp + 1;
  }
  if (end < text.length) {
    const sp = text.lastIndexOf(' ', end);
    if (sp > center) end = sp;
  }
  const pre = start > 0 ? '… ' : '';
  const snippet = pre + text.slice(start, end) + (end < text.length ? ' …' : '');
  const marks: [number, number][] = [];
  if (re) {
    const body = text.slice(start, end);
    for (let m = nextWord(re, body, 0); m; m = nextWord(re, body, m[1]))
      marks.push([m[0] + pre.length, m[1] + pre.length]);
  }
  return { snippet, marks };
}

function recordMatches(r: KbRecord, f: SearchFilters): boolean {
  if (f.kind && r.kind !== f.kind) return false;
  if (f.doc && r.citation.doc !== f.doc) return false;
  if (f.section && r.citation.section !== f.section) return false;
  if (f.agency && (r.citation.agency ?? '').toLowerCase() !== f.agency.toLowerCase()) return false;
  return true;
}

/**
 * `suggest` = as-you-type: every word must match (AND) and fewer results. Scores of the two indexes
 * are not comparable, so each list is normalised by its best score before merging.
 */
export function runSearch(
  ctx: SearchContext,
  query: string,
  filters: SearchFilters = {},
  limit = 20,
  mode: 'search' | 'suggest' = 'search',
  say: Say = ENGLISH,
): SearchHit[] {
  const q = query.trim();
  if (!q) return [];
  const opts: SearchOptions = {
    prefix: true,
    fuzzy,
    maxFuzzy: MAX_FUZZY,
    combineWith: mode === 'suggest' ? 'AND' : 'OR',
  };
  const wantRecords = !filters.kind || RECORD_KINDS.has(filters.kind);
  const wantTerms =
    !filters.agency &&
    !filters.doc &&
    !filters.section &&
    (!filters.kind || filters.kind === 'term' || filters.kind === 'custom');
  const out: SearchHit[] = [];

  if (wantRecords) {
    const res = ctx.index.search(q, {
      ...opts,
      filter: (r) => {
        const rec = ctx.records.get(String(r.id));
        return !!rec && recordMatches(rec, filters);
      },
    });
    const top = res[0]?.score || 1;
    for (const r of res.slice(0, limit)) {
      const rec = ctx.records.get(String(r.id))!;
      out.push({
        ...hitText(rec.text, r),
        id: rec.id,
        kind: rec.kind,
        ...recordHitTitle(rec, ctx.docs, say),
        cite: formatCitation(rec.citation, ctx.docs),
        score: r.score / top,
      });
    }
  }
  if (wantTerms) {
    const qk = exactKey(q);
    const res = ctx.terms.search(q, {
      ...opts,
      filter: (r) => {
        const e = ctx.entries.get(String(r.id));
        return !!e && (!filters.kind || (filters.kind === 'custom') === !!e.custom);
      },
    });
    const top = res[0]?.score || 1;
    for (const r of res.slice(0, limit)) {
      const e = ctx.entries.get(String(r.id))!;
      // A query naming the term exactly (label, acronym, alias, short name) puts its entry first.
      const exact = exactKeys(e).has(qk);
      const kind: HitKind = e.custom ? 'custom' : 'term';
      out.push({
        ...hitText(e.summary, r),
        id: e.id,
        kind,
        title: e.expansion ? `${e.label} — ${e.expansion}` : e.label,
        cite: say(e.custom ? 'search_citeCustom' : 'search_citeGlossary'),
        // Exact: above every normalised score (≤ 1); otherwise just below the best record.
        score: exact ? 2 + r.score / top : (r.score / top) * 0.9,
      });
    }
  }
  return out.sort((a, b) => b.score - a.score).slice(0, limit);
}

function hitText(text: string, r: SearchResult): { snippet: string; marks: [number, number][] } {
  return makeSnippet(text, r.terms.length ? r.terms : r.queryTerms);
}
