/**
 * Human-readable citations and titles for records. One place so the card, the search panel, the
 * reader view and `kb show` cite the same way: short document name, chapter/agency, section,
 * paragraph or item, and the printed page where the document's own contents page gives one.
 * Readers never see our source-file line numbers (no reader has our text files); maintainers get
 * them with `{ lines: true }` (`kb show --verbose`).
 */
import type { Citation, DocInfo, SectionKind } from './types';

export type { DocInfo };
/** What a citation needs of a document; the full reference also uses the bibliographic fields. */
export type DocNames = ReadonlyMap<
  string,
  Pick<DocInfo, 'short' | 'symbol'> & Partial<Pick<DocInfo, 'citation' | 'url'>>
>;

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

/** The questionnaire sections of the 2013 agency chapters: their kind name is the short name. */
const QUESTIONNAIRE = new Set<SectionKind>([
  'mandate',
  'activities',
  'gfmd',
  'good-practices',
  'challenges',
  'gaps',
  'recommendations',
  'postscript',
]);

/**
 * Words that keep their capitals when an all-capitals heading is set in sentence case: names of
 * instruments, processes and bodies that the meeting reports print in capitals.
 */
const KEEP_CAPS = [
  'New York Declaration for Refugees and Migrants',
  'Global Compact on Migration',
  'High-level Dialogue on International Migration and Development',
  'High-level Dialogue',
  '2030 Agenda',
  'Member States',
  'United Nations',
];

/** Longest short section name before it is cut (the full path is on hover). */
const SHORT_MAX = 48;

/**
 * A heading as readers should see it: source typos mended ("Highlevel", "TOUR-DE -TABLE") and
 * all-capitals headings in sentence case. Headings only; excerpts are never passed through this.
 */
export function normaliseHeading(h: string): string {
  let s = h
    .replace(/\bHigh\s?level\b/g, 'High-level')
    .replace(/\bTOUR\s*-\s*DE\s*-\s*TABLE\b/gi, 'Tour de table')
    .replace(/\s+/g, ' ')
    .trim();
  if (/[A-Z]{2}/.test(s) && !/[a-z]{2}/.test(s.replace(/Tour de table/, ''))) {
    // Keep a leading Roman numeral ("VIII.") as printed; sentence-case the rest.
    const m = /^([IVXLC]+\.\s+)?(.*)$/.exec(s) ?? ['', '', s];
    const body = (m[2] ?? '').toLowerCase();
    let out = body.charAt(0).toUpperCase() + body.slice(1);
    for (const k of KEEP_CAPS) out = out.replace(new RegExp(k.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&'), 'gi'), k);
    s = `${m[1] ?? ''}${out}`;
  }
  return s;
}

/**
 * The section path as printed (normalised), outermost first: "IV. … — C. … — Female migrants". The
 * parsers join nested headings with " — "; a 2013 chapter heading is one heading that may itself
 * contain a dash ("The GMG and the GFMD — looking for synergies").
 */
export function sectionPath(c: Pick<Citation, 'section' | 'sectionTitle' | 'chapter'>): string[] {
  if (!c.sectionTitle) return [SECTION_NAMES[c.section] ?? c.section];
  return (c.chapter !== undefined ? [c.sectionTitle] : c.sectionTitle.split(' — ')).map(normaliseHeading);
}

/** Long name of a section (search facets, reader view titles). */
export const sectionName = (c: Pick<Citation, 'section' | 'sectionTitle' | 'chapter'>) =>
  c.sectionTitle ? sectionPath(c).join(' — ') : (SECTION_NAMES[c.section] ?? c.section);

/**
 * Short name shown on the card: the questionnaire section's name in a 2013 agency chapter, else the
 * innermost heading without its numbering, cut at a word boundary when long.
 */
export function shortSection(c: Citation): string {
  if (c.chapter !== undefined && c.chapter > 1 && QUESTIONNAIRE.has(c.section)) return SECTION_NAMES[c.section];
  const path = sectionPath(c);
  const last = (path[path.length - 1] ?? '').replace(/^(?:[IVXLC]+|[A-Z]|\d+)\.\s+/, '');
  if (last.length <= SHORT_MAX) return last;
  const cut = last.slice(0, SHORT_MAX + 1).replace(/\s+\S*$/, '');
  return `${cut.replace(/[\s,:;–—-]+$/, '')}…`;
}

/**
 * Paragraph or item label for readers: "p18" (paragraph 18 of the section, counted by us) and
 * "para 12" (document 004's printed numbers) both read "para. N"; list items keep "(e)".
 */
export function formatLabel(label: string): string {
  const m = /^(?:p|para\s?)(\d+)(.*)$/.exec(label);
  return m ? `para. ${m[1]}${m[2] ?? ''}` : label;
}

/** "p. 101 ff.": where the chapter or section starts, from the document's contents page. */
export const formatPage = (c: Pick<Citation, 'page'>): string | undefined => (c.page ? `p. ${c.page} ff.` : undefined);

const docName = (c: Citation, docs: DocNames) => {
  const d = docs.get(c.doc);
  return d ? `${d.short}${d.symbol ? ` (${d.symbol})` : ''}` : `document ${c.doc}`;
};

const chapterPart = (c: Citation) =>
  c.chapter !== undefined ? `ch. ${c.chapter}${c.agency ? ` ${c.agency}` : ''}` : c.agency;

/** Source line range: maintainers only (`kb show --verbose`). */
export const formatLines = ([a, b]: readonly [number, number]) => (a === b ? `line ${a}` : `lines ${a}–${b}`);

/** e.g. `CEB 2013, ch. 7 IOM, Recommendations, (e), p. 101 ff.` */
export function formatCitation(c: Citation, docs: DocNames, opts: { lines?: boolean } = {}): string {
  const parts = [docName(c, docs), chapterPart(c), shortSection(c), c.label && formatLabel(c.label), formatPage(c)];
  if (opts.lines) parts.push(formatLines(c.lines));
  return parts.filter(Boolean).join(', ');
}

/** The hover text of a citation: the document and the full section path. */
export function citationTitle(c: Citation, docs: DocNames): string {
  const head = [docName(c, docs), chapterPart(c)].filter(Boolean).join(', ');
  return `${head}: ${sectionPath(c).join(' › ')}`;
}

/**
 * The full reference a reader can paste: author body, year, title (the document's bibliographic
 * citation), symbol, chapter, section, paragraph or item, page, and the document's official URL.
 */
export function fullReference(c: Citation, docs: DocNames): string {
  const d = docs.get(c.doc);
  const head = d?.citation ?? docName(c, docs);
  const symbol = d?.symbol && !head.includes(d.symbol) ? `. ${d.symbol}` : '';
  const where = [
    c.chapter !== undefined ? `Chapter ${c.chapter}${c.agency ? ` (${c.agency})` : ''}` : c.agency,
    `“${sectionPath(c).join(' — ')}”`,
    c.label && formatLabel(c.label),
    formatPage(c),
  ].filter(Boolean);
  const tail = where.join(', ');
  return `${head}${symbol}. ${tail}${tail.endsWith('.') ? '' : '.'}${d?.url ? ` ${d.url}` : ''}`;
}

/** Short title of a search hit: "ICAO · Recommendations (b)". */
export function recordTitle(c: Citation, docs: DocNames): string {
  const who = c.agency ?? docs.get(c.doc)?.short ?? c.doc;
  return `${who} · ${shortSection(c)}${c.label ? ` ${formatLabel(c.label)}` : ''}`;
}
