/**
 * Excerpt quality rules (build time). A card's first excerpt should say what the term is or does,
 * so each candidate sentence gets a tier from where the term sits in it, and some candidates are
 * never quoted at all. Pure string functions: link.ts feeds them the sentence and the mention.
 */

/** Lower is better. */
export const Tier = {
  /** The term is the subject and a defining verb follows: "The X (Y) is …", "X aims to …". */
  Defining: 0,
  /** The sentence speaks of the term's mandate, establishment or aims, or describes it (", which…"). */
  Substantive: 1,
  Neutral: 2,
  /** Someone speaking for the term ("Ms. A, representing X, noted…"), a bibliographic footnote. */
  Weak: 3,
  /** One name in a list, thanks to representatives, "in cooperation with X, Y and Z". */
  Passing: 4,
} as const;
export type Tier = (typeof Tier)[keyof typeof Tier];

/** Web addresses and download notes point elsewhere; they are never the quotation. */
const URL_NOTE =
  /https?:\/\/|\bwww\.|\b[a-z0-9-]+\.(?:org|int|com|net|edu)\/|\b(?:may|can) be (?:downloaded|accessed|consulted)\b|\bdownloaded from\b|\bdownloadable\b|\b(?:available|accessible) (?:at|from|on)\s*:?\s*$/i;

export function isUrlOrDownloadNote(text: string): boolean {
  return URL_NOTE.test(text);
}

const URL_TAIL =
  /(?:[,;.]\s*|\s+)(?:(?:and|which|that)\s+)?(?:(?:is|are)\s+)?(?:(?:available|accessible)\s+(?:at|from|on)\b|(?:may|can)\s+be\s+(?:downloaded|accessed)\b|see(?:\s+also)?:|(?:from\s+)?https?:\/\/|(?:from\s+)?www\.)/i;

