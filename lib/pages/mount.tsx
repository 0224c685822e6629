/**
 * Shared start-up of the extension pages: styles, theme/text size and language from the settings
 * (live), render. Kept out of the entrypoints so they stay one-liners.
 */
import { cloneElement, render, type VNode } from 'preact';
import type { Settings } from '@/lib/settings/schema';
import { settingsStore } from '@/lib/settings/store';
import { applyPageLanguage } from '@/lib/i18n/page-language';
import { applyAppearance, injectStyles } from '../../components/pages/styles';

export function mountPage(app: VNode, doc: Document = document): void {
  injectStyles(doc);
  const root = doc.documentElement;
  const store = settingsStore();
  const mount = doc.getElementById('app')!;
  // A new root vnode each time, so a language change re-renders every view with the new messages.
  const show = () => render(cloneElement(app), mount);
  const apply = (s: Settings) => {
    applyAppearance(root, s);
    if (applyPageLanguage(s.language, doc)) show();
  };
  // The first render waits for the settings (one storage read), so a chosen language does not flash
  // the browser's first; without storage the page still works, in the browser's language.
  void store.get().then(apply, () => {
    if (applyPageLanguage('auto', doc)) show();
  });
  store.watch(apply);
}
