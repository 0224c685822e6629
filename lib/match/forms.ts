/**
 * Which forms of an entry the matcher compiles, and on which pages each may match (issue #15).
 *
 * The gating rule: English forms (label, aliases) and every French or Spanish form with more than one
 * word (official names, "le Pacte mondial", "Convenio núm. 189") match on any page. A French or Spanish
 * form of ONE word that is not also one of the entry's English forms (BIT, PAM, HCR, CEDEF, DAES, GMM;
 * OIT, PMA, ACNUR) matches only on text of that language: in English "bit" or "PAM" are other words,
 * and even where they are not, an English page does not use the French acronym. A one-word form that
 * both languages list (OIM) matches on French and Spanish text.
 *
 * Case: French and Spanish names of several words follow the default rule (acronym tokens exact, other
 * words case- and accent-insensitive) even when the entry's hints make its English forms case-sensitive:
 * those hints protect acronyms ("IOM" vs "iom"), and pages capitalise "Organisation Internationale pour
 * les Migrations" as they please.
 */
import type { GlossarySource } from '../glossary/types';
import { LANG_BITS } from './lang';
import { isWord, normalise, tokenize } from './normalise';

/** Word tokens of a form, as the matcher tokenises it (hyphens dropped, punctuation kept apart). */
export const formWords = (form: string): string[] => tokenize(normalise(form)).t.filter(isWord);

export interface FormInfo {
  /** 0 = any page, else LANG_BITS of the languages it may match on. */
  gate: number;
  /** A French/Spanish name of several words (not also an English form): default case rule. */
  local: boolean;
}

/** Every form of an entry → its gate and case rule. */
export function entryForms(e: GlossarySource): Map<string, FormInfo> {
  const out = new Map<string, FormInfo>();
  for (const f of [e.label, ...(e.aliases ?? [])])
    if (typeof f === 'string' && f.trim()) out.set(f, { gate: 0, local: false });
  for (const lang of ['fr', 'es'] as const) {
    const l = e[lang];
    if (!l) continue;
    for (const f of [l.label, l.expansion, ...(Array.isArray(l.aliases) ? l.aliases : [])]) {
      if (typeof f !== 'string' || !f.trim()) continue;
      const prev = out.get(f);
      if (prev && !prev.gate) continue;
      const one = formWords(f).length === 1;
      out.set(f, { gate: one ? (prev?.gate ?? 0) | LANG_BITS[lang]! : 0, local: !one });
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

/**
 * The veto phrases (hints.notNear) that spell out one of the entry's one-word forms another way: "Isle of
 * Man" and "Institute of Medicine" for IOM, "Royal College of Physicians" for RCP. A page that writes out
 * such a rival name uses the acronym in that sense throughout, so these veto across the whole page
 * (gates.ts pageVeto); other phrases ("contact us", "European Union", "in my opinion") only nearby.
 */
export function rivalExpansions(e: GlossarySource): string[] {
  const acronyms = new Set<string>();
  for (const [f, { gate }] of entryForms(e)) if (!gate && formWords(f).length === 1) acronyms.add(f.toUpperCase());
  return (e.hints?.notNear ?? []).filter((p) => {
    const words = formWords(p);
    const all = words.map((w) => w[0]!).join('');
    const caps = words
      .filter((w) => /^\p{Lu}/u.test(w))
      .map((w) => w[0]!)
      .join('');
    // Names only: a common phrase ("in my opinion" for IMO) says little about the rest of the page.
    const name = words.length > 1 && /^\p{Lu}/u.test(words[0]!);
    return name && (acronyms.has(all.toUpperCase()) || acronyms.has(caps.toUpperCase()));
  });
}