/** "UNHCR, Detention Guidelines … (Geneva, 2012)", "WHO, Resolution WHA57.19 on …": a citation. */
const BIBLIOGRAPHIC = /^[^,.;]{2,60},\s*(?:,\s*)?["“\p{Lu}]|\((?:[^()]*,\s*)?(?:1[89]|20)\d\d\)$/u;

/**
 * The statement before a trailing web address: "…adopted the Declaration (A/RES/40/144), available
 * at www…" → "…adopted the Declaration (A/RES/40/144)". Undefined when nothing quotable is left: a
 * few words ("The policy paper may be downloaded from…") or a bare bibliographic reference.
 */
export function withoutUrlTail(text: string, footnote = false): string | undefined {
  const m = URL_TAIL.exec(text);
  if (!m) return isUrlOrDownloadNote(text) ? undefined : text;
  const head = text.slice(0, m.index).replace(/[\s,;:(]+$/, '');
  if (head.split(/\s+/).length < 6 || isUrlOrDownloadNote(head)) return undefined;
  if (BIBLIOGRAPHIC.test(head) || (footnote && REFERENCE.test(head) && /:/.test(head))) return undefined;
  if (/\b(?:can be found|more information|further information)\b/i.test(head)) return undefined;
  return head;
}

/** "…the following areas:" introduces a list the excerpt does not contain. */
export function isColonLeadIn(text: string): boolean {
  return /[:：]\s*$/.test(text);
}

/** Comparison form for "the same sentence": case, spacing and punctuation do not matter. */
export function sentenceKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** True when `a` and `b` are the same sentence, or one quotes the other whole. */
export function sameSentence(a: string, b: string): boolean {
  const ka = sentenceKey(a);
  const kb = sentenceKey(b);
  return ka === kb || (ka.length > 0 && kb.length > 0 && (ka.includes(kb) || kb.includes(ka)));
}

/** Document symbols printed in the sources: A/RES/73/195, A/61/515, E/CN.9/2013/3, ESA/P/WP/249. */
const SYMBOL = /\b(?:A|E|S|ST|ESA)\/(?:[A-Z0-9.]+\/)*[A-Z0-9.]*\d[A-Z0-9.]*\b/g;

export function symbolsIn(text: string): string[] {
  return [...text.matchAll(SYMBOL)].map((m) => m[0].replace(/\.$/, ''));
}

/**
 * An entry known by a symbol (A/RES/73/195) must not be illustrated by a sentence about another
 * symbol (A/RES/71/1) that does not name its own: that sentence is about the other document.
 */
export function isAboutOtherSymbol(text: string, ownSymbols: string[]): boolean {
  if (ownSymbols.length === 0) return false;
  const found = symbolsIn(text);
  return found.length > 0 && !found.some((s) => ownSymbols.includes(s));
}

// Before the term, only a short lead-in may stand if the term is the subject:
// "The", "In 2006, the", "Established in 1951, the", "Since its creation, the".
const SUBJECT_PREFIX =
  /^[\s"“‘(]*(?:(?:In|By|Since|At|Through|Under|As|Established|Founded|Created|Launched|Today|Currently|Moreover|Furthermore|In addition|Also)\b[^,.;:]{0,70},\s*)?(?:(?:the|its|this|a|an)\s+)?(?:(?:newly|recently|recent|new|current|main|global|first|second|annual|international|UN|United Nations)\s+){0,2}$/i;

// After the term: an optional "(ACRONYM)" or appositive ", …,", then the verb.
const AFTER_TERM = /^\s*(?:\([^)]{1,80}\)\s*)?(?:,[^,]{1,160},\s*)?(?:[a-z]+ly\s+|also\s+|now\s+|thus\s+)?/i;

const DEFINING_VERB =
  /^(?:is|are|was|were|has been|have been|became|remains|aims?|aimed|seeks?|sought|serves?|acts?|promotes?|works?|provides?|supports?|focus(?:es)?|brings?|leads?|coordinates?|comprises?|consists?|constitutes?|represents?|defines?|sets? out|establishe[sd]|recogni[sz]es|recogni[sz]ed|calls?|covers?|address(?:es)?|offers?|helps?|assists?|protects?|collects?|produces?|publish(?:es)?|monitors?|includes?|contains?|enables?|mandates?|adopted|was established|was created|was founded|was launched|was adopted|was set up|has|had)\b/i;

const ABOUT_WORDS =
  /\b(?:mandate[ds]?|aims? (?:to|at)|objective|purpose|(?:was|were) (?:established|created|founded|launched|adopted|set up|issued|held)|establishment of|creation of|launch(?:ed)?|is responsible for|responsible for|entered into force|adopted (?:by|in|on)|established (?:by|in|under)|defines?|definition)\b/i;

const THANKS =
  /\b(?:thank(?:ed|s|ing)?|welcom(?:ed|es|ing) the (?:representatives?|participation)|expressed (?:his|her|their) (?:gratitude|appreciation))\b/i;

/** Phrases after which the term is one of several partners or examples. */
const COMPANY_BEFORE =
  /\b(?:in (?:cooperation|collaboration|partnership|coordination|conjunction) with|together with|jointly with|with the (?:support|participation|assistance) of|supported by|co-organized by|organized by|including|such as|among (?:them|others)|e\.g\.,?|representatives of|members? (?:of|are|were|include)|composed of)\s+(?:the\s+)?$/i;

/** "…networks such as A, B, C, the X": the term closes a list opened earlier in the clause. */
const LIST_AFTER_KEYWORD =
  /\b(?:such as|including|e\.g\.|namely|among them)\s+(?:(?:the\s+)?[\p{Lu}"“][^,;:.]*?,\s*)+(?:and\s+|or\s+)?(?:the\s+)?$/u;

/** The term is followed by a clause describing it: ", which…", ", a regional body…". */
const DESCRIBED =
  /^\s*(?:\([^)]{1,80}\)\s*)?(?:(?:in|of|since) \d{4}\s*)?,\s*(?:which|who|a|an|established|launched|created|founded|adopted)\b/i;

const REPORTING =
  /\b(?:noted|said|stated|stressed|highlighted|emphasized|underscored|recalled|explained|presented|called attention to|drew attention to|pointed out|observed|described|reported|informed|outlined|introduced|discussed|considered|commended|welcomed|argued|suggested)\b/;

const SPEAKER =
  /\b(?:Mr|Ms|Mrs|Dr|Prof|H\.E)\.\s|\b(?:representing|representative of|on behalf of|speaking for|Director|Chief|Head|Chair(?:person)?|Deputy|Special Rapporteur|moderator)\b/;

/** Footnotes that only cite a publication: "See also: UNHCR, "Title" (…)". */
const REFERENCE =
  /^\s*(?:\d+\s+)?(?:see\b|for (?:further|more) (?:information|details)|more information|source:|cf\.|ibid)|^[^.;"“]{2,80},\s*["“]/i;

export interface SentenceContext {
  /** The sentence (or clause) quoted. */
  sentence: string;
  /** [start, end) of the term inside `sentence`. */
  start: number;
  end: number;
  /** Names of other glossary entries directly listed next to the term (", ", " and "). */
  listed: number;
  footnote: boolean;
}

/** Tier of one sentence for the term at [start, end). */
export function sentenceTier(c: SentenceContext): Tier {
  const before = c.sentence.slice(0, c.start);
  const after = c.sentence.slice(c.end);
  // "…including the ICGMD in 2008, which brought together 430 participants": described, not listed.
  const described = DESCRIBED.test(after);
  if (THANKS.test(c.sentence)) return Tier.Passing;
  if (!described && (c.listed >= 2 || COMPANY_BEFORE.test(before) || LIST_AFTER_KEYWORD.test(before)))
    return Tier.Passing;
  if (c.footnote && REFERENCE.test(c.sentence)) return Tier.Weak;
  const subject = SUBJECT_PREFIX.test(before);
  if (subject) {
    const rest = after.replace(AFTER_TERM, '');
    if (DEFINING_VERB.test(rest)) return Tier.Defining;
  }
  // "Ms. A, representing X, noted…" is about A's words; "Ms. A noted that X…" is about X.
  const speaker = SPEAKER.exec(before);
  if (speaker && !REPORTING.test(before.slice(speaker.index))) return Tier.Weak;
  if (described) return Tier.Substantive;
  if (ABOUT_WORDS.test(c.sentence)) return Tier.Substantive;
  return Tier.Neutral;
}

const LIST_GAP = /^\)?\s*(?:\([^)]{0,80}\)\s*)?(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*[/&]\s*)(?:the\s+)?$/i;

/**
 * How many other names stand in a list with the mention at `at`: neighbours joined to it (and to
 * each other) only by commas, "and", "or" or a slash. `spans` are all glossary mentions of the unit
 * sorted by start, each with its entry index.
 */
export function listedNeighbours(
  text: string,
  spans: readonly { start: number; end: number; entry: number }[],
  at: number,
  sameKind: (a: number, b: number) => boolean = () => true,
): number {
  const me = spans[at]!;
  // Only names of the same kind make a list: "IMO, the SOLAS Convention" is an apposition.
  const counts = (s: { entry: number }) => s.entry !== me.entry && sameKind(s.entry, me.entry);
  let n = 0;
  let prevEntry = me.entry;
  for (let i = at - 1; i >= 0; i--) {
    const s = spans[i]!;
    const gap = text.slice(s.end, spans[i + 1]!.start);
    if (s.entry === prevEntry && /^\s*\($/.test(gap)) continue; // "Full Name (ACR": same name
    if (!LIST_GAP.test(gap)) break;
    if (counts(s)) n++;
    prevEntry = s.entry;
  }
  for (let i = at + 1; i < spans.length; i++) {
    const s = spans[i]!;
    const prev = spans[i - 1]!;
    const gap = text.slice(prev.end, s.start);
    if (s.entry === prev.entry && /^\s*\($/.test(gap)) continue;
    if (!LIST_GAP.test(gap)) break;
    if (counts(s)) n++;
  }
  return n;
}
