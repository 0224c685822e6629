// Hostile fixtures: markup-like and script-like text next to terms stays text. Hovering every term must
// not run anything (no dialog), create no element in the page or in our card, and show the text verbatim.
import assert from 'node:assert/strict';
import { fixture, waitScan, boxAt, hoverBox, domDiff } from '../lib/robustness.mjs';
import { assertDomUntouched, waitPopover, HOST } from '../lib/helpers.mjs';

export default [
  fixture('markup- and script-like text next to terms is rendered inert', async (t, open) => {
    const page = await open(t.server.url('/fixtures/inert.html?noscript=1'), { snapshot: true, noscript: true });
    const dialogs = [];
    page.raw.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss().catch(() => {});
    });
    await waitScan(page);
    for (const [id, term] of [
      ['a', 'IOM'],
      ['b', 'UNHCR'],
      ['b', 'GFMD'],
      ['c', 'IOM'],
      ['c', 'UNHCR'],
      ['d', 'GFMD'],
    ]) {
      await hoverBox(page, await boxAt(page, [`#${id}`], term));
      await waitPopover(page, term, 5000);
    }
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(dialogs, [], 'a dialog was opened');
    const found = await page.evaluate((HOST) => {
      const sr = document.querySelector(HOST)?.shadowRoot;
      const q = 'img, script, svg, iframe, b';
      return {
        page: [...document.body.querySelectorAll(q)].map((e) => e.outerHTML),
        card: sr
          ? [...sr.querySelectorAll(q)]
              .filter((e) => /alert|src="x"|javascript:/.test(e.outerHTML))
              .map((e) => e.outerHTML)
          : [],
      };
    }, HOST);
    assert.deepEqual(found, { page: [], card: [] }, 'elements created from page text');
    assert.equal(
      await page.evaluate(() => document.getElementById('a').textContent),
      '<img src=x onerror=alert(1)> IOM <img src=x onerror=alert(1)>',
    );
    await assertDomUntouched(page);
    assert.equal(await domDiff(page), null);
  }),
];
