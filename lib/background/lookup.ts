/**
 * Builds the popover card for one glossary entry (built-in or custom) and the `terms` version key.
 */
import type { GlossaryEntry } from '../glossary/types';
import type { CardExcerpt, TermCard } from '../messaging/protocol';
import { citationTitle, formatCitation, fullReference, type DocNames } from '../kb/cite';
import { categoryName } from '../../components/categories';

export const MAX_EXCERPTS = 3;

export function toTermCard(
  e: GlossaryEntry,
  resolve: (id: string) => GlossaryEntry | undefined,
  docs: DocNames,
): TermCard {
  const card: TermCard = {
    id: e.id,
    label: e.label,
    expansion: e.expansion,
    category: e.category,
    categoryName: categoryName(e.category),
    summary: e.summary,
    // The glossary build orders excerpts best-first; the card shows the top few.
    excerpts: e.excerpts.slice(0, MAX_EXCERPTS).map((x) => {
      const out: CardExcerpt = {
        // A clause cut from a longer sentence is quoted with ellipses; the words stay verbatim.
        text: x.trimmed ? `…${x.text}…` : x.text,
        cite: formatCitation(x.citation, docs),
        citeTitle: citationTitle(x.citation, docs),
        ref: fullReference(x.citation, docs),
        recordId: x.recordId,
      };
      const url = docs.get(x.citation.doc)?.url;
      if (url && isWebUrl(url)) out.url = url;
      return out;
    }),
    // Related ids that no longer resolve (e.g. a deleted custom entry) are skipped, not shown broken.
    related: e.related.flatMap((id) => {
      const r = resolve(id);
      return r ? [{ id: r.id, label: r.label }] : [];
    }),
    custom: e.custom === true,
  };
  if (e.relatedShown !== undefined && e.relatedShown < card.related.length) card.relatedShown = e.relatedShown;
  if (e.aliases?.length) card.aliases = e.aliases;
  if (e.noExcerpt) card.noExcerpt = e.noExcerpt;
  if (e.mandateId) card.mandateId = e.mandateId;
  if (e.recommendationIds?.length) card.recommendationIds = e.recommendationIds;
  // Custom entries are user data: only a web address may become a link.
  if (e.officialUrl && isWebUrl(e.officialUrl)) card.officialUrl = e.officialUrl;
  if (e.officialUrlNote) card.officialUrlNote = e.officialUrlNote;
  if (typeof e.asOf === 'number') card.asOf = e.asOf;
  return card;
}

const isWebUrl = (u: string) => /^https?:\/\/[^\s]+$/i.test(u);

/** FNV-1a over a string: a cheap, stable revision key for the custom glossary. */
export function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
