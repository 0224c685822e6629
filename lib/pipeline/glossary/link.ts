/**
 * Links curated entries to verbatim passages of the knowledge base and resolves cross-references.
 * Ranking (deterministic; ties broken by record order in the bundle):
 *   1. agencies (chapterAgency): the mandate statement of their 002 mandate record (a hint
 *      inside that record, else its most defining sentence naming the agency);
 *   2. by quality bucket (rank.ts tiers): defining or substantive sentences, then neutral, then
 *      weak (a speaker "representing X", a bibliographic footnote), passing mentions (a name in a
 *      list, thanks to representatives) last;
 *   3. within a bucket, excerptHints first in curated order, then mentions by tier, "Full Name
 *      (ACRONYM)" definitions, an agency's own chapter, body before footnotes, short sentences,
 *      section (mandate/findings/body before activities…), mention count.
 * Never quoted (rank.ts `rejection`): web addresses and download notes, colon-ended lead-ins,
 * a sentence about another document symbol, the same sentence twice on one card.
 * Quotable units are record texts, their sub-items and footnotes (link-match.ts). One excerpt
 * per record; the excerpt is the sentence(s) of the unit around the hint/mention.
 */
import type { KbBundle, KbRecord, SectionKind } from '../../kb/types';
import {
  buildPostings,
  candidateRecords,
  findMentions,
  matchForms,
  recordUnits,
  type Mention,
  type Unit,
} from './link-match';
import {
  isAboutOtherSymbol,
  isColonLeadIn,
  isUrlOrDownloadNote,
  listedNeighbours,
  sameSentence,
  sentenceTier,
  symbolsIn,
  Tier,
  withoutUrlTail,
} from './rank';
import { isCaseSensitive, normalizeForVerbatim, sentenceSpans, termMatcher } from './text';
import type { Excerpt, GlossaryEntry, GlossarySource } from '../../glossary/types';

export const MAX_EXCERPTS = 3;

const SECTION_RANK: Record<SectionKind, number> = {
  mandate: 0,
  'key-findings': 1,
  synthesis: 1,
  body: 2,
  recommendations: 2,
  activities: 3,
  gfmd: 3,
  'good-practices': 3,
  challenges: 3,
  gaps: 3,
  postscript: 4,
  annex: 5,
};

