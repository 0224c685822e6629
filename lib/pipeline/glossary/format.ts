/**
 * Plain-text rendering of a built entry exactly as the card shows it, for `kb show` and tests: the
 * background's TermCard (lib/background/lookup.ts) turned into the card's lines
 * (components/card/text.ts), so citations, section names, order and fields are the card's own.
 * `verbose` adds what only maintainers need: record ids and source-file line ranges.
 */
import { formatLines, type DocNames } from '../../kb/cite';
import { DOC_NAMES, DOCUMENTS } from '../../kb/documents';
import type { GlossaryEntry } from '../../glossary/types';
import { toTermCard } from '../../background/lookup';
import { cardText, cardTextToString, type CardLine } from '../../../components/card/text';

export type EntryLookup = Map<string, GlossaryEntry> | Record<string, GlossaryEntry>;

function lookup(byId: EntryLookup, id: string): GlossaryEntry | undefined {
  return byId instanceof Map ? byId.get(id) : byId[id];
}

export function formatCard(
  entry: GlossaryEntry,
  byId: EntryLookup,
  docs: DocNames = DOC_NAMES,
  opts: { verbose?: boolean } = {},
): string {
  const card = toTermCard(entry, (id) => lookup(byId, id), docs);
  const lines = cardText(card);
  if (!opts.verbose) return cardTextToString(lines);
  const files = new Map(DOCUMENTS.map((d) => [d.key, d.file]));
  const out: CardLine[] = [];
  let current: number | undefined;
  for (const l of lines) {
    out.push(l);
    if (l.kind === 'excerpt') current = card.excerpts.findIndex((x) => x.text === l.text);
    if (l.kind === 'cite' && current !== undefined && current >= 0) {
      const x = entry.excerpts[current];
      if (x)
        out.push({
          kind: 'note',
          text: `    [maintainers] ${x.recordId}, data/sources/${files.get(x.citation.doc) ?? '?'} ${formatLines(x.citation.lines)}`,
        });
    }
  }
  const recs = entry.recommendationIds ?? [];
  if (entry.mandateId || recs.length)
    out.push({
      kind: 'note',
      text: `[maintainers] mandate ${entry.mandateId ?? '—'}; recommendations ${recs.join(', ') || '—'}`,
    });
  return cardTextToString(out);
}
