/**
 * Demo page: content scripts do not run on extension pages, so this page hosts the very same content
 * app (scanner, hover intent, cards, page protocol) itself. No recognition or card logic lives here.
 */
import { startContentApp } from '@/lib/content/app';
import type { ContentPorts } from '@/lib/content/ports';
import { manualContext } from '@/lib/content/context';
import { applyAppearance, injectStyles } from '@/components/pages/styles';
import { settingsStore } from '@/lib/settings/store';
import { HIGHLIGHT_NAME } from '@/lib/scan/highlight';
import { parseExtensionPageEnvelope } from '@/lib/messaging/page-protocol';
import { readShortcuts } from './shortcuts';

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

/** The shortcuts as bound in this browser, in place of the placeholders (`data-shortcut`). */
async function showShortcuts(): Promise<void> {
  const keys = await readShortcuts();
  for (const el of document.querySelectorAll<HTMLElement>('[data-shortcut]')) {
    const k = keys[el.dataset.shortcut ?? ''];
    if (k) {
      const kbd = document.createElement('kbd');
      kbd.textContent = k;
      el.replaceChildren(kbd);
    } else el.textContent = `${el.textContent ?? ''} (not set: choose one in the browser's extension shortcuts)`;
  }
}

export function startDemo(ports: ContentPorts): void {
  injectStyles(document);
  const store = settingsStore();
  void store.get().then(
    (s) => applyAppearance(document.documentElement, s),
    () => undefined,
  );
  store.watch((s) => applyAppearance(document.documentElement, s));

  // An extension page of ours lives no longer than the extension: its context never ends first.
  startContentApp(manualContext(), unwrapForThisTab(ports));
  void showShortcuts();

  // Tell the reader (and assistive technology) when the article has been read, or why not.
  const status = document.getElementById('demo-status');
  const started = performance.now();
  function report(): void {
    const n =
      (globalThis.CSS as { highlights?: Map<string, Set<unknown>> } | undefined)?.highlights?.get(HIGHLIGHT_NAME)
        ?.size ?? 0;
    if (status && n > 0) {
      status.textContent = `${n} terms underlined on this page. Rest the pointer on one.`;
      return;
    }
    if (performance.now() - started > 10_000) {
      if (status)
        status.textContent =
          'No terms were underlined: Migration Lens may be switched off (see Options), or this browser lacks the CSS Custom Highlight API.';
      return;
    }
    setTimeout(report, 200);
  }
  report();
}
