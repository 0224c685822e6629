/**
 * The real PagesApi over WebExtension APIs. `?tab=<id>` in the page URL pins the target tab: E2E
 * opens sidepanel.html / popup.html in a tab of its own, where "the active tab" would be the panel.
 */
import { request } from '@/lib/messaging/protocol';
import { toExtensionPage } from '@/lib/messaging/page-protocol';
import { settingsStore } from '@/lib/settings/store';
import { PDF_REDIRECT_ORIGINS } from '@/lib/pdf/redirect';
import { readerUrl } from '@/lib/reader/url';
import type { PagesApi, PdfWays, TabBridge } from './api';
import { readShortcuts } from './shortcuts';

export function pinnedTab(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

function tabBridge(pinned: number | null): TabBridge {
  return {
    async target() {
      if (pinned !== null) return pinned;
      // The id of the active tab needs no "tabs" permission (only its URL would).
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
      return tab?.id ?? null;
    },
    async send(tabId, req) {
      // No content script in the tab: Firefox rejects ("Receiving end does not exist"), Chromium may
      // resolve with nothing when the tab shows an extension page. The PDF reader is such a page; it
      // answers the same request wrapped with its tab id on runtime messaging.
      const r = await browser.tabs.sendMessage(tabId, req).catch(() => null);
      if (r != null) return r as never;
      try {
        const r2 = await browser.runtime.sendMessage(toExtensionPage(tabId, req));
        return (r2 ?? null) as never;
      } catch {
        return null;
      }
    },
    onChange(cb) {
      if (pinned !== null) {
        const onUpd = (id: number, info: { status?: string }) => {
          if (id === pinned && info.status === 'complete') cb();
        };
        browser.tabs.onUpdated.addListener(onUpd);
        return () => browser.tabs.onUpdated.removeListener(onUpd);
      }
      const onAct = () => cb();
      const onUpd = (_id: number, info: { status?: string }, tab: { active?: boolean }) => {
        if (tab.active && info.status === 'complete') cb();
      };
      browser.tabs.onActivated.addListener(onAct);
      browser.tabs.onUpdated.addListener(onUpd);
      return () => {
        browser.tabs.onActivated.removeListener(onAct);
        browser.tabs.onUpdated.removeListener(onUpd);
      };
    },
  };
}

/** Both APIs only open from a user gesture, so they are called synchronously from the click. */
function sidePanelOpener(): PagesApi['openSidePanel'] {
  const b = browser as unknown as {
    sidebarAction?: { open(): Promise<void> };
    sidePanel?: { open(o: { tabId: number }): Promise<void> };
  };
  if (b.sidebarAction?.open)
    return () => {
      void b.sidebarAction!.open().catch(() => undefined);
    };
  if (b.sidePanel?.open)
    return (tabId) => {
      if (tabId !== null) void b.sidePanel!.open({ tabId }).catch(() => undefined);
    };
  return undefined;
}

function pdfWays(pinned: number | null): PdfWays {
  return {
    // Without activeTab or host access the browser leaves `url` out; that is "unknown", not an error.
    tabUrl: async (tabId) => (await browser.tabs.get(tabId).catch(() => null))?.url ?? null,
    openInReader(tabId, fileUrl, page) {
      // Both calls start at once, inside the click: a permission request is only accepted during the
      // user's action, and Firefox closes the popup (ending this script) while its prompt is shown.
      // The reader waits for the access if the user is still answering (see lib/reader).
      const asked = browser.permissions.request({ origins: [`${new URL(fileUrl).origin}/*`] }).catch(() => false);
      const shown = browser.tabs.update(tabId, {
        url: browser.runtime.getURL(readerUrl(fileUrl, page) as '/'),
      });
      return Promise.all([asked, shown]).then(() => {
        // The real popup closes itself; the popup opened in a tab of its own (tests, ?tab=) stays.
        if (pinned === null) window.close();
      });
    },
    requestRedirectAccess: () => browser.permissions.request({ origins: PDF_REDIRECT_ORIGINS }).catch(() => false),
  };
}

export function browserApi(search = location.search): PagesApi {
  return {
    pdf: pdfWays(pinnedTab(search)),
    openSidePanel: sidePanelOpener(),
    send: (req) => request((m) => browser.runtime.sendMessage(m), req),
    tabs: tabBridge(pinnedTab(search)),
    watchSettings: (cb) => settingsStore().watch(cb),
    shortcuts: readShortcuts,
    openDemo: () => {
      void browser.tabs.create({ url: browser.runtime.getURL('/demo.html' as '/') });
    },
    download(filename, text, mime) {
      const url = URL.createObjectURL(new Blob([text], { type: mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      a.click();
      // Revoke later: revoking synchronously can cancel the download in Firefox.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  };
}
