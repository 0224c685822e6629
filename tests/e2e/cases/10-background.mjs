// The background in a real browser: IndexedDB-backed answers, and recovery after the browser stops it
// (Chromium stops the MV3 service worker, Firefox the event page, at any moment when idle).
import assert from 'node:assert/strict';
import { hover, waitPopover } from '../lib/helpers.mjs';

/** Send a protocol message from an extension page (which has runtime.sendMessage). */
function ask(page, msg) {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), msg);
}

export default [
  {
    name: 'background answers from IndexedDB, survives being stopped, and answers again',
    async run(t) {
      const page = await t.newPage();
      await page.goto(t.browser.extUrl('popup.html'));
      const before = await ask(page, { type: 'lookup', termId: 'iom' });
      assert.equal(before.ok, true, JSON.stringify(before));
      assert.equal(before.data.expansion, 'International Organization for Migration');
      const status = await ask(page, { type: 'status' });
      assert.equal(status.ok, true);
      assert.equal(status.data.mode, 'idb', `served from ${status.data.mode}: ${status.data.reason ?? ''}`);

      await t.browser.stopBackground(page);
      await page.waitFor(() => true);
      const search = await ask(page, { type: 'search', query: 'remittance costs' });
      assert.equal(search.ok, true, JSON.stringify(search));
      assert.ok(search.data.length > 0, 'search after restart returned nothing');
      const rec = search.data.find((h) => h.kind === 'recommendation' || h.kind === 'passage' || h.kind === 'mandate');
      assert.ok(rec, 'no knowledge-base record among the hits');
      assert.match(rec.cite, /\d{4}/, `record hit has a citation with a year: ${JSON.stringify(rec)}`);
      const after = await ask(page, { type: 'lookup', termId: 'gfmd' });
      assert.equal(after.ok, true);
      const status2 = await ask(page, { type: 'status' });
      assert.equal(status2.data.mode, 'idb');
      assert.equal(status2.data.hash, status.data.hash, 'restart must not reinstall a different package');
    },
  },
  {
    name: 'malformed messages get a clear error reply, never a crash',
    async run(t) {
      const page = await t.newPage();
      await page.goto(t.browser.extUrl('popup.html'));
      for (const bad of [
        { type: 'nope' },
        { type: 'lookup', termId: 5 },
        { type: 'search', query: 'x'.repeat(600) },
        null,
      ]) {
        const r = await ask(page, bad);
        assert.equal(r?.ok, false, `accepted ${JSON.stringify(bad)}`);
        assert.match(r.error, /\w/);
      }
      const ok = await ask(page, { type: 'lookup', termId: 'unhcr' });
      assert.equal(ok.ok, true, 'worker still healthy after bad messages');
    },
  },
  {
    name: 'a page keeps its underlines and the card says so when the background is stopped mid-session',
    async run(t) {
      const page = await t.newPage();
      await page.goto(t.server.url('/fixtures/slice.html'));
      await page.waitFor(() => globalThis.CSS?.highlights?.get('migration-lens-term')?.size > 0);
      await t.browser.stopBackground(page);
      // The worker is woken by the lookup message: the card still fills in.
      await hover(page, 'UNHCR');
      const text = await waitPopover(page, 'High Commissioner for Refugees', 15000);
      assert.match(text, /UNHCR/);
    },
  },
];
