/**
 * Page language for gated French and Spanish forms (see compile.ts, formGate): the `lang` of the
 * element or document when the page declares one, else a cheap stop-word count over the text. Only
 * consulted when a gated candidate turns up, so pages without one pay nothing.
 */

/** Gate bits of a trie terminal (types.ts CompiledMatcher.trie): 0 = any page, else the languages it may match on. */
export const LANG_BITS: Readonly<Record<string, number>> = { fr: 1, es: 2 };

/** Primary subtag, lowercase: "fr-CA" → "fr", "es_419" → "es"; "" or junk → undefined. */
export function primaryLang(tag: string | null | undefined): string | undefined {
  const m = /^\s*([a-z]{2,3})(?![a-z])/i.exec(tag ?? '');
  return m ? m[1]!.toLowerCase() : undefined;
}

/**
 * Function words that are frequent in one of the three languages and rare (or absent) in the other two.
 * Shared ones ("de", "la", "que", "en", "a") are left out: they would count for two languages at once.
 */
const STOP: Readonly<Record<string, readonly string[]>> = {
  fr: ['le', 'les', 'des', 'du', 'est', 'pour', 'une', 'dans', 'et', 'sur', 'aux', 'avec', 'ces', 'sont', 'qui', 'au'],
  es: ['el', 'los', 'las', 'del', 'para', 'por', 'una', 'con', 'es', 'y', 'al', 'sus', 'como', 'entre', 'su'],
  en: ['the', 'of', 'and', 'to', 'is', 'for', 'with', 'that', 'are', 'this', 'by', 'from', 'was', 'its'],
};
const LANGS = Object.keys(STOP);
const WORD_LANG = new Map<string, number>();
LANGS.forEach((l, i) => STOP[l]!.forEach((w) => WORD_LANG.set(w, i)));
const STOP_RE = new RegExp(`(?<![\\p{L}\\p{M}])(?:${[...WORD_LANG.keys()].join('|')})(?![\\p{L}\\p{M}'’])`, 'giu');

/** Text read by the guess: enough for a page's language, bounded for huge pages. */
const GUESS_CHARS = 20000;

/**
 * "fr", "es" or "en" when the text's function words clearly point to one language (at least 3 hits and
 * twice the runner-up), else undefined: a heading or a list of names says nothing.
 */
export function guessLang(text: string): string | undefined {
  const counts = [0, 0, 0];
  const s = text.length > GUESS_CHARS ? text.slice(0, GUESS_CHARS) : text;
  STOP_RE.lastIndex = 0;
  for (let m = STOP_RE.exec(s); m; m = STOP_RE.exec(s)) counts[WORD_LANG.get(m[0].toLowerCase())!]!++;
  let best = 0;
  for (let i = 1; i < counts.length; i++) if (counts[i]! > counts[best]!) best = i;
  const top = counts[best]!;
  const second = Math.max(...counts.filter((_, i) => i !== best));
  return top >= 3 && top >= 2 * second ? LANGS[best] : undefined;
}

/** A language given now or on demand (the scanner's closest `[lang]` lookup is lazy). */
export type LangSource = string | (() => string | undefined) | undefined;

export const readLang = (l: LangSource): string | undefined => primaryLang(typeof l === 'function' ? l() : l);
