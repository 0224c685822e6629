// Hostile fixtures: a strict-CSP page (default-src 'none'; style-src 'none') and a 5 MB page generated
// by the test server. Both must be scanned, leave the DOM identical, and keep the card working.
import assert from 'node:assert/strict';
import { fixture, waitScan, highlighted, domDiff, boxAt, hoverBox, cardStyle } from '../lib/robustness.mjs';
import { assertDomUntouched, hover, waitPopover } from '../lib/helpers.mjs';

export default [
  fixture('strict CSP page: underlined, card shown and styled as on a plain page', async (t, open) => {
    const plain = await open(t.server.url('/fixtures/slice.html'));
    await waitScan(plain);
    await hover(plain, 'IOM');
    await waitPopover(plain, 'IOM');
    await new Promise((r) => setTimeout(r, 300));
    const want = await cardStyle(plain);
    const page = await open(t.server.url('/fixtures/csp.html'), { snapshot: true });
    const scan = await waitScan(page);
    assert.ok(scan.registered, 'no highlight registered under strict CSP');
    const hl = await highlighted(page);
    assert.deepEqual(hl.map((h) => h.text).sort(), ['GFMD', 'IOM', 'UNHCR'], JSON.stringify(hl));
    await hoverBox(page, await boxAt(page, ['#p1'], 'IOM'));
    await waitPopover(page, 'IOM');
    await new Promise((r) => setTimeout(r, 300));
    const got = await cardStyle(page);
    assert.deepEqual(got?.card, want.card, 'card styles differ under strict CSP (constructed stylesheet blocked?)');
    assert.ok(got.rect.width > 100 && got.rect.height > 40, `card has no layout: ${JSON.stringify(got.rect)}`);
    await assertDomUntouched(page);
    assert.equal(await domDiff(page), null);
  }),
  fixture(
    '5 MB generated page: scanned to the last paragraph without touching the DOM',
    async (t, open) => {
      const t0 = Date.now();
      const page = await open(t.server.url('/gen/big.html'), { snapshot: true });
      const loadMs = Date.now() - t0;
      // The page stays responsive while we scan: round trips to the main world stay short.
      let worst = 0;
      let last = -1;
      let stable = 0;
      const end = Date.now() + 30000; // settling later than this already fails the responsiveness bar
      while (Date.now() < end) {
        const s = Date.now();
        const size = await page.evaluate(() => globalThis.CSS?.highlights?.get('migration-lens-term')?.size ?? -1);
        worst = Math.max(worst, Date.now() - s);
        if (size === last && size > 0) {
          if (++stable >= 5) break;
        } else stable = 0;
        last = size;
        await new Promise((r) => setTimeout(r, 200));
      }
      const scanMs = Date.now() - t0;
      // Pages this large are painted in a window that follows scrolling (registering every range would
      // stall the browser): scroll to the end, then the last paragraph's terms must be underlined.
      await page.evaluate(() => document.getElementById('last').scrollIntoView());
      await page
        .waitFor(
          () => {
            const last = document.getElementById('last');
            for (const r of globalThis.CSS?.highlights?.get('migration-lens-term') ?? [])
              if (last.contains(r.startContainer)) return true;
            return false;
          },
          null,
          5000,
        )
        .catch(() => {});
      const info = await page.evaluate(() => {
        const hl = CSS.highlights.get('migration-lens-term');
        const last = document.getElementById('last');
        let inLast = false;
        for (const r of hl ?? [])
          if (last.contains(r.startContainer)) {
            inLast = true;
            break;
          }
        return { size: hl?.size ?? 0, inLast, chars: document.body.textContent.length };
      });
      t.log(
        `5 MB page: ${info.chars} chars, load ${loadMs} ms, scan settled after ${scanMs} ms, ${info.size} ranges, worst main-world round trip ${worst} ms`,
      );
      assert.ok(info.chars > 4_500_000, `generated page too small: ${info.chars}`);
      assert.ok(info.inLast, `last paragraph not underlined (${info.size} ranges after ${scanMs} ms)`);
      // Measured: worst stall ≈ 0.9–1.0 s with the extension vs ≈ 0.06–0.1 s without it (10–25 s when
      // every range is painted at once instead of windowed). The goal is < 1 s; this bar catches a
      // regression without making CI flaky, as most of what remains is the browser's own layout and
      // highlight work.
      t.log(`5 MB page responsiveness: worst stall ${worst} ms (goal < 1000 ms)`);
      assert.ok(worst < 2000, `page blocked for ${worst} ms during the scan`);
      await assertDomUntouched(page);
      assert.equal(await domDiff(page), null);
    },
    { timeout: 90000 },
  ),
];
