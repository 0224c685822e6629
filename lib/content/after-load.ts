/**
 * Resolves once the document's `load` event has been dispatched (at once when it already has), or
 * after `capMs` when a slow subresource holds `load` back. The content script runs at document_idle,
 * which can be before `load`: its first storage read, matcher request and scan ran in tasks that
 * delayed the page's own `load` by 100-300 ms on a dense page (issue #17, `dense_load_delay_ms` in
 * `npm run bench`). The cap bounds what a page with a never-ending image costs the first underline.
 */
import type { Timers } from '@/lib/scan/timers';

export function afterLoad(doc: Document, timers: Timers, capMs = 1000): Promise<void> {
  const win = doc.defaultView;
  if (doc.readyState === 'complete' || !win) return Promise.resolve();
  return new Promise((resolve) => {
    let timer: number | null = null;
    const done = () => {
      win.removeEventListener('load', onLoad);
      timers.clearTimeout(timer);
      resolve();
    };
    // A task after the event's dispatch: the page's own load listeners run first, undisturbed.
    const onLoad = () => {
      timers.clearTimeout(timer);
      timer = timers.setTimeout(done, 0);
    };
    win.addEventListener('load', onLoad, { once: true });
    timer = timers.setTimeout(done, capMs);
  });
}
