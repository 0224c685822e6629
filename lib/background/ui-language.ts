/**
 * Text the background writes for the reader (search result kinds and sources, facet names, document
 * symbol cards, custom-glossary import errors) in the reader's language: settings.language when the
 * reader chose one, else the language the browser picked our messages in. The background carries the
 * three catalogues (lib/i18n/catalogues.ts), so it never depends on the browser's choice.
 */
import { tableFor } from '../i18n/catalogues';
import { resolveLang, type LanguageSetting, type UiLang } from '../i18n/lang';
import type { MessageKey } from '../i18n/keys';
import { substitute } from '../i18n/t';

/** A translator bound to one language: `say('kind_mandate')`. */
export type Say = (key: MessageKey, ...subs: (string | number)[]) => string;

export function sayIn(lang: UiLang): Say {
  const table = tableFor(lang);
  const en = tableFor('en');
  return (key, ...subs) => substitute(table[key] ?? en[key] ?? key, subs.map(String));
}

/** English, for callers outside the extension (the kb CLI, tests) and as the default. */
export const ENGLISH: Say = sayIn('en');

/**
 * The browser's language for our messages: each catalogue names its own under `lang` (the same rule
 * as lib/i18n/page-language.ts: getUILanguage() can disagree under automation). Empty outside a browser.
 */
function browserLanguage(): string {
  try {
    return browser.i18n.getMessage('lang') || browser.i18n.getUILanguage();
  } catch {
    return '';
  }
}

export function readerLanguage(setting: LanguageSetting | undefined): UiLang {
  return resolveLang(setting ?? 'auto', browserLanguage());
}
