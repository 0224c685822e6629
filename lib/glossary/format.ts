/**
 * Plain-text rendering of a built entry: what the popover shows, used by `kb show` and tests.
 * Browser-safe (no Node imports), so UI code can import it directly from lib/glossary/format.
 */
import type { Citation, DocKey, SectionKind } from '../kb/types';
import type { GlossaryEntry } from './types';

/** Short document names from data/sources/sources.json ("short"); overridable per call. */
export const DOC_SHORT: Record<DocKey, string> = {
  '000': 'Coordination Meeting 2015',
  '001': 'Coordination Meeting 2017',
  '002': 'CEB 2013',
  '004': 'GA Hearings 2006',
};

const SECTION_NAME: Record<SectionKind, string> = {
  mandate: 'Mandate',
  activities: 'Activities',
  gfmd: 'Support to the GFMD',
  'good-practices': 'Good practices',
  challenges: 'Challenges',
  gaps: 'Gaps',
  recommendations: 'Recommendations',
  postscript: 'Postscript',
  synthesis: 'Synthesis',
  'key-findings': 'Key findings',
  body: 'Body',
  annex: 'Annex',
};

/** "CEB 2013, ch. 3 ICAO, Recommendations, (b), l.893" / "GA Hearings 2006, Key findings, para 12, l.73–75". */
export function formatCitation(c: Citation, docShort: Record<string, string> = DOC_SHORT): string {
  const parts = [docShort[c.doc] ?? c.doc];
  if (c.chapter !== undefined) parts.push(`ch. ${c.chapter}${c.agency ? ` ${c.agency}` : ''}`);
  // Generic kinds say little ("Body"); the printed heading is more useful there.
  const generic = c.section === 'body' || c.section === 'annex' || c.section === 'synthesis';
  parts.push(generic && c.sectionTitle ? c.sectionTitle : SECTION_NAME[c.section] ?? c.section);
  if (c.label) parts.push(c.label);
  const [a, b] = c.lines;
  parts.push(a === b ? `l.${a}` : `l.${a}–${b}`);
  return parts.join(', ');
}

export type EntryLookup = Map<string, GlossaryEntry> | Record<string, GlossaryEntry>;

function lookup(byId: EntryLookup, id: string): GlossaryEntry | undefined {
  return byId instanceof Map ? byId.get(id) : byId[id];
}

export function formatCard(entry: GlossaryEntry, byId: EntryLookup, docShort?: Record<string, string>): string {
  const out: string[] = [];
  const head = entry.expansion && entry.expansion !== entry.label ? `${entry.label} — ${entry.expansion}` : entry.label;
  out.push(head, `[${entry.category}]`, '', entry.summary);
  if (entry.excerpts.length > 0) {
    out.push('', 'From the sources:');
    for (const x of entry.excerpts) {
      const quote = x.trimmed ? `…${x.text}…` : x.text;
      out.push(`  “${quote}”`, `    — ${formatCitation(x.citation, docShort)}`);
    }
  } else if (entry.noExcerpt) {
    out.push('', `No source excerpt: ${entry.noExcerpt}`);
  }
  if (entry.mandateId || (entry.recommendationIds?.length ?? 0) > 0) {
    const recs = entry.recommendationIds ?? [];
    out.push('', `Mandate: ${entry.mandateId ?? '—'}; recommendations: ${recs.length}${recs.length ? ` (${recs.join(', ')})` : ''}`);
  }
  if (entry.related.length > 0) {
    const labels = entry.related.map((id) => lookup(byId, id)?.label ?? id);
    out.push('', `Related: ${labels.join(', ')}`);
  }
  return out.join('\n');
}
