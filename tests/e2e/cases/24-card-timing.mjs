// Dwell→paint timing: `migration-lens:timing` reaches pages that opt in with <html data-ml-bench>, and
// only those. Logs the measured latencies (the delay the user chose is excluded in showToPaintMs and
// dueToPaintMs) and checks that prepared cards are shown inside an animation frame callback.
import assert from 'node:assert/strict';
import { hover, waitNoPopover } from '../lib/helpers.mjs';
import { waitCards } from './20-card.mjs';

const listen = (page) =>
  page.evaluate(() => {
    window.__mlTimings = [];
    document.addEventListener('migration-lens:timing', (e) => window.__mlTimings.push(e.detail));
  });

async function hoverAway(page) {
  // The page's top-left margin: never under a card (cards open next to terms) and never on a term.
  await page.move(4, 4, 2);
  await waitNoPopover(page).catch((e) => {
    throw new Error(`card did not close after moving away: ${e.message}`);
  });
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

export default [
  {
    name: 'card: timing event only on data-ml-bench pages; dwell→paint measured',
    async run(t) {
      const plain = await t.newPage();
      await plain.goto(t.server.url('/fixtures/card-basic.html'));
      await plain
        .waitFor(() => globalThis.CSS?.highlights?.get('migration-lens-term')?.size >= 5)
        .catch(() => {
          throw new Error('plain page not scanned');
        });
      await listen(plain);
      await hover(plain, 'UNHCR');
      await waitCards(plain, (cs) => cs[0]?.state === 'ready', 'card');
      await new Promise((r) => setTimeout(r, 200));
      assert.deepEqual(await plain.evaluate(() => window.__mlTimings), []);

      const page = await t.newPage();
      await page.goto(t.server.url('/fixtures/card-basic.html'));
      // The same page opted in to the timing hook, as the bench's init script does.
      await page.evaluate(() => document.documentElement.setAttribute('data-ml-bench', ''));
      await page
        .waitFor(() => globalThis.CSS?.highlights?.get('migration-lens-term')?.size >= 5)
        .catch(() => {
          throw new Error('bench page not scanned');
        });
      await listen(page);
      const words = [
        ['UNHCR', 0],
        ['GFMD', 0],
        ['IOM', 0],
        ['GFMD', 1],
        ['IOM', 1],
      ];
      let expected = 0;
      for (let round = 0; round < 2; round++) {
        for (const [w, n] of words) {
          await hover(page, w, n);
          await waitCards(page, (cs) => cs[0]?.state === 'ready', `card ${w}`);
          expected++;
          await page
            .waitFor((n) => window.__mlTimings.length >= n, expected)
            .catch(async () => {
              throw new Error(
                `no timing event for ${w} #${n}: ${JSON.stringify(await page.evaluate(() => window.__mlTimings))}`,
              );
            });
          await hoverAway(page);
        }
      }
      const got = await page.evaluate(() => window.__mlTimings);
      assert.equal(got.length, 10);
      for (const d of got) assert.equal(typeof d.dwellToPaintMs, 'number');
      const show = got.map((d) => d.showToPaintMs);
      const cachedShow = got.filter((d) => d.cached).map((d) => d.showToPaintMs);
      const due = got.map((d) => d.dueToPaintMs);
      const prepared = got.filter((d) => d.prepared);
      t.log(
        `showToPaint p50 ${pct(show, 50).toFixed(1)} ms, p95 ${pct(show, 95).toFixed(1)} ms; dueToPaint p50 ${pct(due, 50).toFixed(1)} ms; cached ${cachedShow.length}/10, prepared ${prepared.length}/10; dwellToPaint p50 ${pct(
          got.map((d) => d.dwellToPaintMs),
          50,
        ).toFixed(1)} ms (includes the 350 ms default delay minus the 100 ms dwell)`,
      );
      assert.ok(cachedShow.length >= 5, 'the prefetch at dwell fills the cache before the show');
      // The card rendered hidden at the dwell is revealed inside the animation frame callback.
      assert.ok(prepared.length >= 5, 'the card is prepared (rendered hidden) before the show');
      for (const d of prepared)
        assert.equal(d.inFrame, true, `a prepared card is shown in a frame callback: ${JSON.stringify(d)}`);
    },
  },
];
