/**
 * Static knowledge about document 002's layout: the 29 chapters in TOC order with the title line
 * that opens each one, and the section deviations the parser must accept (taken from the document's own
 * contents pages and chapter headings in data/sources/). Anything that deviates
 * from this table is a parse error, so a changed source cannot silently produce wrong citations.
 */
import type { SectionKind } from '../../kb/types';

export interface ChapterSpec {
  n: number;
  /** Agency code used in citations and ids. */
  agency: string;
  /** Title line as printed at the chapter start (after "CHAPTER" artefacts are stripped). */
  title: string;
  /** Sections this chapter is known to lack. */
  missing?: SectionKind[];
}

export const CHAPTERS_002: readonly ChapterSpec[] = [
  { n: 1, agency: 'CEB', title: 'The international system working as one' },
  { n: 2, agency: 'FAO', title: 'Food and Agriculture Organization of the United Nations' },
  { n: 3, agency: 'ICAO', title: 'International Civil Aviation Organization' },
  { n: 4, agency: 'IFAD', title: 'International Fund for Agricultural Development', missing: ['challenges'] },
  { n: 5, agency: 'ILO', title: 'The International Labour Organization', missing: ['gaps'] },
  { n: 6, agency: 'IMO', title: 'International Maritime Organization', missing: ['gaps'] },
  { n: 7, agency: 'IOM', title: 'International Organization for Migration' },
  { n: 8, agency: 'NGO Committee on Migration', title: 'NGO Committee on Migration' },
  { n: 9, agency: 'OHCHR', title: 'Office of the High Commissioner for Human Rights' },
  { n: 10, agency: 'UN regional commissions', title: 'United Nations regional commissions' },
  { n: 11, agency: 'Special Rapporteur', title: 'Special Rapporteur on the Human Rights of Migrants' },
  { n: 12, agency: 'UN Women', title: 'UN Women' },
  { n: 13, agency: 'UN-Habitat', title: 'United Nations Human Settlements Programme' },
  { n: 14, agency: 'UNAIDS', title: 'Joint United Nations Programme on HIV/AIDS', missing: ['gfmd'] },
  { n: 15, agency: 'UNCTAD', title: 'United Nations Conference on Trade and Development' },
  { n: 16, agency: 'UN DESA', title: 'United Nations Department of Economic and Social Affairs Population Division' },
  { n: 17, agency: 'UNDP', title: 'United Nations Development Programme' },
  { n: 18, agency: 'UNEP', title: 'United Nations Environment Programme' },
  { n: 19, agency: 'UNESCO', title: 'United Nations Educational, Scientific and Cultural Organization' },
  { n: 20, agency: 'UNFPA', title: 'United Nations Population Fund' },
  { n: 21, agency: 'UNHCR', title: 'United Nations High Commissioner for Refugees' },
  { n: 22, agency: 'UNICEF', title: "United Nations Children's Fund", missing: ['good-practices'] },
  { n: 23, agency: 'UNITAR', title: 'United Nations Institute for Training and Research' },
  { n: 24, agency: 'UNODC', title: 'United Nations Office on Drugs and Crime' },
  { n: 25, agency: 'UPU', title: 'Universal Postal Union' },
  { n: 26, agency: 'WHO', title: 'World Health Organization' },
  { n: 27, agency: 'WIPO', title: 'World Intellectual Property Organization' },
  { n: 28, agency: 'WMO', title: 'World Meteorological Organization' },
  { n: 29, agency: 'World Bank', title: 'The World Bank' },
];

