// Changes made in one context reach the others live: two contexts writing settings at the same moment
// (the card's "I know this term" and the options page), and a custom-glossary import on the options
// page while a page is open in another tab. Both browsers.
import assert from 'node:assert/strict';
import path from 'node:path';
import { highlightInfo, wordBox } from '../lib/helpers.mjs';
import { ROOT } from '../lib/server.mjs';
import { clickInCard, openPage, waitCards } from './20-card.mjs';

const stored = (page) => page.evaluate(() => chrome.storage.local.get('settings').then((r) => r.settings ?? {}));

async function waitStored(page, pred, what, timeout = 10000) {
  const t0 = Date.now();
  let last;
  while (Date.now() - t0 < timeout) {
    last = await stored(page);
    if (pred(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: settings are ${JSON.stringify(last).slice(0, 400)}`);
}

const underlined = async (page) => (await highlightInfo(page)).texts;

async function waitUnderlined(page, pred, what, timeout = 10000) {
  const t0 = Date.now();
  let last;
  while (Date.now() - t0 < timeout) {
    last = await underlined(page);
    if (pred(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: underlined ${JSON.stringify(last)}`);
}

export default [
  {
    name: 'settings: the card and the options page write at the same moment; both changes land',
    async run(t) {
      const options = await t.newPage();
      await options.goto(t.browser.extUrl('options.html'));
      await options.waitFor(() => !!document.querySelector('#ml-disabled-in'));
      const page = await openPage(t);
      const b = await wordBox(page, 'UNHCR');
      await page.click(b.x + b.w / 2, b.y + b.h / 2);
      await waitCards(page, (cs) => cs[0]?.state === 'ready', 'pinned card');
      const before = await stored(options);
      assert.ok(!(before.knownTerms ?? []).includes('unhcr'), 'UNHCR is not known yet');

      // Both writes leave their contexts without waiting for each other.
      await Promise.all([
        clickInCard(page, '[data-testid=ml-know]'),
        options.evaluate(() => {
          const i = document.querySelector('#ml-disabled-in');
          i.value = 'race.example';
          i.dispatchEvent(new Event('input', { bubbles: true }));
          document
            .querySelector('[data-testid=ml-disabled] form')
            .dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
        }),
      ]);
      const s = await waitStored(
        options,
        (s) => s.knownTerms?.includes('unhcr') && s.disabledSites?.includes('race.example'),
        'both changes stored',
      );
      assert.deepEqual(s.knownTerms, [...(before.knownTerms ?? []), 'unhcr']);
      // The options page shows the card's change live, and the page lost the underline.
      await options.waitFor(() =>
        [...document.querySelectorAll('[data-testid=ml-known] li span')].some((x) => x.textContent === 'UNHCR'),
      );
      await waitUnderlined(page, (ts) => ts.length > 0 && !ts.includes('UNHCR'), 'UNHCR no longer underlined');

      // Undo on the card and Remove on the options page, again at once: the profile is left as found.
      await Promise.all([
        clickInCard(page, 'text=Undo'),
        options.evaluate(() => document.querySelector('[aria-label="Remove race.example"]').click()),
      ]);
      await waitStored(
        options,
        (s) => !s.knownTerms?.includes('unhcr') && !s.disabledSites?.includes('race.example'),
        'both changes undone',
      );
      await waitUnderlined(page, (ts) => ts.includes('UNHCR'), 'UNHCR underlined again');
    },
  },
  {
    name: 'options: a custom-glossary import underlines the new term in an open tab without reload',
    async run(t) {
      const page = await t.newPage();
      await page.goto(t.server.url('/fixtures/custom-term.html'));
      await page.waitFor(() => globalThis.CSS?.highlights?.get('migration-lens-term')?.size > 0);
      assert.ok(!(await underlined(page)).includes('MMP'), 'MMP is not a built-in term');
      // A reload would lose this marker.
      await page.evaluate(() => {
        globalThis.__mlNoReload = true;
      });

      const options = await t.newPage();
      await options.goto(t.browser.extUrl('options.html'));
      await options.waitFor(() => !!document.querySelector('#ml-import'));
      await options.setInputFiles('#ml-import', path.join(ROOT, 'tests/fixtures/custom/e2e-good.json'));
      await options.waitFor(
        () => (document.querySelector('[data-testid=ml-import-result]')?.textContent ?? '').includes('1 added'),
        undefined,
        15000,
      );

      const texts = await waitUnderlined(
        page,
        (ts) => ts.filter((x) => x === 'MMP').length === 2,
        'both MMP occurrences underlined',
      );
      assert.ok(
        texts.includes('circular migration') && texts.includes('GFMD'),
        `built-in terms still underlined: ${texts}`,
      );
      assert.equal(await page.evaluate(() => globalThis.__mlNoReload === true), true, 'the page was not reloaded');

      // Deleting the entry takes the underline away again, and leaves the profile as found.
      await options.evaluate(() => document.querySelector('[aria-label="Delete MMP"]').click());
      await options.waitFor(() => !document.querySelector('[data-testid=ml-custom-list]'));
      await waitUnderlined(page, (ts) => ts.length > 0 && !ts.includes('MMP'), 'MMP no longer underlined');
      assert.equal(await page.evaluate(() => globalThis.__mlNoReload === true), true, 'the page was not reloaded');
    },
  },
];
