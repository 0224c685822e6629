import { describe, expect, it } from 'vitest';
import { afterLoad } from '@/lib/content/after-load';
import { globalTimers } from '@/lib/scan/timers';

/** A document still loading: its window dispatches `load` when the test says so. */
function loadingDoc() {
  const win = new EventTarget();
  const doc = { readyState: 'loading', defaultView: win } as unknown as Document;
  return { doc, load: () => win.dispatchEvent(new Event('load')) };
}

describe('afterLoad', () => {
  it('waits for the load event, then one more task', async () => {
    const { doc, load } = loadingDoc();
    let done = false;
    void afterLoad(doc, globalTimers, 5000).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(done).toBe(false);
    load();
    expect(done).toBe(false); // not inside the event's dispatch
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(true);
  });

  it('gives up waiting after the cap, and resolves at once on a loaded document', async () => {
    const { doc } = loadingDoc();
    let done = false;
    void afterLoad(doc, globalTimers, 20).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 60));
    expect(done).toBe(true);
    await expect(afterLoad(document, globalTimers)).resolves.toBeUndefined();
  });
});
