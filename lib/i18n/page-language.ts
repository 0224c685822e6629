/**
 * The language of an extension page (popup, side panel, options, demo, PDF reader): the settings'
 * choice, else the browser's. Pages carry all three catalogues, so the table of the chosen language
 * is installed for t(); the page's lang attribute follows (screen readers pick their voice from it),
 * and so do the static strings of its HTML, marked data-i18n="key".
 */
import { CATALOGUES, tableFor } from './catalogues';
import { resolveLang, type LanguageSetting, type UiLang } from './lang';
import type { MessageKey } from './keys';
import { setMessageTable, t } from './t';

let current: UiLang | null = null;

/**
 * The language the browser picked our messages in: each catalogue names its own (`lang`). Asking
 * getUILanguage() instead can disagree (Chromium under automation reports en-US while it serves the
 * French messages), and only the messages decide what the content script's card shows.
 */
function browserLanguage(): string {
  try {
    return browser.i18n.getMessage('lang') || browser.i18n.getUILanguage();
  } catch {
    return navigator.language;
  }
}

/**
 * Installs the language `setting` resolves to; true when it changed (the page should re-render).
 * `langRoot` is the element whose lang attribute names it: the whole page, except on the demo page,
 * whose article stays an English sample.
 */
export function applyPageLanguage(
  setting: LanguageSetting,
  doc: Document = document,
  langRoot: HTMLElement | null = doc.documentElement,
): boolean {
  const lang = resolveLang(setting, browserLanguage());
  if (lang === current) return false;
  current = lang;
  setMessageTable(tableFor(lang), true);
  if (langRoot) langRoot.lang = lang;
  localiseStatic(doc);
  return true;
}

const RICH = /<(strong|kbd)>(.*?)<\/\1>/g;

/**
 * A message as DOM nodes. The demo page's instructions keep their <strong> and <kbd>; every other
 * part is text (never parsed as HTML), so a message cannot inject markup.
 */
export function richNodes(doc: Document, message: string): Node[] {
  const out: Node[] = [];
  let at = 0;
  for (const m of message.matchAll(RICH)) {
    if (m.index > at) out.push(doc.createTextNode(message.slice(at, m.index)));
    const el = doc.createElement(m[1]!);
    el.textContent = m[2]!;
    out.push(el);
    at = m.index + m[0].length;
  }
  if (at < message.length) out.push(doc.createTextNode(message.slice(at)));
  return out;
}

/** Fills every element marked data-i18n with its message (the page title too). */
export function localiseStatic(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll<HTMLElement>('[data-i18n]'))) {
    const key = el.dataset.i18n ?? '';
    if (!Object.hasOwn(CATALOGUES.en, key)) continue;
    const msg = t(key as MessageKey);
    if (el.tagName === 'TITLE') doc.title = msg;
    else el.replaceChildren(...richNodes(doc, msg));
  }
}
