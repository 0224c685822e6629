/**
 * Checks that need the linked result: every entry must show at least one verbatim excerpt or say
 * why not (noExcerpt), and a chapterAgency must resolve to a mandate record of document 002.
 */
import type { GlossaryError } from './errors';
import type { GlossaryEntry } from '../../glossary/types';

export type Locate = (id: string) => { file: string; line?: number };

export function checkLinked(entries: GlossaryEntry[], locate: Locate, knownAgencies: string[] = []): GlossaryError[] {
  const errors: GlossaryError[] = [];
  for (const e of entries) {
    const at = locate(e.id);
    if (e.excerpts.length === 0 && !e.noExcerpt) {
      errors.push({
        ...at,
        id: e.id,
        field: 'excerptHints',
        message:
          'no source excerpt could be linked and no noExcerpt reason is given; add an excerptHint or a noExcerpt reason',
      });
    }
    if (e.chapterAgency && !e.mandateId) {
      const known = knownAgencies.length ? ` (agencies in the knowledge base: ${knownAgencies.join(', ')})` : '';
      errors.push({
        ...at,
        id: e.id,
        field: 'chapterAgency',
        message: `chapterAgency "${e.chapterAgency}" has no mandate record in document 002${known}`,
      });
    }
  }
  return errors;
}
