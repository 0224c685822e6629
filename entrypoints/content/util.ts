/** Small DOM helpers for the content script. */

/** Typing in a field of the page must never trigger our single-key shortcuts. */
export function isEditable(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable === true;
}

/**
 * Ask the background to open the extension's search for `query` (popup page with ?q= in a new tab).
 * A dedicated port, so the typed request protocol stays unchanged.
 */
export function openSearch(query: string): void {
  try {
    const port = browser.runtime.connect({ name: 'ml-open-search' });
    port.postMessage({ query: query.slice(0, 200) });
  } catch { /* background unreachable: nothing to open */ }
}
