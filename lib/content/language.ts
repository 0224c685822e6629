/**
 * The card's language in the content script. Following the browser (the default), the browser's own
 * messages answer (browser.i18n.getMessage). For a language the reader chose in the options, the
 * background sends the card's few messages in it: the content script does not carry the catalogues
 * (its size budget, tests/boundary). Until they arrive, or if the background cannot answer, the card
 * stays in the browser's language.
 */
import { request } from '@/lib/messaging/protocol';
import type { LanguageSetting } from '@/lib/i18n/lang';
import { setMessageTable } from '@/lib/i18n/t';
import type { Send } from './ports';

/** Returns the function to call with each settings value; `changed` runs once the messages are in place. */
export function followLanguage(send: Send, changed: () => void): (setting: LanguageSetting) => void {
  let current: LanguageSetting = 'auto';
  let seq = 0;
  return (setting) => {
    if (setting === current) return;
    current = setting;
    const mine = ++seq;
    if (setting === 'auto') {
      setMessageTable(null);
      changed();
      return;
    }
    void request(send, { type: 'uiStrings', lang: setting }).then((r) => {
      if (mine !== seq || !r.ok) return;
      setMessageTable(r.data);
      changed();
    });
  };
}
