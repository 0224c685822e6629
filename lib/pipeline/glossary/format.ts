/**
 * Plain-text rendering of a built entry: what the popover shows, used by `kb show` and tests.
 * Citations come from lib/kb/cite.ts with the documents of lib/kb/documents.ts, as on the card.
 */
import { formatCitation, type DocNames } from '../../kb/cite';
import { DOC_NAMES } from '../../kb/documents';
import type { GlossaryEntry } from '../../glossary/types';

export type EntryLookup = Map<string, GlossaryEntry> | Record<string, GlossaryEntry>;

function lookup(byId: EntryLookup, id: string): GlossaryEntry | undefined {
  return byId instanceof Map ? byId.get(id) : byId[id];
}

export function formatCard(entry: GlossaryEntry, byId: EntryLookup, docs: DocNames = DOC_NAMES): string {
  const out: string[] = [];
  const head = entry.expansion && entry.expansion !== entry.label ? `${entry.label} — ${entry.expansion}` : entry.label;
  out.push(head, `[${entry.category}]`, '', entry.summary);
  if (entry.excerpts.length > 0) {
    out.push('', 'From the sources:');
    for (const x of entry.excerpts) {
      const quote = x.trimmed ? `…${x.text}…` : x.text;
      out.push(`  “${quote}”`, `    — ${formatCitation(x.citation, docs)}`);
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
    const shown = entry.relatedShown ?? labels.length;
    out.push('', `Related: ${labels.slice(0, shown).join(', ')}`);
    if (shown < labels.length) out.push(`All related (${labels.length}): … ${labels.slice(shown).join(', ')}`);
  }
  return out.join('\n');
}
