// The interface in the browser's language: a browser whose own language is French (Chromium --lang /
// LANGUAGE, Firefox intl.locale.requested) shows the popup, the options and the card's chrome in French;
// choosing Español in the options switches them all, the in-page card included (its messages then
// come from the background). Each run launches its own browser in French, next to the suite's English one.
import assert from 'node:assert/strict';
import { launchChromium, launchFirefox } from '../lib/browsers.mjs';
import { hover, waitPopover } from '../lib/helpers.mjs';

const PAGE = '/fixtures/card-basic.html';
const TERM = 'migration-lens-term';

const waitText = (page, sel, includes, timeout = 15000) =>
  page.waitFor(
    ({ sel, includes }) => (document.querySelector(sel)?.textContent ?? '').includes(includes),
    { sel, includes },
    timeout,
  );

/** The card's pin button text, read inside our shadow root. */
const pinText = (page) =>
  page.evaluate(
    () =>
      document.querySelector('migration-lens-host')?.shadowRoot?.querySelector('[data-testid=ml-pin]')?.textContent ??
      null,
  );

export default [
  {
    name: 'browser in French: popup, options and card in French; choosing Español switches them',
    timeout: 150000,
    async run(t) {
      const b = await (t.browser.name === 'chromium' ? launchChromium({ lang: 'fr' }) : launchFirefox({ lang: 'fr' }));
      try {
        const popup = await b.newPage();
        await popup.goto(b.extUrl('popup.html'));
        await waitText(popup, 'label[for=ml-q]', 'Rechercher dans les mandats');
        assert.equal(await popup.evaluate(() => document.documentElement.lang), 'fr');
        assert.equal(await popup.evaluate(() => document.title), 'Migration Lens');

        const options = await b.newPage();
        await options.goto(b.extUrl('options.html'));
        await waitText(options, 'h1', 'Options de Migration Lens');
        await options.waitFor(() => !!document.querySelector('#ml-language'));
        assert.equal(await options.evaluate(() => document.querySelector('#ml-language')?.value), 'auto');
        assert.match(await options.evaluate(() => document.querySelector('legend')?.textContent ?? ''), /Général/);

        const page = await b.newPage();
        await page.goto(t.server.url(PAGE));
        await page.waitFor((name) => globalThis.CSS?.highlights?.get(name)?.size >= 3, TERM, 20000);
        await hover(page, 'GFMD');
        const card = await waitPopover(page, 'Processus ou forum', 15000);
        assert.match(card, /Je connais ce terme/);
        assert.equal(await pinText(page), 'Épingler');

        // The reader's choice wins over the browser's: Español, saved by the background, everywhere.
        await options.evaluate(() => {
          const s = document.querySelector('#ml-language');
          s.value = 'es';
          s.dispatchEvent(new Event('change', { bubbles: true }));
        });
        await waitText(options, 'h1', 'Opciones de Migration Lens');
        await waitText(popup, 'label[for=ml-q]', 'Buscar en los mandatos');
        assert.equal(await popup.evaluate(() => document.documentElement.lang), 'es');
        await page.move(5, 5);
        await hover(page, 'GFMD', 1);
        const es = await waitPopover(page, 'Proceso o foro', 15000);
        assert.match(es, /Conozco este término/);
        assert.equal(await pinText(page), 'Fijar');
      } finally {
        await b.close();
      }
    },
  },
];
