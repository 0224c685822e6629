// Trainer mode: large text preset, several pinned cards, "highlight every occurrence", stepping with
// N / Alt+. ; settings are written to the extension's storage from an extension context (t.browser.extEval).
import assert from 'node:assert/strict';
import { wordBox, HOST } from '../lib/helpers.mjs';
import { axeViolations } from '../lib/axe.mjs';
import { clickInCard, openPage, waitCards } from './20-card.mjs';

export async function setSettings(t, patch) {
  await t.browser.extEval(async (patch) => {
    const cur = (await chrome.storage.local.get('settings')).settings ?? {};
    // With the version meta (WXT's "<key>$"), so the v1→v2 migration does not run over our value.
    await chrome.storage.local.set({ settings: { ...cur, ...patch }, settings$: { v: 2 } });
  }, patch);
}

const hl = (page, name) => page.evaluate((name) => globalThis.CSS.highlights.get(name)?.size ?? 0, name);

export default [
  {
    name: 'card: trainer mode — several pinned cards, highlight every occurrence, step with keys, x-large text',
    async run(t) {
      await setSettings(t, { trainerMode: true });
      try {
        const page = await openPage(t);
        await page.setViewport(1400, 900);
        const iom = await wordBox(page, 'IOM');
        await page.click(iom.x + iom.w / 2, iom.y + iom.h / 2);
        await waitCards(page, (cs) => cs[0]?.state === 'ready' && cs[0].pinned, 'IOM pinned');
        const unhcr = await wordBox(page, 'UNHCR');
        await page.click(unhcr.x + unhcr.w / 2, unhcr.y + unhcr.h / 2);
        const cs = await waitCards(
          page,
          (cs) => cs.length === 2 && cs.every((c) => c.pinned && c.state === 'ready'),
          'two pinned cards',
        );
        assert.deepEqual(
          cs.map((c) => c.title),
          ['IOM', 'UNHCR'],
        );
        assert.equal(
          await page.evaluate((HOST) => document.querySelector(HOST).getAttribute('data-text-size'), HOST),
          'x-large',
        );
        const iomKey = cs[0].key;
        // Highlight every occurrence of IOM (the page has 5, one far below the fold).
        await clickInCard(page, '[data-testid=ml-focus-all]', iomKey);
        await page.waitFor(() => globalThis.CSS.highlights.get('migration-lens-focus')?.size === 5);
        // N in the focused card steps to the first occurrence and flashes it.
        await page.evaluate(
          ({ HOST, key }) => document.querySelector(HOST).shadowRoot.querySelector(`[data-key="${key}"]`).focus(),
          { HOST, key: iomKey },
        );
        await page.press('n');
        await page.waitFor(
          (HOST) =>
            document.querySelector(HOST).shadowRoot.querySelector('[data-testid=ml-occ]')?.textContent === '1 of 5',
          HOST,
        );
        assert.equal(await hl(page, 'migration-lens-flash'), 1);
        await t.shot(page, 'trainer-mode');
        // Alt+. from anywhere steps the top pinned card... which is UNHCR; Shift+N in the IOM card goes back.
        await page.press('n');
        await page.press('n');
        await page.waitFor(
          (HOST) =>
            [...document.querySelector(HOST).shadowRoot.querySelectorAll('[data-testid=ml-occ]')].some(
              (e) => e.textContent === '3 of 5',
            ),
          HOST,
        );
        await page.press('Shift+N');
        await page.waitFor(
          (HOST) =>
            [...document.querySelector(HOST).shadowRoot.querySelectorAll('[data-testid=ml-occ]')].some(
              (e) => e.textContent === '2 of 5',
            ),
          HOST,
        );
        await page.press('Alt+Period');
        await page.waitFor(
          (HOST) =>
            [...document.querySelector(HOST).shadowRoot.querySelectorAll('[data-testid=ml-occ]')].some(
              (e) => e.textContent === '1 of 1',
            ),
          HOST,
        );
        assert.deepEqual(await axeViolations(page, HOST), []);
        // Esc closes the top card only; closing the IOM card clears its focus highlight.
        await page.press('Escape');
        await waitCards(page, (cs) => cs.length === 1, 'one card left');
        await page.press('Escape');
        await waitCards(page, (cs) => cs.length === 0, 'no card');
        assert.equal(await hl(page, 'migration-lens-focus'), 0);
      } finally {
        await setSettings(t, { trainerMode: false });
      }
    },
  },
  {
    name: 'card: dark theme (settings.theme) and large text pass axe, contrast included',
    async run(t) {
      await setSettings(t, { theme: 'dark', textSize: 'large' });
      try {
        const page = await openPage(t);
        const b = await wordBox(page, 'IOM');
        await page.click(b.x + b.w / 2, b.y + b.h / 2);
        await waitCards(page, (cs) => cs[0]?.state === 'ready', 'pinned card');
        const host = await page.evaluate((HOST) => {
          const h = document.querySelector(HOST);
          return [h.getAttribute('data-theme'), h.getAttribute('data-text-size')];
        }, HOST);
        assert.deepEqual(host, ['dark', 'large']);
        const bg = await page.evaluate(
          (HOST) =>
            getComputedStyle(document.querySelector(HOST).shadowRoot.querySelector('[data-testid=ml-popover]'))
              .backgroundColor,
          HOST,
        );
        assert.equal(bg, 'rgb(31, 35, 40)');
        await clickInCard(page, '[data-testid=ml-more]');
        assert.deepEqual(await axeViolations(page, HOST), []);
      } finally {
        await setSettings(t, { theme: 'auto', textSize: 'normal' });
      }
    },
  },
];
