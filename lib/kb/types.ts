/**
 * Knowledge-base record types shared by the build (Node), the background worker and the UI.
 * Kept free of runtime imports so every context can depend on it.
 */
import type { CompactIndex } from './compact-index';

/** Short document key: a `key` of data/sources/sources.json (the table is lib/kb/documents.ts). */
export type DocKey = string;

/** One entry of data/sources/sources.json. */
export interface SourceDocument {
  key: DocKey;
  /** Path under data/sources. */
  file: string;
  title: string;
  publisher?: string;
  year: number;
  date?: string;
  /** Only where the document prints one. */
  symbol: string | null;
  symbolNote?: string;
  /** Name used in citations ("CEB 2013"). */
  short: string;
  /** Full bibliographic citation. */
  citation: string;
  /** The document's official page or file, where one was found in public material; else null. */
  url?: string | null;
  /** What the URL is, or why there is none. */
  urlNote?: string;
}

/** What the bundle keeps of a source document. */
export type DocInfo = Pick<SourceDocument, 'key' | 'title' | 'short' | 'year' | 'symbol' | 'citation' | 'url'>;

/**
 * Canonical section kinds. Document 002 agency chapters use the six questionnaire sections
 * (plus `mandate` and ILO's `postscript`); chapter 1 and the other documents use `body`,
 * `key-findings` (004 §II) and `annex`.
 */
export type SectionKind =
  | 'mandate'
  | 'activities'
  | 'gfmd'
  | 'good-practices'
  | 'challenges'
  | 'gaps'
  | 'recommendations'
  | 'postscript'
  | 'synthesis'
  | 'key-findings'
  | 'body'
  | 'annex';

export type RecordKind = 'mandate' | 'recommendation' | 'passage';

export interface Citation {
  doc: DocKey;
  /** Chapter number (document 002 only; TOC numbering, 1–29). */
  chapter?: number;
  /** Agency code of a 002 chapter, e.g. "ICAO", "UN DESA" (the chapter's entity). */
  agency?: string;
  section: SectionKind;
  /** Heading text as printed (cleaned), e.g. "Recommendations for the 2013 High-level Dialogue". */
  sectionTitle?: string;
  /** Paragraph or item label: "para 12", "(b)", "(a)(iii)", "p3" (ordinal in section). */
  label?: string;
  /**
   * Printed page where the cited chapter or section starts, from the document's own contents page
   * (lib/pipeline/kb/pages.ts), e.g. "101" or "iii". Absent where the contents page gives none.
   */
  page?: string;
  /** 1-based inclusive source line range in data/sources/<file>. */
  lines: [number, number];
}

export interface FootnoteRef {
  /** Marker as printed ("1", "28", "*"); empty for unmarked footnotes. */
  marker: string;
  text: string;
  line: number;
}

export interface KbRecord {
  /** Stable id, e.g. "002:ch3:recommendations:(b)", "004:para22", "002:ch7:mandate". */
  id: string;
  kind: RecordKind;
  /** Cleaned verbatim body text (superscripts removed, page-break splits re-joined, no footnotes). */
  text: string;
  citation: Citation;
  /** Lead-in sentence of a recommendation list, kept as context. */
  context?: string;
  /** Sub-items of a lettered recommendation ((i), (ii)…), verbatim. */
  subItems?: { label: string; text: string }[];
  footnotes?: FootnoteRef[];
  /**
   * Optional display title. Mandate records (002) carry the entity's full name as printed on the
   * chapter title line, e.g. "International Civil Aviation Organization", "The World Bank".
   */
  title?: string;
}

export interface AcronymPair {
  acronym: string;
  expansion: string;
  /** Source line(s) in document 002's List of acronyms. */
  line: number;
}

/** The bundle the build writes to public/kb/ and the background loads. */
export interface KbBundle {
  version: number;
  /** sha256 of the canonical JSON of records + glossary + index. */
  hash: string;
  documents: DocInfo[];
  records: KbRecord[];
  acronyms: AcronymPair[];
  /** The search index in the compact layout (lib/kb/compact-index.ts), built with lib/kb/search-options.ts. */
  index: CompactIndex;
}
