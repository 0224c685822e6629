// Background (service worker) in real Chromium with the built extension, fresh profile:
//   bg_heap_install_kb       worker heap after the first install finished (status answers), after GC
//   bg_heap_after_use_kb     after 100 lookups and 100 searches, after GC
//   bg_cold_wake_lookup_ms   worker stopped (CDP ServiceWorker.stopAllWorkers), then one lookup from an
//                            extension page: sendMessage → answer (wake, listeners, state, card)
//   bg_warm_lookup_ms        the same lookup with the worker awake (median of 20), for comparison
// Heap: the worker's target is attached through the browser session (Target.sendMessageToTarget), then
// HeapProfiler.collectGarbage and Runtime.getHeapUsage.
import { median } from './stats.mjs';

async function swHeap(bs) {
  const { targetInfos } = await bs.send('Target.getTargets');
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  if (!sw) return null;
  const { sessionId } = await bs.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false });
  let id = 0;
  const call = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const my = ++id;
      const on = (e) => {
        if (e.sessionId !== sessionId) return;
        const msg = JSON.parse(e.message);
        if (msg.id !== my) return;
        bs.off('Target.receivedMessageFromTarget', on);
        if (msg.error) reject(new Error(msg.error.message));
        else resolve(msg.result);
      };
      bs.on('Target.receivedMessageFromTarget', on);
      bs.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: my, method, params }) });
    });
  try {
    await call('HeapProfiler.collectGarbage');
    return (await call('Runtime.getHeapUsage')).usedSize;
  } finally {
    await bs.send('Target.detachFromTarget', { sessionId }).catch(() => {});
  }
}

/** @param {{ b: any, termIds: string[], queries: string[] }} o  b: launchBenchChromium with the extension */
export async function benchBackground({ b, termIds, queries }) {
  const bs = await b.ctx.browser().newBrowserCDPSession();
  const page = await b.ctx.newPage();
  try {
    await page.goto(`chrome-extension://${b.extId}/popup.html`);
    const ask = (msg) => page.evaluate((m) => chrome.runtime.sendMessage(m), msg);
    // The install has finished once status reports the stored bundle.
    for (let i = 0; i < 100; i++) {
      const s = await ask({ type: 'status' });
      if (s?.ok && s.data.hash && s.data.mode === 'idb') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 1000));
    const heapInstall = await swHeap(bs);
    const timed = (msg) =>
      page.evaluate(async (m) => {
        const t = performance.now();
        const r = await chrome.runtime.sendMessage(m);
        return { ms: performance.now() - t, ok: !!r?.ok };
      }, msg);
    for (let i = 0; i < 100; i++) {
      await ask({ type: 'lookup', termId: termIds[i % termIds.length] });
      await ask({ type: 'search', query: queries[i % queries.length] });
    }
    const heapUse = await swHeap(bs);
    const warm = [];
    for (let i = 0; i < 20; i++) warm.push((await timed({ type: 'lookup', termId: termIds[i % termIds.length] })).ms);
    const cold = [];
    const ps = await b.ctx.newCDPSession(page);
    for (let i = 0; i < 3; i++) {
      await ps.send('ServiceWorker.enable');
      await ps.send('ServiceWorker.stopAllWorkers');
      await new Promise((r) => setTimeout(r, 500));
      const r = await timed({ type: 'lookup', termId: termIds[i] });
      if (r.ok) cold.push(r.ms);
    }
    await ps.detach().catch(() => {});
    return {
      bg_heap_install_kb: heapInstall == null ? null : Math.round(heapInstall / 1024),
      bg_heap_after_use_kb: heapUse == null ? null : Math.round(heapUse / 1024),
      bg_cold_wake_lookup_ms: cold.length ? Math.round(median(cold) * 10) / 10 : null,
      bg_warm_lookup_ms: Math.round(median(warm) * 10) / 10,
    };
  } finally {
    await page.close();
    await bs.detach().catch(() => {});
  }
}
