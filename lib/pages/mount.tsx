/**
 * Shared start-up of the extension pages: styles, theme/text size from the settings (live), render.
 * Kept out of the entrypoints so they stay one-liners.
 */
import { render, type ComponentChildren } from 'preact';
import type { Settings } from '@/lib/settings/schema';
import { settingsStore } from '@/lib/settings/store';
import { applyAppearance, injectStyles } from '../../components/pages/styles';

export function mountPage(app: ComponentChildren, doc: Document = document): void {
  injectStyles(doc);
  const root = doc.documentElement;
  const store = settingsStore();
  const apply = (s: Settings) => applyAppearance(root, s);
  // Storage unavailable: the page still works with the system theme.
  void store.get().then(apply, () => undefined);
  store.watch(apply);
  render(app, doc.getElementById('app')!);
}
