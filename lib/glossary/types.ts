/**
 * Glossary entry types. data/glossary/*.json holds curated `GlossarySource` entries; the build
 * validates them, links excerpts from the knowledge base and emits `GlossaryEntry` records.
 */
import type { Citation } from '../kb/types';

export type Category =
  'agency' | 'un-body' | 'process-forum' | 'instrument' | 'programme' | 'system' | 'concept' | 'document' | 'other';

export const CATEGORIES: readonly Category[] = [
  'agency',
  'un-body',
  'process-forum',
  'instrument',
  'programme',
  'system',
  'concept',
  'document',
  'other',
];

/** How the recogniser may match an entry's label and aliases. */
export interface RecognitionHints {
  /**
   * true: label/aliases match only in exactly this case (default for acronyms: forms with ≥2 capitals
   * and no space). false: case-insensitive (default for multi-word names).
   */
  caseSensitive?: boolean;
  /** Ambiguous short form: match only with supporting migration-domain context (page or nearby). */
  neverAlone?: boolean;
  /** Words/phrases whose presence nearby (same block, ~200 chars) supports the match. */
  context?: string[];
  /** Words/phrases whose presence nearby vetoes the match (e.g. "Isle of Man" for IOM). */
  notNear?: string[];
  /** Extra regular-expression source strings (composite families), matched case-insensitively unless caseSensitive. */
  patterns?: string[];
}

/**
 * An entry's name in another language: label (acronym or short name), expansion (official name),
 * aliases (other forms pages in that language use: "le Pacte mondial", "Convenio núm. 189"),
 * summary (ours, in that language).
 */
export interface LocalisedNames {
  label?: string;
  expansion?: string;
  aliases?: string[];
  summary?: string;
}

/** A curated entry as written in data/glossary/*.json. */
export interface GlossarySource {
  /** Stable lowercase id: [a-z0-9][a-z0-9-]*. Never renamed once published. */
  id: string;
  /** Display label, usually the acronym or short name ("GFMD", "ILO C189"). */
  label: string;
  /** Full name / expansion ("Global Forum on Migration and Development"). */
  expansion: string;
  category: Category;
  /** Other spellings and names the recogniser should find (full names, French/Spanish acronyms…). */
  aliases?: string[];
  /** 1–3 sentences, our own words (validated not to copy the sources). */
  summary: string;
  /** Related entry ids (made two-way by the build where both sides exist). */
  related?: string[];
  hints?: RecognitionHints;
  /** For the 28 contributing entities of document 002: chapter agency code, links mandate + recommendations. */
  chapterAgency?: string;
  /** Search queries/phrases the excerpt linker should try first (verbatim snippets from the sources). */
  excerptHints?: string[];
  /** Set deliberately when no source passage fits (e.g. French alias entries); the reason is shown. */
  noExcerpt?: string;
  /** The body's or instrument's own page, for the card's "Official page" link. */
  officialUrl?: string;
  /** Why there is no official page to link (instead of officialUrl). */
  officialUrlNote?: string;
  /** Year the time-sensitive statements of the summary were last checked (shown on the card). */
  asOf?: number;
  /** Public pages the summary's facts were checked against (maintainers' trail, not shown). */
  checkedAgainst?: string[];
  /** The UN's official French name (and acronym) and, for the most-read entries, our own French summary. */
  fr?: LocalisedNames;
  /** The same in Spanish. */
  es?: LocalisedNames;
  /** Entry comes from a user import (custom glossary), not the built-in data. */
  custom?: boolean;
}

export interface Excerpt {
  recordId: string;
  /** Verbatim sentence(s) from the record text. */
  text: string;
  citation: Citation;
  /** Optional (added by the glossary build): the text is a clause cut from a longer sentence; show an ellipsis. */
  trimmed?: boolean;
}

/** A built entry: the source fields plus linked excerpts and resolved cross-references. */
export interface GlossaryEntry extends GlossarySource {
  /** Most relevant first (curated, then back-links naming this entry, then other back-links). */
  related: string[];
  /** How many of `related` the card lists before "All related" (absent: the UI default). */
  relatedShown?: number;
  excerpts: Excerpt[];
  /** Record ids of the agency's mandate and recommendations (agencies only). */
  mandateId?: string;
  recommendationIds?: string[];
}
