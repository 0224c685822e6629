/**
 * The translator every view calls: `t('card_pin')`, `t('card_backTo', label)`. It is small on purpose,
 * because the content script carries it (its gzip budget is 40 KB, tests/boundary): there the messages
 * come from the browser (browser.i18n.getMessage, which follows the browser's language) unless the
 * reader chose another language, when the background sends the card's few messages in that language
 * (lib/content/language.ts). Extension pages install the full table of the language in use
 * (lib/i18n/page-language.ts), so they never depend on the browser's choice.
 */
import { pluralForm } from './lang';
import type { MessageKey, MessageTable, PluralKey } from './keys';

let table: MessageTable | null = null;
let pageOwned = false;
/** Another copy of `t` that answers for this one (the card UI bundle's copy: ../content/card-ui-module.ts). */
let forward: typeof t | null = null;

/**
 * Answer every message through `to`: the card UI is a bundle of its own with its own copy of this
 * module, and the table the content app installed (or the page's) lives in the content app's copy.
 */
export function forwardMessages(to: typeof t | null): void {
  forward = to === t ? null : to; // the same copy (a page that bundles both): nothing to forward
}

/**
 * Use `next` for every message it has (null: the browser's messages again). An extension page's full
 * table (`fromPage`) wins: the demo page and the PDF reader host the content app, whose card-only
 * table must not replace the page's.
 */
export function setMessageTable(next: MessageTable | null, fromPage = false): void {
  if (pageOwned && !fromPage) return;
  pageOwned = fromPage && next !== null;
  table = next;
}

/** Chrome's substitution rule: $1…$9 take the substitutions, "$$" is a dollar sign. */
export function substitute(message: string, subs: readonly string[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
}

export function t(key: MessageKey, ...subs: (string | number)[]): string {
  if (forward) return forward(key, ...subs);
  const s = subs.map(String);
  const own = table?.[key];
  if (own !== undefined) return substitute(own, s);
  try {
    const m = browser.i18n.getMessage(key, s);
    if (m) return m;
  } catch {
    /* no i18n API here (a test without the fake, a script outside the extension): show the key */
  }
  return key;
}

/** The language the messages are in ("en", "fr", "es"): each catalogue says it under `lang`. */
export const uiLang = (): string => t('lang');

/** The plural form of `key` for `n` (its first substitution), in the language in use. */
export function tp(key: PluralKey, n: number, ...more: (string | number)[]): string {
  return t(`${key}_${pluralForm(uiLang(), n)}` as MessageKey, n, ...more);
}
