/**
 * Which forms of an entry the matcher compiles, and on which pages each may match (issue #15).
 *
 * The gating rule: English forms (label, aliases) and every French or Spanish form with more than one
 * word (official names, "le Pacte mondial", "Convenio núm. 189") match on any page. A French or Spanish
 * form of ONE word that is not also one of the entry's English forms (BIT, PAM, HCR, CEDEF, DAES, GMM;
 * OIT, PMA, ACNUR) matches only on text of that language: in English "bit" or "PAM" are other words,
 * and even where they are not, an English page does not use the French acronym. A one-word form that
 * both languages list (OIM) matches on French and Spanish text.
 */
import type { GlossarySource } from '../glossary/types';
import { LANG_BITS } from './lang';
import { isWord, normalise, tokenize } from './normalise';

/** Word tokens of a form, as the matcher tokenises it (hyphens dropped, punctuation kept apart). */
export const formWords = (form: string): string[] => tokenize(normalise(form)).t.filter(isWord);

/** Every form of an entry → its gate (0 = any page, else LANG_BITS of the languages it may match on). */
export function entryForms(e: GlossarySource): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of [e.label, ...(e.aliases ?? [])]) if (typeof f === 'string' && f.trim()) out.set(f, 0);
  for (const lang of ['fr', 'es'] as const) {
    const l = e[lang];
    if (!l) continue;
    for (const f of [l.label, l.expansion, ...(Array.isArray(l.aliases) ? l.aliases : [])]) {
      if (typeof f !== 'string' || !f.trim()) continue;
      const prev = out.get(f);
      if (prev === 0) continue;
      out.set(f, formWords(f).length === 1 ? (prev ?? 0) | LANG_BITS[lang]! : 0);
    }
  }
  return out;
}

/**
 * Short names that several entries share and that only page evidence can resolve: a capitalised
 * "Global Compact", "Pacte mondial" or "Pacto Mundial" standing alone is the compact the page names in
 * full (the refugee one on a page about the Global Compact on Refugees). Lowercase "pacte mondial" is a
 * common noun and stays untagged. Keys are trie keys (compile.ts tokenKey): "=Tok" exact, else folded
 * lowercase; the first member present in the glossary is the default when the page names both.
 */
export const SHARED_FORMS: readonly { ids: readonly string[]; keys: readonly (readonly string[])[] }[] = [
  {
    ids: ['gcmcompact', 'grcompact'],
    keys: [
      ['=Global', 'compact'],
      ['=Pacte', 'mondial'],
      ['=Pacto', 'mundial'],
    ],
  },
];
