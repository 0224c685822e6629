/**
 * `kb show <term>` and the glossary part of `kb stats`. Exported handlers; lib/pipeline/cli/kb.ts wires
 * them to the command line. Relative imports only: tsx runs this file without the `@/` alias.
 */
import { buildKnowledgeBase } from '../kb/build';
import type { KbBundle } from '../../kb/types';
import { formatGlossaryError } from '../glossary/errors';
import { formatCard } from '../glossary/format';
import { buildGlossary, type GlossaryBuildResult } from '../glossary/index';
import { checkExcerptReview, loadExcerptReview } from '../glossary/review';
import type { GlossaryEntry } from '../../glossary/types';

export interface GlossaryCliOptions {
  /** Repository root (default: process.cwd()). */
  rootDir?: string;
  /** Pre-built knowledge base (tests, or a caller that already built it). */
  bundle?: KbBundle;
  /** Output sink for the card (default: stdout). */
  write?: (text: string) => void;
  /** Add record ids and source-file line ranges (maintainers only; readers never see line numbers). */
  verbose?: boolean;
}

export interface TermStats {
  terms: number;
  withExcerpt: number;
  withNoExcerptReason: number;
  missingSummary: number;
  /** Entries linking their official page, and entries saying why there is none. */
  withOfficialUrl: number;
  withOfficialUrlNote: number;
  /** Entries whose time-sensitive statements carry the year they were checked. */
  withAsOf: number;
  /** Entries whose summary was checked against public pages (checkedAgainst). */
  withCheckedSources: number;
  /** Entries with an official French / Spanish name. */
  withFrench: number;
  withSpanish: number;
  /** Validation/link errors of the current data (0 = `npm run build` would pass this step). */
  buildErrors: number;
}

const cache = new Map<string, GlossaryBuildResult>();

/** Never throws on bad glossary data: `show` must work while curators are mid-edit. */
function build(opts: GlossaryCliOptions): GlossaryBuildResult {
  const root = opts.rootDir ?? process.cwd();
  if (opts.bundle) return buildGlossary(root, opts.bundle, { throwOnError: false });
  let result = cache.get(root);
  if (!result) {
    result = buildGlossary(root, buildKnowledgeBase(root), { throwOnError: false });
    cache.set(root, result);
  }
  return result;
}

/** A hints.patterns regex matching the whole query ("ILO C189" for the C189 entry). */
function patternMatches(e: GlossaryEntry, q: string): boolean {
  return (e.hints?.patterns ?? []).some((p) => {
    try {
      const m = new RegExp(p, e.hints?.caseSensitive ? '' : 'i').exec(q);
      return m !== null && m[0].length === q.length;
    } catch {
      return false;
    }
  });
}

/** Lookup order: id, exact label, exact alias, case-insensitive label/alias/expansion, patterns. */
export function findEntry(entries: GlossaryEntry[], query: string): GlossaryEntry | undefined {
  const q = query.trim();
  const lower = q.toLowerCase();
  const names = (e: GlossaryEntry) => [e.label, ...(e.aliases ?? [])];
  return (
    entries.find((e) => e.id === q) ??
    entries.find((e) => e.label === q) ??
    entries.find((e) => (e.aliases ?? []).includes(q)) ??
    entries.find((e) => [...names(e), e.expansion].some((n) => n.toLowerCase() === lower)) ??
    entries.find((e) => patternMatches(e, q))
  );
}

function suggestions(entries: GlossaryEntry[], query: string): string[] {
  const lower = query.trim().toLowerCase();
  return entries
    .filter((e) => [e.id, e.label, e.expansion, ...(e.aliases ?? [])].some((n) => n.toLowerCase().includes(lower)))
    .slice(0, 8)
    .map((e) => `${e.label} (${e.id})`);
}

/** Prints the popover card for a term (id, label or alias) and returns it. */
export function show(termOrId: string, opts: GlossaryCliOptions = {}): string {
  const { entries, errors } = build(opts);
  const entry = findEntry(entries, termOrId);
  if (!entry) {
    const near = suggestions(entries, termOrId);
    throw new Error(`No glossary entry for "${termOrId}".${near.length ? ` Did you mean: ${near.join(', ')}?` : ''}`);
  }
  const card = formatCard(entry, new Map(entries.map((e) => [e.id, e])), undefined, { verbose: opts.verbose === true });
  (opts.write ?? ((t: string) => process.stdout.write(`${t}\n`)))(card);
  const own = errors.filter((e) => e.id === entry.id);
  for (const e of own) process.stderr.write(`warning: ${formatGlossaryError(e)}\n`);
  return card;
}

export function termStats(opts: GlossaryCliOptions = {}): TermStats {
  const { entries, errors } = build(opts);
  return {
    terms: entries.length,
    withExcerpt: entries.filter((e) => e.excerpts.length > 0).length,
    withNoExcerptReason: entries.filter((e) => e.excerpts.length === 0 && !!e.noExcerpt).length,
    missingSummary: entries.filter((e) => typeof e.summary !== 'string' || e.summary.trim() === '').length,
    withOfficialUrl: entries.filter((e) => !!e.officialUrl).length,
    withOfficialUrlNote: entries.filter((e) => !e.officialUrl && !!e.officialUrlNote).length,
    withAsOf: entries.filter((e) => e.asOf !== undefined).length,
    withCheckedSources: entries.filter((e) => (e.checkedAgainst?.length ?? 0) > 0).length,
    withFrench: entries.filter((e) => !!e.fr?.expansion || !!e.fr?.label).length,
    withSpanish: entries.filter((e) => !!e.es?.expansion || !!e.es?.label).length,
    buildErrors: errors.length,
  };
}

export interface ReviewStats {
  /** Entries whose first excerpt was read and judged (data/glossary-review/excerpts.json). */
  reviewedExcerpts: number;
  /** …of which the current ranking still shows the reviewed excerpt first, judged substantive. */
  reviewedExcerptsHolding: number;
}

export function reviewStats(opts: GlossaryCliOptions = {}): ReviewStats {
  const { reviewed } = loadExcerptReview(opts.rootDir ?? process.cwd());
  const broken = new Set(checkExcerptReview(build(opts).entries, reviewed).map((p) => p.split(':')[0]));
  return {
    reviewedExcerpts: reviewed.length,
    reviewedExcerptsHolding: reviewed.filter((r) => !broken.has(r.id)).length,
  };
}
