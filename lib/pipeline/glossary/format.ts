/**
 * Plain-text rendering of a built entry: what the popover shows, used by `kb show` and tests.
 * Browser-safe (no Node imports), so UI code can import it directly from lib/glossary/format.
 */
import type { Citation, DocKey } from '../../kb/types';
import { formatCitation as formatKbCitation } from '../../kb/cite';
import type { GlossaryEntry } from '../../glossary/types';

/** Short document names from data/sources/sources.json ("short"); overridable per call. */
export const DOC_SHORT: Record<DocKey, string> = {
  '000': 'Coordination Meeting 2015',
  '001': 'Coordination Meeting 2017',
  '002': 'CEB 2013',
  '004': 'GA Hearings 2006',
};

/** The one citation style (lib/kb/cite.ts), with document names from `docShort`. */
export function formatCitation(c: Citation, docShort: Record<string, string> = DOC_SHORT): string {
  const docs = new Map(Object.entries(docShort).map(([key, short]) => [key, { short, symbol: null }]));
  return formatKbCitation(c, docs);
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
    out.push(
      '',
      `Mandate: ${entry.mandateId ?? '—'}; recommendations: ${recs.length}${recs.length ? ` (${recs.join(', ')})` : ''}`,
    );
  }
  if (entry.related.length > 0) {
    const labels = entry.related.map((id) => lookup(byId, id)?.label ?? id);
    out.push('', `Related: ${labels.join(', ')}`);
  }
  return out.join('\n');
}
