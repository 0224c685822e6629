// Hostile fixtures: a feed that grows every 100 ms forever (new terms must get underlined while it keeps
// growing) and a page that removes, splits and rewrites nodes while we scan (no stale or missing ranges).
import assert from 'node:assert/strict';
import { fixture, waitScan, highlighted } from '../lib/robustness.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export default [
  fixture(
    'infinite scroll: items added every 100 ms get underlined while the feed keeps growing',
    async (t, open) => {
      const page = await open(t.server.url('/fixtures/infinite.html'));
      await page.waitFor(() => globalThis.CSS?.highlights?.get('migration-lens-term')?.size > 0, undefined, 10000);
      const lags = [];
      for (let round = 0; round < 3; round++) {
        await sleep(700);
        const n = await page.evaluate(() => window.__items - 1); // newest item now
        const t0 = Date.now();
        // The scanner debounces mutations but promises a rescan at least every second under constant change.
        await page
          .waitFor(
            (id) => {
              const el = document.getElementById(id);
              for (const r of CSS.highlights.get('migration-lens-term') ?? [])
                if (el?.contains(r.startContainer)) return true;
              return false;
            },
            `item-${n}`,
            4000,
          )
          .catch(() => {
            throw new Error(`item-${n} not underlined within 4 s while the feed grows`);
          });
        lags.push(Date.now() - t0);
      }
      const hl = await highlighted(page);
      const items = await page.evaluate(() => window.__items);
      const covered = new Set(hl.filter((h) => h.where?.startsWith('item-')).map((h) => h.where)).size;
      t.log(`feed: ${items} items, ${covered} underlined, wait per round ${lags.join('/')} ms`);
      assert.ok(covered >= items - 25, `only ${covered} of ${items} items underlined`);
      assert.ok(
        hl.every((h) => h.connected),
        'stale ranges on detached nodes',
      );
    },
    { timeout: 60000 },
  ),
  fixture(
    'nodes removed, split and rewritten during the scan: final highlights match the final text',
    async (t, open) => {
      const page = await open(t.server.url('/fixtures/rewrite.html'));
      await page.waitFor(() => window.__done === true, undefined, 15000);
      await sleep(300);
      await waitScan(page, { quietMs: 1200, maxMs: 15000 });
      const hl = await highlighted(page);
      assert.ok(hl, 'no highlight registered');
      const stale = hl.filter((h) => !h.connected || !['IOM', 'UNHCR', 'GFMD'].includes(h.text));
      assert.deepEqual(stale.slice(0, 5), [], `${stale.length} stale or wrong ranges`);
      // Every whole-word term occurrence in the final text is underlined exactly once.
      const expected = await page.evaluate(() => {
        let n = 0;
        for (const p of document.getElementById('root').children)
          n += (p.textContent.match(/\b(IOM|UNHCR|GFMD)\b/g) ?? []).length;
        return n;
      });
      assert.equal(hl.length, expected, `${hl.length} ranges for ${expected} term occurrences in the final text`);
    },
    { timeout: 60000 },
  ),
];
