/**
 * Demo page: content scripts do not run on extension pages, so this page hosts the very same content
 * app (scanner, hover intent, cards, page protocol) itself. No recognition or card logic lives here.
 */
import { startContentApp } from '@/lib/content/app';
import type { ContentPorts } from '@/lib/content/ports';
import { manualContext } from '@/lib/content/context';
import { applyAppearance, injectStyles } from '@/components/pages/styles';
import { settingsStore } from '@/lib/settings/store';
import type { Settings } from '@/lib/settings/schema';
import { HIGHLIGHT_NAME } from '@/lib/scan/highlight';
import { applyPageLanguage } from '@/lib/i18n/page-language';
import { t } from '@/lib/i18n/t';

export function startDemo(ports: ContentPorts): void {
  injectStyles(document);
  const store = settingsStore();
  // The instructions and status follow the interface language; the article is a sample English page.
  const how = document.querySelector<HTMLElement>('aside.how');
  applyPageLanguage('auto', document, how);
  const apply = (s: Settings) => {
    applyAppearance(document.documentElement, s);
    applyPageLanguage(s.language, document, how);
  };
  void store.get().then(apply, () => undefined);
  store.watch(apply);

  // An extension page of ours lives no longer than the extension: its context never ends first.
  startContentApp(manualContext(), ports);

  // Tell the reader (and assistive technology) when the article has been read, or why not.
  const status = document.getElementById('demo-status');
  const started = performance.now();
  function report(): void {
    const n =
      (globalThis.CSS as { highlights?: Map<string, Set<unknown>> } | undefined)?.highlights?.get(HIGHLIGHT_NAME)
        ?.size ?? 0;
    if (status && n > 0) {
      status.textContent = t('demo_found', n);
      return;
    }
    if (performance.now() - started > 10_000) {
      if (status) status.textContent = t('demo_none');
      return;
    }
    setTimeout(report, 200);
  }
  report();
}
