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
import { applyPageLanguage, richNodes } from '@/lib/i18n/page-language';
import { t } from '@/lib/i18n/t';
import { parseExtensionPageEnvelope } from '@/lib/messaging/page-protocol';
import { readShortcuts, type Shortcuts } from './shortcuts';

/**
 * Keyboard commands reach a tab's content script, and the demo is an extension page: the background
 * then sends the request wrapped with the tab's id (as for the PDF reader), which this page unwraps.
 */
function unwrapForThisTab(ports: ContentPorts): ContentPorts {
  let known: number | null | undefined;
  const myTab = browser.tabs.getCurrent().then(
    (t) => (known = t?.id ?? null),
    () => (known = null),
  );
  return {
    ...ports,
    onMessage: (listener) =>
      ports.onMessage((msg) => {
        const env = parseExtensionPageEnvelope(msg);
        if (!env) return listener(msg);
        // Answer nothing synchronously for another tab: a promise would answer (undefined) for it.
        if (known === undefined) return myTab.then((id) => (id === env.tabId ? listener(env.req) : undefined));
        return known === env.tabId ? listener(env.req) : undefined;
      }),
  };
}

/**
 * The keyboard line with the shortcuts as bound in this browser (never a hard-coded chord): the
 * message's $1–$3 take each chord as <kbd>, or the words for one left unset. Run after every language
 * change, which refills the line from its message.
 */
function showShortcuts(keys: Shortcuts): void {
  const el = document.getElementById('demo-keys');
  if (!el) return;
  // A chord is the browser's text; drop angle brackets so it can never form markup in richNodes.
  const chord = (name: string) => {
    const k = (keys[name] ?? '').replace(/[<>]/g, '');
    return k ? `<kbd>${k}</kbd>` : t('demo_keyNotSet');
  };
  const line = t('demo_how3', chord('next-term'), chord('previous-term'), chord('explain-selection'));
  el.replaceChildren(...richNodes(document, line));
}

export function startDemo(ports: ContentPorts): void {
  injectStyles(document);
  const store = settingsStore();
  // The instructions and status follow the interface language; the article is a sample English page.
  const how = document.querySelector<HTMLElement>('aside.how');
  applyPageLanguage('auto', document, how);
  let keys: Shortcuts = {};
  const apply = (s: Settings) => {
    applyAppearance(document.documentElement, s);
    applyPageLanguage(s.language, document, how);
    showShortcuts(keys);
  };
  void store.get().then(apply, () => undefined);
  store.watch(apply);

  // An extension page of ours lives no longer than the extension: its context never ends first.
  // The card UI from this page's own bundle: Chrome's runtime.getURL gives extension pages the
  // use_dynamic_url address of card-ui.js (wxt.config.ts), which their CSP ('self') refuses.
  startContentApp(
    manualContext(),
    unwrapForThisTab({ ...ports, loadUi: () => import('@/lib/content/card-ui-module') }),
  );
  void readShortcuts().then((k) => {
    keys = k;
    showShortcuts(keys);
  });

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
