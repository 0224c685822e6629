/**
 * Human-readable citations and titles for records. One place so the popover, the search panel and
 * exports cite the same way: short document name, chapter/agency, section, label, source lines.
 */
import type { Citation, DocInfo, SectionKind } from './types';

export type { DocInfo };
/** What a citation needs of a document. */
export type DocNames = ReadonlyMap<string, Pick<DocInfo, 'short' | 'symbol'>>;

const SECTION_NAMES: Record<SectionKind, string> = {
  mandate: 'Mandate',
  activities: 'Activities',
  gfmd: 'GFMD',
  'good-practices': 'Good practices',
  challenges: 'Challenges',
  gaps: 'Gaps',
  recommendations: 'Recommendations',
  postscript: 'Postscript',
  synthesis: 'Synthesis',
  'key-findings': 'Key findings',
  body: 'Text',
  annex: 'Annex',
};

export const sectionName = (c: Citation) => c.sectionTitle || SECTION_NAMES[c.section] || c.section;

/** e.g. `CEB 2013 (A/68/…), ch. 3 ICAO, "Recommendations…", (b), lines 1201–1207` */
export function formatCitation(c: Citation, docs: DocNames): string {
  const d = docs.get(c.doc);
  const parts = [d ? `${d.short}${d.symbol ? ` (${d.symbol})` : ''}` : `document ${c.doc}`];
  if (c.chapter !== undefined) parts.push(`ch. ${c.chapter}${c.agency ? ` ${c.agency}` : ''}`);
  else if (c.agency) parts.push(c.agency);
  parts.push(c.sectionTitle ? `“${c.sectionTitle}”` : (SECTION_NAMES[c.section] ?? c.section));
  if (c.label) parts.push(c.label);
  const [a, b] = c.lines;
  parts.push(a === b ? `line ${a}` : `lines ${a}–${b}`);
  return parts.join(', ');
}

/** Short title of a search hit: "ICAO · Recommendations (b)". */
export function recordTitle(c: Citation, docs: DocNames): string {
  const who = c.agency ?? docs.get(c.doc)?.short ?? c.doc;
  return `${who} · ${sectionName(c)}${c.label ? ` ${c.label}` : ''}`;
}
