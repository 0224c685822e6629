// The first vertical slice: underline, hover, popover, no DOM change, popup search.
import assert from 'node:assert/strict';
import { hover, waitPopover, waitNoPopover, assertDomUntouched, highlightInfo, wordBox } from '../lib/helpers.mjs';

export default [
  {
    name: 'underlines known terms with the Highlight API and leaves the DOM untouched',
    async run(t) {
      const page = await t.newPage();
      await page.goto(t.server.url('/fixtures/slice.html'));
      await page.waitFor(() => globalThis.CSS?.highlights?.get('migration-lens-term')?.size > 0);
      const info = await highlightInfo(page);
      assert.ok(info.texts.includes('GFMD'), `highlighted: ${info.texts}`);
      assert.ok(info.texts.includes('IOM'));
      await assertDomUntouched(page);
    },
  },
  {
    name: 'hovering a term shows the popover from the background; empty space shows nothing',
    async run(t) {
      const page = await t.newPage();
      await page.goto(t.server.url('/fixtures/slice.html'));
      await page.waitFor(() => globalThis.CSS?.highlights?.get('migration-lens-term')?.size > 0);
      await hover(page, 'GFMD');
      const text = await waitPopover(page, 'Global Forum on Migration and Development');
      assert.match(text, /GFMD/);
      await t.shot(page, 'popover');
      // Plain words and the blank margin right of a line give no card.
      const lorem = await wordBox(page, 'Lorem');
      await page.move(lorem.x + 5, lorem.y + lorem.h / 2);
      await waitNoPopover(page);
      const p1 = await wordBox(page, 'year.');
      await page.move(p1.x + p1.w + 120, p1.y + p1.h / 2);
      await page.waitFor(() => true);
      assert.equal(
        await page.evaluate(
          () => !!document.querySelector('migration-lens-host')?.shadowRoot?.querySelector('[data-testid=ml-popover]'),
        ),
        false,
      );
      await assertDomUntouched(page);
    },
  },
  {
    name: 'toolbar popup searches through the background',
    async run(t) {
      const page = await t.newPage();
      await page.goto(t.browser.extUrl('popup.html'));
      await page.waitFor(() => !!document.querySelector('input[type=search]'));
      await page.evaluate(() => document.querySelector('input[type=search]').focus());
      await page.type('refug');
      await page.waitFor(() =>
        (document.querySelector('[data-testid=ml-results]')?.textContent ?? '').includes('UNHCR'),
      );
    },
  },
];
