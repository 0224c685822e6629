/**
 * What the content app needs from its host page: the WebExtension ports it talks through. The content
 * script and the demo page pass `browserPorts()`; tests pass fakes.
 */
export type Send = (msg: unknown) => Promise<unknown>;

export interface ContentPorts {
  /** One request to the background (runtime.sendMessage). */
  send: Send;
  /** Page-protocol messages from the popup, side panel and background (runtime.onMessage). Returns the
   * function that removes the listener. */
  onMessage(listener: (msg: unknown) => Promise<unknown> | undefined): () => void;
  /** Ask the background to open the extension's search for `query` in a new tab. */
  openSearch(query: string): void;
}

export function browserPorts(): ContentPorts {
  return {
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
