import { createBackground } from './handler';
import { isTrustedSender } from '../messaging/protocol';
import { isExtensionPageEnvelope, toExtensionPage } from '../messaging/page-protocol';
import { settingsStore } from '../settings/store';
import { relayFrameCard } from './frame-relay';
import { parseFrameCard } from '../messaging/frame-protocol';
import { createPdfMenu, isPdfMenuClick, openPdfLink, syncPdfRedirect } from './pdf-ways';
import { tableFor } from '../i18n/catalogues';
import type { LanguageSetting } from '../i18n/lang';

/** The menu item's title in the interface language: the browser's own choice, or the reader's. */
const menuTitle = (language: LanguageSetting): string =>
  (language === 'auto' ? browser.i18n.getMessage('menuOpenPdf') : tableFor(language).menuOpenPdf) ||
  'Open PDF with Migration Lens';
const remakePdfMenu = () =>
  void settingsStore()
    .get()
    .then((s) => createPdfMenu(menuTitle(s.language)))
    .catch(() => createPdfMenu(menuTitle('auto')));
import { TERM_COMMANDS, type TermCommand } from '../content/keys';
import type { PageRequest } from '../messaging/page-protocol';

// The packaged data files written at build time by lib/pipeline/package.ts.
const getJson = (path: string) =>
  fetch(browser.runtime.getURL(path as '/')).then((r) => {
    if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
    return r.json();
  });

/**
 * The background's browser wiring: loads the packaged data, answers the typed protocol, the keyboard
 * command and the "search for this" port. Listeners are registered synchronously on every wake.
 */
export function startBackground(): void {
  const bg = createBackground({
    loadPackage: async () => {
      const [bundle, glossary, matcher] = await Promise.all([
        getJson('kb/bundle.json'),
        getJson('kb/glossary.json'),
        getJson('kb/matcher.json'),
      ]);
      return { bundle, glossary, matcher };
    },
    // A version change seen on wake re-runs an install that a killed worker left unfinished.
    packageVersion: browser.runtime.getManifest().version,
    log: (level, event, detail) => console[level === 'info' ? 'log' : level]('[migration-lens]', event, detail ?? ''),
    onSettingsChanged: async (next, prev) => {
      if (next.openPdfLinksInReader !== prev.openPdfLinksInReader) await syncPdfRedirect(next.openPdfLinksInReader);
      if (next.language !== prev.language) createPdfMenu(menuTitle(next.language));
    },
  });
  // Listeners are registered synchronously: an MV3 worker woken by a message must find them.
  browser.runtime.onInstalled.addListener(() => {
    void bg.install();
  });
  // ---- Pages: first install opens the demo article. Updates and reloads do not. ----
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install')
      void browser.tabs.create({ url: browser.runtime.getURL('/demo.html' as '/') }).catch(() => undefined);
  });
  // Page requests for an extension page (the PDF reader) pass through runtime messaging too: the page
  // answers them, and an error reply from here would reach the sender first.
  browser.runtime.onMessage.addListener((msg: unknown, sender) =>
    isTrustedSender(sender, browser.runtime.id) && !isExtensionPageEnvelope(msg) && !parseFrameCard(msg)
      ? bg.handleMessage(msg)
      : undefined,
  );
  // Cards of terms in iframes are drawn by the top frame (lib/messaging/frame-protocol.ts).
  browser.runtime.onMessage.addListener((msg: unknown, sender) =>
    isTrustedSender(sender, browser.runtime.id) && parseFrameCard(msg)
      ? relayFrameCard(msg, sender, (tabId, m, frameId) => browser.tabs.sendMessage(tabId, m, { frameId }))
      : undefined,
  );

  // ---- PDFs: the link menu item and the redirect option (see README "Reading PDFs") ----
  browser.runtime.onInstalled.addListener(remakePdfMenu);
  // Like mlExplainSelection below: automation cannot click a native context menu, so E2E calls the
  // very function the menu's onClicked calls.
  (globalThis as { mlOpenPdfLink?: typeof openPdfLink }).mlOpenPdfLink = openPdfLink;
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (isPdfMenuClick(info)) void openPdfLink(info.linkUrl, tab);
  });
  // The rule follows the option and the host access granted; access can be withdrawn in the browser's
  // own extension settings at any time, and an update may start with rules from an older version.
  const resyncPdfRedirect = () =>
    void settingsStore()
      .get()
      .then((s) => syncPdfRedirect(s.openPdfLinksInReader))
      .catch((e: unknown) => console.warn('[migration-lens] pdf-redirect-sync-failed', String(e)));
  browser.permissions.onRemoved.addListener(resyncPdfRedirect);
  browser.permissions.onAdded.addListener(resyncPdfRedirect);
  browser.runtime.onStartup.addListener(resyncPdfRedirect);
  browser.runtime.onInstalled.addListener(resyncPdfRedirect);

  // ---- Card: keyboard "explain selection" command and "search for this" ----
  // The command handler is also exposed on the worker's global so E2E tests can call the very same
  // function (synthetic key presses do not reach browser-level shortcuts in automation).
  const toActiveTab = async (req: PageRequest): Promise<void> => {
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) return;
    const reply: unknown = await browser.tabs.sendMessage(tab.id, req).catch(() => undefined);
    // No frame answered: the tab may show the PDF reader, an extension page that hosts the app.
    if (reply == null) await browser.runtime.sendMessage(toExtensionPage(tab.id, req)).catch(() => undefined);
  };
  const explainSelection = () => toActiveTab({ type: 'explainSelection' });
  const onCommand = async (command: string): Promise<void> => {
    if (command === 'explain-selection') return explainSelection();
    const dir = TERM_COMMANDS[command as TermCommand] as 1 | -1 | undefined;
    if (dir) return toActiveTab({ type: 'stepTerm', dir });
  };
  (globalThis as { mlExplainSelection?: () => Promise<void> }).mlExplainSelection = explainSelection;
  (globalThis as { mlCommand?: typeof onCommand }).mlCommand = onCommand;
  browser.commands?.onCommand.addListener((command) => void onCommand(command));
  // Cards open the extension's search on a dedicated port so the request protocol stays unchanged.
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== 'ml-open-search' || !isTrustedSender(port.sender, browser.runtime.id)) return;
    port.onMessage.addListener((msg: unknown) => {
      const q = (msg as { query?: unknown } | null)?.query;
      if (typeof q === 'string')
        void browser.tabs.create({
          url: browser.runtime.getURL(`/popup.html?q=${encodeURIComponent(q.slice(0, 200))}` as '/popup.html'),
        });
      port.disconnect();
    });
  });
}
