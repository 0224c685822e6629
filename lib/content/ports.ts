/**
 * What the content app needs from its host page: the WebExtension ports it talks through. The content
 * script and the demo page pass `browserPorts()`; tests pass fakes.
 */
import type { TextMatch } from '@/lib/scan/hittest';
import type { UiModule } from './card-ui';
import { CARD_UI_FILE } from './card-ui-file';

export type Send = (msg: unknown) => Promise<unknown>;

export interface ContentPorts {
  /** One request to the background (runtime.sendMessage). */
  send: Send;
  /** Page-protocol messages from the popup, side panel and background (runtime.onMessage). Returns the
   * function that removes the listener. */
  onMessage(listener: (msg: unknown) => Promise<unknown> | undefined): () => void;
  /** Ask the background to open the extension's search for `query` in a new tab. */
  openSearch(query: string): void;
  /**
   * Where a term sits in a host's own document, for the card and its citation ("PDF p. 12" in the PDF
   * reader); web pages have none.
   */
  citeLocation?(m: TextMatch): string | null;
  /** Told the current matches after every scan pass (the PDF reader keeps a per-page record). */
  onMatches?(matches: TextMatch[]): void;
  /**
   * The scanner's batching window for page changes, ms (default 250: a busy page is rescanned a few
   * times a second at most). The PDF reader sets 0: its text layers are rendered once each, and each
   * should be underlined as soon as it is there.
   */
  scanDebounceMs?: number;
  /**
   * The card UI module (./card-ui-module.ts), imported on first use. The content script imports the
   * separate card-ui.js bundle; extension pages and tests may hand over the module they bundle.
   */
  loadUi(): Promise<UiModule>;
}

/** runtime.getURL for a file the build adds (WXT's PublicPath type only knows public/ and entrypoints). */
const extensionUrl = (path: string): string => (browser.runtime.getURL as (p: string) => string)(path);

export function browserPorts(): ContentPorts {
  return {
    // A module import from the extension's origin: it runs in the content script's own world (isolated
    // world in Chrome, sandbox in Firefox), and the page's CSP does not apply to it. The file must be
    // web-accessible for the import to be allowed (wxt.config.ts).
    loadUi: () => import(/* @vite-ignore */ extensionUrl(`/${CARD_UI_FILE}`)) as Promise<UiModule>,
    send: (msg) => browser.runtime.sendMessage(msg),
    onMessage(listener) {
      browser.runtime.onMessage.addListener(listener);
      return () => browser.runtime.onMessage.removeListener(listener);
    },
    // A dedicated port, so the typed request protocol stays unchanged.
    openSearch(query) {
      try {
        const port = browser.runtime.connect({ name: 'ml-open-search' });
        port.postMessage({ query: query.slice(0, 200) });
      } catch {
        /* background unreachable: nothing to open */
      }
    },
  };
}