/** "UN DESA", "UNDESA" and "un-desa" name the same chapter agency. */
export function agencyKey(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Sentences longer than this are narrowed to the clause(s) around the hit. */
export const LONG_SENTENCE = 500;

/** [start, end) of the sentence(s) of `text` overlapping [start, end). */
function sentenceRange(text: string, start: number, end: number): [number, number] {
  const hit = sentenceSpans(text).filter(([s, e]) => e > start && s < end);
  if (hit.length === 0) return [0, text.trimEnd().length];
  return [hit[0]![0], hit[hit.length - 1]![1]];
}

/** Verbatim sentence(s) of `text` overlapping [start, end). */
export function sentencesAround(text: string, start: number, end: number): string {
  const [a, b] = sentenceRange(text, start, end);
  return text.slice(a, b);
}

/**
 * Like sentencesAround, but a very long sentence (chapter 1 of 002 has 1,500-character
 * enumerations "(a) …; (b) …") is narrowed to its ";"-separated clause(s) around the hit.
 * Still a verbatim slice; `trimmed` tells the UI to show an ellipsis.
 */
export function excerptAround(text: string, start: number, end: number): { text: string; trimmed: boolean } {
  const [a, b] = sentenceRange(text, start, end);
  if (b - a <= LONG_SENTENCE) return { text: text.slice(a, b), trimmed: false };
  const cuts = [a];
  const re = /[;:]\s+/g;
  re.lastIndex = a;
  for (let m = re.exec(text); m && m.index < b; m = re.exec(text)) cuts.push(m.index + m[0].length);
  cuts.push(b);
  let from = a;
  let to = b;
  for (let i = 0; i + 1 < cuts.length; i++) {
    if (cuts[i + 1]! <= start) from = cuts[i + 1]!;
    if (cuts[i]! >= end && to === b) to = cuts[i]!;
  }
  const slice = text.slice(from, to).replace(/[;:\s]+$/, '');
  return { text: slice, trimmed: from !== a || to !== b };
}

function hintRegExp(hint: string): RegExp {
  const words = normalizeForVerbatim(hint)
    .split(' ')
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(words.join('\\s+'));
}

interface Candidate {
  key: number[];
  /** Index into the units array. */
  unit: number;
  start: number;
  end: number;
  /** The mandate statement of an agency: it fills the card's Mandate block. */
  mandate?: boolean;
}

/** Index of "Full Name (ACRONYM)": the mention is "(ACR)" and the text before ends in a name. */
function isDefinition(m: Mention, text: string, names: string[]): boolean {
  if (!m.acronym || text[m.start - 1] !== '(' || text[m.end] !== ')') return false;
  const before = normalizeForVerbatim(text.slice(Math.max(0, m.start - 200), m.start - 1)).toLowerCase();
  return names.some((n) => before.endsWith(n));
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

interface LinkContext {
  units: Unit[];
  postings: Map<string, number[]>;
  /** Every entry's mentions per unit, sorted by start (to spot lists of names). */
  allMentions: Mention[][];
  /** Two entries (by index) of the same category. */
  sameKind: (a: number, b: number) => boolean;
}

/** Tier of the sentence around [start, end) of unit `ui`. */
function tierAt(ctx: LinkContext, ui: number, start: number, end: number): Tier {
  const u = ctx.units[ui]!;
  const [a] = sentenceRange(u.text, start, end);
  const { text: sentence } = excerptAround(u.text, start, end);
  const offset = u.text.indexOf(sentence, a);
  const spans = ctx.allMentions[ui] ?? [];
  const at = spans.findIndex((m) => m.start === start);
  const listed = at >= 0 ? listedNeighbours(u.text, spans, at, ctx.sameKind) : 0;
  const rel = Math.max(0, start - Math.max(offset, 0));
  return sentenceTier({ sentence, start: rel, end: rel + (end - start), listed, footnote: u.footnote });
}

/** The mandate record's body: a hint inside it, else its most defining sentence naming the agency. */
function mandateCandidate(e: GlossarySource, mentions: Mention[], ctx: LinkContext, mandate: number): Candidate {
  const text = ctx.units[mandate]!.text;
  for (const hint of e.excerptHints ?? []) {
    const m = hintRegExp(hint).exec(text);
    if (m) return { key: [0], unit: mandate, start: m.index, end: m.index + m[0].length, mandate: true };
  }
  let best: Candidate = { key: [0, Tier.Passing + 1], unit: mandate, start: 0, end: 1, mandate: true };
  for (const m of mentions) {
    if (m.unit !== mandate) continue;
    const key = [0, tierAt(ctx, mandate, m.start, m.end)];
    if (compareKeys(key, best.key) < 0) best = { key, unit: mandate, start: m.start, end: m.end, mandate: true };
  }
  return best;
}

/**
 * Leading key parts: passing mentions last, then defining and substantive sentences together (a
 * curated hint steers among them), then neutral, then weak ones.
 */
function tierBuckets(tier: Tier): [number, number] {
  return [tier === Tier.Passing ? 1 : 0, tier <= Tier.Substantive ? 0 : tier];
}

function entryCandidates(e: GlossarySource, mentions: Mention[], ctx: LinkContext, mandate: number): Candidate[] {
  const { units } = ctx;
  const agency = e.chapterAgency ? agencyKey(e.chapterAgency) : '';
  const out: Candidate[] = [];
  if (mandate >= 0) out.push(mandateCandidate(e, mentions, ctx, mandate));
  // Curated hints come before ranked mentions of the same quality bucket (tierBuckets).
  (e.excerptHints ?? []).forEach((hint, hi) => {
    const re = hintRegExp(hint);
    for (const ui of candidateRecords(hint, ctx.postings)) {
      const m = re.exec(units[ui]!.text);
      if (!m) continue;
      const start = m.index;
      const end = m.index + m[0].length;
      // A curator's pick counts as substantive unless the rules see a passing or weak mention.
      // Judge the sentence by where the term itself sits, when the hint contains a mention.
      const inside = mentions.find((x) => x.unit === ui && x.start >= start && x.end <= end);
      const tier = inside ? tierAt(ctx, ui, inside.start, inside.end) : tierAt(ctx, ui, start, end);
      const bucket = tierBuckets(tier === Tier.Neutral ? Tier.Substantive : tier);
      out.push({ key: [1, ...bucket, 0, hi, ui], unit: ui, start, end });
    }
  });
  const names = matchForms(e)
    .filter((f) => /\s/.test(f))
    .map((f) => normalizeForVerbatim(f).toLowerCase());
  const perUnit = new Map<number, Mention[]>();
  for (const m of mentions) {
    const list = perUnit.get(m.unit);
    if (list) list.push(m);
    else perUnit.set(m.unit, [m]);
  }
  for (const [ui, ms] of perUnit) {
    const u = units[ui]!;
    const sec = SECTION_RANK[u.citation.section] ?? 6;
    // An agency's own chapter speaks for it; body text beats footnotes; short, quotable
    // sentences beat long enumerations.
    const foreign = agency && agencyKey(u.citation.agency ?? '') !== agency ? 1 : 0;
    // Each mention's sentence is judged; the unit offers its best one.
    let best: Candidate | undefined;
    for (const m of ms) {
      const tier = tierAt(ctx, ui, m.start, m.end);
      const def = isDefinition(m, u.text, names) ? 0 : 1;
      const long = sentencesAround(u.text, m.start, m.end).length > LONG_SENTENCE ? 1 : 0;
      const key = [
        1,
        ...tierBuckets(tier),
        1,
        tier,
        def,
        foreign,
        u.footnote ? 1 : 0,
        long,
        sec,
        -Math.min(ms.length, 3),
        ui,
      ];
      if (!best || compareKeys(key, best.key) < 0) best = { key, unit: ui, start: m.start, end: m.end };
    }
    if (best) out.push(best);
  }
  return out.sort((a, b) => compareKeys(a.key, b.key));
}

/** Symbols among the entry's own names ("A/RES/73/195"), for the other-symbol rule. */
function ownSymbols(e: GlossarySource): string[] {
  return [e.label, e.expansion, ...(e.aliases ?? [])].flatMap((n) => symbolsIn(n));
}

/** Why a candidate excerpt is never quoted, or undefined when it may be. */
export function rejection(text: string, symbols: string[], taken: readonly string[]): string | undefined {
  if (isUrlOrDownloadNote(text)) return 'web address or download note';
  if (isColonLeadIn(text)) return 'lead-in ending on a colon';
  if (isAboutOtherSymbol(text, symbols)) return 'about another document symbol';
  if (taken.some((t) => sameSentence(t, text))) return 'same sentence already on the card';
  return undefined;
}

function toExcerpt(records: KbRecord[], u: Unit, c: Candidate): Excerpt {
  const { text, trimmed } = excerptAround(u.text, c.start, c.end);
  const recordId = records[u.record]!.id;
  // The popover promises verbatim quotes; a linker bug must fail the build, not ship a paraphrase.
  if (!text || !u.text.includes(text))
    throw new Error(`excerpt for ${recordId} is not a verbatim substring of the record`);
  return trimmed ? { recordId, text, citation: u.citation, trimmed } : { recordId, text, citation: u.citation };
}

/** The card shows this many related entries at most before "All related". */
export const RELATED_SHOWN_MAX = 12;
/** …and at least this many when there are more (the UI's default for unranked lists). */
export const RELATED_SHOWN_MIN = 8;

/** True when `text` names the entry (label, alias or plain expansion) under its case rules. */
function names(e: GlossarySource, text: string): boolean {
  return matchForms(e).some((f) => termMatcher(f, isCaseSensitive(e, f))(text).length > 0);
}

/**
 * Makes related links two-way and orders them by relevance: the curated list first, then
 * back-links from entries whose own name, expansion or summary names this one ("ILO Convention
 * No. 189" → ILO), then the other back-links; inside each group, entries with shorter related
 * lists first (their link is more specific), then by id. Naming in the label or expansion beats
 * naming in the summary. `relatedShown` is how many the card
 * lists before "All related": the curated and naming groups, within [8, 12].
 */
function twoWayRelated(entries: GlossaryEntry[]): void {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const added = new Map<string, Set<string>>(entries.map((e) => [e.id, new Set<string>()]));
  for (const e of entries) {
    for (const r of e.related) if (r !== e.id && byId.has(r)) added.get(r)!.add(e.id);
  }
  const curatedSize = new Map(entries.map((e) => [e.id, e.related.length]));
  for (const e of entries) {
    const own = e.related.filter((r, i) => r !== e.id && byId.has(r) && e.related.indexOf(r) === i);
    const extra = [...added.get(e.id)!].filter((r) => !own.includes(r));
    const specific = (a: string, b: string) =>
      curatedSize.get(a)! - curatedSize.get(b)! || (a < b ? -1 : a > b ? 1 : 0);
    const titled = extra.filter((r) => names(e, `${byId.get(r)!.label}\n${byId.get(r)!.expansion}`));
    const described = extra.filter((r) => !titled.includes(r) && names(e, String(byId.get(r)!.summary)));
    const others = extra.filter((r) => !titled.includes(r) && !described.includes(r));
    e.related = [...own, ...titled.sort(specific), ...described.sort(specific), ...others.sort(specific)];
    if (e.related.length > RELATED_SHOWN_MIN) {
      const strong = own.length + titled.length + described.length;
      const shown = Math.min(RELATED_SHOWN_MAX, Math.max(RELATED_SHOWN_MIN, strong));
      if (shown < e.related.length) e.relatedShown = shown;
      else delete e.relatedShown;
    }
  }
}

export function linkGlossary(sources: GlossarySource[], bundle: KbBundle, maxExcerpts = MAX_EXCERPTS): GlossaryEntry[] {
  const records = bundle.records;
  const units = recordUnits(records);
  const postings = buildPostings(units);
  const mentions = findMentions(sources, units, postings);
  const sameKind = (a: number, b: number) => sources[a]?.category === sources[b]?.category;
  const ctx: LinkContext = { units, postings, allMentions: mentions, sameKind };
  const byEntry: Mention[][] = sources.map(() => []);
  for (const list of mentions) for (const m of list) byEntry[m.entry]!.push(m);

  const entries = sources.map((src, ei): GlossaryEntry => {
    const entry: GlossaryEntry = { ...src, related: [...(src.related ?? [])], excerpts: [] };
    let mandate = -1;
    if (src.chapterAgency) {
      const key = agencyKey(src.chapterAgency);
      const mine = (r: KbRecord) => r.citation.doc === '002' && agencyKey(r.citation.agency ?? '') === key;
      const mi = records.findIndex((r) => r.kind === 'mandate' && mine(r));
      if (mi >= 0) {
        entry.mandateId = records[mi]!.id;
        mandate = units.findIndex((u) => u.record === mi); // the record's body text unit
      }
      entry.recommendationIds = records.filter((r) => r.kind === 'recommendation' && mine(r)).map((r) => r.id);
    }
    // A deliberate noExcerpt means no passage fits; linking anyway would contradict the curator.
    if (src.noExcerpt === undefined) {
      const seen = new Set<number>();
      const symbols = ownSymbols(src);
      for (const c of entryCandidates(src, byEntry[ei]!, ctx, mandate)) {
        if (entry.excerpts.length >= maxExcerpts) break;
        const u = units[c.unit]!;
        if (seen.has(u.record)) continue; // one excerpt per record keeps the card varied
        // The Mandate block shows the mandate record's excerpt: only the mandate statement may be it.
        if (c.mandate) seen.add(u.record);
        let x = toExcerpt(records, u, c);
        if (isUrlOrDownloadNote(x.text)) {
          const head = withoutUrlTail(x.text, u.footnote);
          if (head === undefined) continue;
          x = { ...x, text: head, trimmed: true };
        }
        const taken = entry.excerpts.map((t) => t.text);
        if (rejection(x.text, symbols, taken)) continue;
        seen.add(u.record);
        entry.excerpts.push(x);
      }
    }
    return entry;
  });
  twoWayRelated(entries);
  return entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Reverse links record id → entry ids (agency ↔ its mandate and recommendations). */
export function recordEntryLinks(entries: GlossaryEntry[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of entries) {
    for (const rid of [e.mandateId, ...(e.recommendationIds ?? [])]) {
      if (rid) (out[rid] ??= []).push(e.id);
    }
  }
  return out;
}
