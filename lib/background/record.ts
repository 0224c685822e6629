/**
 * `record` and `facets` replies: the full text of one KB record (reader view, agency mandate and
 * recommendations) and the filter options of the search UI, both derived from the loaded records so
 * the UI never hard-codes agencies or documents.
 */
import type { Citation, KbRecord, SectionKind } from '../kb/types';
import type { FacetsReply, RecordReply } from '../messaging/protocol';
import { formatCitation, recordTitle, sectionName, type DocInfo } from '../kb/cite';
import type { MessageKey } from '../i18n/keys';
import { ENGLISH, type Say } from './ui-language';

export function recordReply(
  records: ReadonlyMap<string, KbRecord>,
  docs: ReadonlyMap<string, DocInfo>,
  id: string,
): RecordReply | null {
  const record = records.get(id);
  if (!record) return null;
  const c = record.citation;
  return {
    record,
    cite: formatCitation(c, docs),
    title: recordTitle(c, docs),
    docTitle: docs.get(c.doc)?.title ?? `document ${c.doc}`,
  };
}

const AUTHORED_BY_ALL = new Set(['synthesis', 'body', 'annex']);

/** Facet names of the section kinds (lib/kb/types.ts SectionKind), in the reader's language. */
const SECTION_KEYS: Record<SectionKind, MessageKey> = {
  mandate: 'section_mandate',
  activities: 'section_activities',
  gfmd: 'section_gfmd',
  'good-practices': 'section_goodPractices',
  challenges: 'section_challenges',
  gaps: 'section_gaps',
  recommendations: 'section_recommendations',
  postscript: 'section_postscript',
  synthesis: 'section_synthesis',
  'key-findings': 'section_keyFindings',
  body: 'section_body',
  annex: 'section_annex',
};

export function facetsReply(
  records: Iterable<KbRecord>,
  docs: ReadonlyMap<string, DocInfo>,
  say: Say = ENGLISH,
): FacetsReply {
  // Chapter order (1–29) rather than alphabetical: it is the order readers know from the report.
  const agencies = new Map<string, number>();
  const sections = new Set<string>();
  for (const r of records) {
    const c = r.citation;
    sections.add(c.section);
    // Agency chapters answer the questionnaire; chapter 1 (the CEB synthesis) is not an agency's.
    if (c.agency && c.chapter !== undefined && !AUTHORED_BY_ALL.has(c.section) && !agencies.has(c.agency))
      agencies.set(c.agency, c.chapter);
  }
  return {
    documents: [...docs.values()].map((d) => ({ key: d.key, short: d.short, title: d.title, year: d.year })),
    agencies: [...agencies].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([a]) => a),
    sections: [...sections].sort().map((kind) => {
      const key = SECTION_KEYS[kind as SectionKind] as MessageKey | undefined;
      return { kind, name: key ? say(key) : sectionName({ section: kind } as Citation) };
    }),
  };
}
