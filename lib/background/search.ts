/**
 * Search and auto-suggest over KB records (mandates, recommendations, passages) plus glossary
 * terms (built-in and custom), merged into one ranked list with snippets and citations.
 */
import type MiniSearch from 'minisearch';
import type { SearchOptions, SearchResult } from 'minisearch';
import type { GlossaryEntry } from '../glossary/types';
import type { KbRecord } from '../kb/types';
import type { HitKind, SearchFilters, SearchHit } from '../messaging/protocol';
import { formatCitation, recordTitle, type DocInfo } from '../kb/cite';
import type { TermDoc } from '../kb/search-options';

export interface SearchContext {
  records: ReadonlyMap<string, KbRecord>;
  index: MiniSearch<any>;
  docs: ReadonlyMap<string, DocInfo>;
  terms: MiniSearch<TermDoc>;
  entries: ReadonlyMap<string, GlossaryEntry>;
}

export type { TermDoc };

// Fuzzy matching on short words mostly produces noise ("ILO" ~ "IOM"), so only words ≥ 5 chars.
const fuzzy = (term: string) => (term.length >= 5 ? 0.2 : false);
const RECORD_KINDS = new Set(['mandate', 'recommendation', 'passage']);

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** ~2×radius characters around the first matched word, cut at word boundaries, with mark offsets. */
export function makeSnippet(text: string, terms: string[], radius = 90): { snippet: string; marks: [number, number][] } {
  const words = [...new Set(terms.filter(Boolean))].sort((a, b) => b.length - a.length);
  const re = words.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRe).join('|')})[\\p{L}\\p{N}]*`, 'giu') : null;
  const first = re ? re.exec(text) : null;
  const center = first ? first.index : 0;
  let start = Math.max(0, center - radius);
  let end = Math.min(text.length, center + radius + (first ? first[0].length : radius));
  if (start > 0) { const sp = text.indexOf(' ', start); if (sp !== -1 && sp < center) start = sp + 1; }
  if (end < text.length) { const sp = text.lastIndexOf(' ', end); if (sp > center) end = sp; }
  const pre = start > 0 ? '… ' : '';
  const snippet = pre + text.slice(start, end) + (end < text.length ? ' …' : '');
  const marks: [number, number][] = [];
  if (re) {
    re.lastIndex = 0;
    const body = text.slice(start, end);
    for (let m = re.exec(body); m; m = re.exec(body)) marks.push([m.index + pre.length, m.index + pre.length + m[0].length]);
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
export function runSearch(ctx: SearchContext, query: string, filters: SearchFilters = {}, limit = 20, mode: 'search' | 'suggest' = 'search'): SearchHit[] {
  const q = query.trim();
  if (!q) return [];
  const opts: SearchOptions = { prefix: true, fuzzy, combineWith: mode === 'suggest' ? 'AND' : 'OR' };
  const wantRecords = !filters.kind || RECORD_KINDS.has(filters.kind);
  const wantTerms = !filters.agency && !filters.doc && !filters.section && (!filters.kind || filters.kind === 'term' || filters.kind === 'custom');
  const out: SearchHit[] = [];

  if (wantRecords) {
    const res = ctx.index.search(q, { ...opts, filter: (r) => { const rec = ctx.records.get(String(r.id)); return !!rec && recordMatches(rec, filters); } });
    const top = res[0]?.score || 1;
    for (const r of res.slice(0, limit)) {
      const rec = ctx.records.get(String(r.id))!;
      out.push({ ...hitText(rec.text, r), id: rec.id, kind: rec.kind, title: recordTitle(rec.citation, ctx.docs), cite: formatCitation(rec.citation, ctx.docs), score: r.score / top });
    }
  }
  if (wantTerms) {
    const ql = q.toLowerCase();
    const res = ctx.terms.search(q, { ...opts, filter: (r) => {
      const e = ctx.entries.get(String(r.id));
      return !!e && (!filters.kind || (filters.kind === 'custom') === !!e.custom);
    } });
    const top = res[0]?.score || 1;
    for (const r of res.slice(0, limit)) {
      const e = ctx.entries.get(String(r.id))!;
      // A query naming the term exactly should put its card first.
      const exact = e.label.toLowerCase() === ql || (e.aliases ?? []).some((a) => a.toLowerCase() === ql);
      const kind: HitKind = e.custom ? 'custom' : 'term';
      out.push({ ...hitText(e.summary, r), id: e.id, kind, title: e.expansion ? `${e.label} — ${e.expansion}` : e.label, cite: e.custom ? 'Custom glossary' : 'Migration Lens glossary', score: (r.score / top) * (exact ? 2 : 0.9) });
    }
  }
  return out.sort((a, b) => b.score - a.score).slice(0, limit);
}

function hitText(text: string, r: SearchResult): { snippet: string; marks: [number, number][] } {
  return makeSnippet(text, r.terms.length ? r.terms : r.queryTerms);
}