/** The six questionnaire sections plus ILO's postscript, recognised by wording, not number. */
export const SECTION_HEADINGS_002: readonly { kind: SectionKind; re: RegExp }[] = [
  {
    kind: 'activities',
    re: /^(?:1\.\s+)?Migration (?:and [Dd]evelopment )?activities (?:undertaken )?since the 2006 High-?level Dialogue$/,
  },
  {
    kind: 'gfmd',
    re: /^(?:[1-6]\.\s+)?Support provided to the (?:Global Forum on Migration and Development|GFMD)(?: \(GFMD\))?$/,
  },
  { kind: 'good-practices', re: /^(?:[1-6]\.\s+)?Identified good practices$/ },
  {
    kind: 'challenges',
    re: /^(?:[1-6]\.\s+)?Challenges (?:and gaps )?(?:identified in carrying out .* work|evident.*)$/,
  },
  { kind: 'gaps', re: /^(?:[1-6]\.\s+)?(?:Key )?[Gg]aps (?:evident within|in the global) .*sphere$/ },
  { kind: 'recommendations', re: /^(?:[1-6]\.\s+)?Recommendations for the 2013 High-level Dialogue$/ },
  { kind: 'postscript', re: /^Postscript: .*$/ },
];

/**
 * Unmarked footnote bodies that read like prose, so the heuristics cannot catch them
 * (line numbers from seeds.md / recommendations.md, verified against the file).
 */
export const KNOWN_FOOTNOTES_002: ReadonlySet<number> = new Set([
  384, 423, 437, 439, 468, 472, 486, 498, 506, 516, 819, 1131, 1135, 1149, 1151, 1153, 1356, 1358, 1360, 2436, 3385,
  3404, 3406, 3656, 4428, 4709, 5104, 5106, 5108, 5110,
  // ECA l.2165 "…the Common Market for" continues at l.2171 "Eastern and Southern Africa…";
  // l.2167 and l.2169 are the page's footnote bodies (no marker, no URL).
  2167, 2169,
  // Founding notes (fn 1) that sit inside a cut paragraph and open like prose: UNAIDS l.2718
  // "Established in 1994…" (l.2716 "…2011 Political" / l.2720 "Declaration…"); World Bank l.5164
  // "Utilizing data from the EUI…" (l.5162 "…The International Finance" / l.5168 "Corporation…").
  2718, 5164,
  // Founding notes (fn 1) printed after the mandate's first page, which read like body prose: IOM
  // l.1447, NGO Committee l.1702 (between list items (a) and (b)), OHCHR l.1811, UN DESA l.2919,
  // UNHCR l.3881, UNICEF l.4090, UNITAR l.4378, WMO l.5013. IOM fn 20 l.1558 ("Migration Profiles
  // are an initiative…") sits under item (b).
  1447, 1558, 1702, 1811, 2919, 3881, 4090, 4378, 5013,
  // Explanatory notes under a list or paragraph: ICAO fn 8 l.878 ("Annex 9 … states that…", under
  // gaps item (c)), ILO fn 18 l.1203, regional commissions fn 1 l.2004 ("The five UN regional
  // commissions are…"), Special Rapporteur fn 3 l.2343 ("The special procedures … are set by…").
  878, 1203, 2004, 2343,
  // UNESCO notes without a pointer to a website: fn 7 l.3461 (the journal Diversities), fn 12
  // l.3489 (the regional conventions), fn 14 l.3497 (mobile student numbers, "Note that…").
  3461, 3489, 3497,
]);

/**
 * Lines that continue the previous paragraph although no rule can tell: l.2261 is capital-start
 * after a period; l.3313 "(b) to provide…" is the second half of an inline enumeration of l.3309.
 */
export const KNOWN_CONTINUATIONS_002: ReadonlySet<number> = new Set([2261, 3313]);

/**
 * Lines that open a new paragraph although the line before ends mid-sentence: ILO l.1129 ends
 * "international labour" and really continues at l.1141 ("standards, …"), after l.1137 and l.1139.
 */
export const KNOWN_PARAGRAPH_STARTS_002: ReadonlySet<number> = new Set([1137]);

/** Lines inside chapter ranges that are layout artefacts, never text. */
export function isChapterArtefact(raw: string): boolean {
  const t = raw.trim();
  return /^CHAPTER(?:\s+[\d ]+)?$/.test(t) || /^unicef\b/.test(t);
}
