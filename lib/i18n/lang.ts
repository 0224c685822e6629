/**
 * The interface languages and how one is chosen: the browser's language unless the reader picked one
 * in the options (settings.language). Pure, so every context and the tests share the rule.
 */
export const UI_LANGS = ['en', 'fr', 'es'] as const;
export type UiLang = (typeof UI_LANGS)[number];
/** The options' choice: follow the browser, or one language. */
export type LanguageSetting = 'auto' | UiLang;
export const LANGUAGE_SETTINGS: readonly LanguageSetting[] = ['auto', ...UI_LANGS];

export const isUiLang = (v: unknown): v is UiLang =>
  typeof v === 'string' && (UI_LANGS as readonly string[]).includes(v);

/** "fr-CA" → "fr"; a language we have no messages for falls back to English, as the browser does. */
export function uiLangOf(tag: string | null | undefined): UiLang {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return isUiLang(base) ? base : 'en';
}

export function resolveLang(setting: LanguageSetting, browserTag: string | null | undefined): UiLang {
  return setting === 'auto' ? uiLangOf(browserTag) : setting;
}

/**
 * Which plural message to use for `n`: CLDR's rule for the language (French says "0 terme", English
 * "0 terms"). Only the one/other pair is written; French "many" (millions) reads as "other".
 */
export function pluralForm(lang: string, n: number): 'one' | 'other' {
  try {
    return new Intl.PluralRules(lang).select(n) === 'one' ? 'one' : 'other';
  } catch {
    return n === 1 ? 'one' : 'other';
  }
}
