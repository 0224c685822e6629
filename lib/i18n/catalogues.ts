/**
 * The three message catalogues as tables, for the contexts that may carry them all (extension pages,
 * the background): the files the browser itself reads, public/_locales/<lang>/messages.json, in
 * Chrome's format (named placeholders such as $COUNT$, each mapped to $1…$9).
 * https://developer.chrome.com/docs/extensions/mv3/i18n-messages
 */
import en from '../../public/_locales/en/messages.json';
import fr from '../../public/_locales/fr/messages.json';
import es from '../../public/_locales/es/messages.json';
import type { UiLang } from './lang';
import type { MessageTable } from './keys';

export interface CatalogueEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Catalogue = Record<string, CatalogueEntry>;

export const CATALOGUES: Record<UiLang, Catalogue> = { en, fr, es };

/** One message with its named placeholders replaced by their content ("$COUNT$" → "$1"). */
export function resolvePlaceholders(e: CatalogueEntry): string {
  const ph = e.placeholders ?? {};
  return e.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => ph[name.toLowerCase()]?.content ?? whole);
}

const tables = new Map<UiLang, MessageTable>();

export function tableFor(lang: UiLang): MessageTable {
  let t = tables.get(lang);
  if (!t) {
    t = Object.fromEntries(Object.entries(CATALOGUES[lang]).map(([k, e]) => [k, resolvePlaceholders(e)]));
    tables.set(lang, t);
  }
  return t;
}

/** What the in-page card shows: the only messages the content script needs in a chosen language. */
export const isCardKey = (k: string): boolean => k === 'lang' || k.startsWith('card_') || k.startsWith('cat_');

export function cardTable(lang: UiLang): MessageTable {
  return Object.fromEntries(Object.entries(tableFor(lang)).filter(([k]) => isCardKey(k)));
}
