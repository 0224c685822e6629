// UN document symbols that no glossary entry covers: underlined from the family regex in the compiled
// matcher, and decoded by the background into a card with the Official Document System link.
import assert from 'node:assert/strict';
import { hover, waitPopover, highlightInfo, HOST } from '../lib/helpers.mjs';
import { axeViolations } from '../lib/axe.mjs';
import { waitCards } from './20-card.mjs';

export default [
  {
    name: 'card: a document symbol is underlined and its card decodes it and links the UN document',
    async run(t) {
      const page = await t.newPage();
      await page.goto(t.server.url('/fixtures/symbols.html'));
      // A/HRC/38/41/Add.1, A/72/173, GFMD, IOM; nothing in the path, the date or "24/7".
      await page.waitFor(() => globalThis.CSS?.highlights?.get('migration-lens-term')?.size >= 4);
      const { texts } = await highlightInfo(page);
      assert.ok(texts.includes('A/HRC/38/41/Add.1'), `highlights: ${JSON.stringify(texts)}`);
      assert.ok(texts.includes('A/72/173'), `highlights: ${JSON.stringify(texts)}`);
      assert.equal(texts.filter((x) => x === 'A/72/173').length, 1, 'not inside the file path');
      assert.ok(!texts.some((x) => /12\/05|24\/7/.test(x)), `highlights: ${JSON.stringify(texts)}`);

      await hover(page, 'A/HRC/38/41/Add.1');
      await waitPopover(page, 'Human Rights Council document, 38th session, No. 41 — addendum 1');
      const [c] = await waitCards(page, (cs) => cs[0]?.state === 'ready', 'ready symbol card');
      assert.equal(c.title, 'A/HRC/38/41/Add.1');
      const link = await page.evaluate((HOST) => {
        const a = document.querySelector(HOST).shadowRoot.querySelector('[data-testid=ml-official]');
        return a ? { href: a.getAttribute('href'), text: a.textContent, target: a.getAttribute('target') } : null;
      }, HOST);
      assert.deepEqual(link, {
        href: 'https://docs.un.org/en/A/HRC/38/41/Add.1',
        text: 'Open on the UN Official Document System ↗',
        target: '_blank',
      });
      assert.deepEqual(await axeViolations(page, HOST), []);
      assert.deepEqual(await page.evaluate(() => window.__mlErrors), []);
    },
  },
];
