/**
 * Cards in the reader's language: a term met in French or Spanish shows the entry's names in that
 * language next to the English label, and our summary in that language when the entry has one (else
 * the card marks the English summary as such). Excerpts stay verbatim in their source language.
 * The language is the matcher's tag when it gives one, otherwise the form the page used: the words
 * of the match equal to one of the entry's French or Spanish names.
 */
import type { GlossaryEntry, LocalisedNames } from '../glossary/types';
import type { LocalNames, TermCard } from '../messaging/protocol';

type Local = LocalNames['lang'];
const LOCAL_LANGS: readonly Local[] = ['fr', 'es'];

/** Case, accents, apostrophes and spacing do not tell forms apart ("l’OIM" and "l'oim" are one form). */
export function foldForm(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’ʼ‘`´]/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** French elision and Spanish contractions in front of a name: "l'OIM", "d'ONU-Habitat", "del ACNUR", "al PMA". */
const LEADING = /^(?:l'|d'|del |al |la |le |les |el |los |las )/;

function formsOf(n: LocalisedNames): string[] {
  return [n.label, n.expansion, ...(n.aliases ?? [])].filter((x): x is string => !!x).map(foldForm);
}

/**
 * The language (fr/es) whose names of `e` include `surface`, or null (an English form, or no names).
 * A name both languages spell alike ("OIT", "OIM", "PNUD") is the language of the text around it
 * (`around`) when that is one of them, else the first that has it, French.
 */
export function languageOfSurface(e: GlossaryEntry, surface: string, around?: string): Local | null {
  const s = foldForm(surface);
  const bare = s.replace(LEADING, '');
  // English first: a form shared by every language ("UNESCO", "OCDE" aside) is not a foreign sighting.
  const en = [e.label, e.expansion, ...(e.aliases ?? [])].map(foldForm);
  if (en.includes(s)) return null;
  const tag = around?.toLowerCase().split('-')[0];
  const order = tag === 'es' ? (['es', 'fr'] as const) : LOCAL_LANGS;
  for (const lang of order) {
    const names = e[lang];
    if (!names) continue;
    const forms = formsOf(names);
    if (forms.includes(s) || forms.includes(bare)) return lang;
  }
  return null;
}

/** `card` with the entry's names in the language the reader met it in, when that is French or Spanish. */
export function withReaderLanguage(
  card: TermCard,
  e: GlossaryEntry,
  how: { surface?: string; lang?: string; pageLang?: string },
): TermCard {
  // The matcher's tag, when given, decides (an English tag too); otherwise the form on the page.
  const tag = how.lang?.toLowerCase().split('-')[0];
  const lang =
    tag !== undefined
      ? tag === 'fr' || tag === 'es'
        ? tag
        : null
      : how.surface !== undefined
        ? languageOfSurface(e, how.surface, how.pageLang)
        : null;
  const names = lang ? e[lang] : undefined;
  if (!lang || !names || (!names.label && !names.expansion)) return card;
  const local: LocalNames = { lang };
  if (names.label) local.label = names.label;
  if (names.expansion) local.expansion = names.expansion;
  // A custom entry's summary is the user's own note: it is never replaced.
  if (names.summary && !e.custom) local.summary = names.summary;
  return { ...card, local };
}
