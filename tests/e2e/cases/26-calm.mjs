// Calm reading (issue #16): concepts underlined at their first occurrence only, names every time, the
// per-category setting, the next/previous-term commands, and the popup search's Enter race and
// exact-match ranking. The fixture (tests/fixtures/pages/calm.html) repeats remittances (4×), diaspora
// (3×) and IOM (3×); `npm run recognise -- tests/fixtures/pages/calm.html` prints the same 6 underlines.
import assert from 'node:assert/strict';
import { hover, waitPopover, waitNoPopover, assertDomUntouched, HOST } from '../lib/helpers.mjs';
import { waitCards } from './20-card.mjs';

const PAGE = '/fixtures/calm.html';

async function setSettings(t, patch) {
  await t.browser.extEval(async (patch) => {
    const cur = (await chrome.storage.local.get('settings')).settings ?? {};
    await chrome.storage.local.set({ settings: { ...cur, ...patch }, settings$: { v: 2 } });
  }, patch);
}

/** The painted underlines' texts in document order (CSS.highlights entries, read-only). */
const underlined = (page) =>
  page.evaluate(() =>
    [...(globalThis.CSS.highlights.get('migration-lens-term') ?? [])]
      .map((r) => {
        const x = document.createRange();
        x.setStart(r.startContainer, r.startOffset);
        x.setEnd(r.endContainer, r.endOffset);
        return { at: `${r.startContainer.parentElement.id}:${r.startOffset}`, text: x.toString() };
      })
      .sort((a, b) => a.at.localeCompare(b.at, 'en', { numeric: true })),
  );

async function open(t, n) {
  const page = await t.newPage();
  await page.goto(t.server.url(PAGE));
  await page.waitFor((n) => globalThis.CSS?.highlights?.get('migration-lens-term')?.size === n, n, 10000);
  // Settled: no later pass adds or moves an underline.
  await new Promise((r) => setTimeout(r, 600));
  return page;
}

const count = (list, word) => list.filter((u) => u.text.toLowerCase() === word).length;

export default [
  {
    name: 'calm: concepts underlined at the first occurrence only, names at every one',
    async run(t) {
      const page = await open(t, 6);
      const u = await underlined(page);
      assert.equal(u.length, 6, JSON.stringify(u));
      assert.equal(count(u, 'remittances'), 1);
      assert.equal(count(u, 'diaspora'), 1);
      assert.equal(count(u, 'iom'), 3);
      // The first in reading order: both concepts are underlined in the first paragraph.
      assert.deepEqual(
        u.filter((x) => x.text.toLowerCase() !== 'iom' && x.text !== 'GFMD').map((x) => x.at.split(':')[0]),
        ['p1', 'p1'],
      );
      // A later occurrence is not underlined and opens no card; the underlined one does.
      await hover(page, 'remittances', 1);
      await waitNoPopover(page);
      await hover(page, 'Remittances', 0);
      await waitPopover(page, 'emittance');
      await assertDomUntouched(page);
    },
  },
  {
    name: 'calm: per-category setting — concepts every occurrence, agencies first, concepts off',
    async run(t) {
      try {
        await setSettings(t, { categories: { concept: 'every', agency: 'first' } });
        let page = await open(t, 9);
        let u = await underlined(page);
        assert.equal(count(u, 'remittances'), 4);
        assert.equal(count(u, 'diaspora'), 3);
        assert.equal(count(u, 'iom'), 1);
        await page.close();
        await setSettings(t, { categories: { concept: 'off', agency: 'every' } });
        page = await open(t, 4);
        u = await underlined(page);
        assert.deepEqual(
          u.map((x) => x.text),
          ['IOM', 'IOM', 'GFMD', 'IOM'],
        );
      } finally {
        await setSettings(t, { categories: { concept: 'first', agency: 'every' } });
      }
    },
  },
  {
    name: 'calm: next-term / previous-term commands ring the term and open successive cards',
    async run(t) {
      const page = await open(t, 6);
      const ring = () =>
        page.evaluate(() => {
          const h = globalThis.CSS.highlights.get('migration-lens-ring');
          const r = h && [...h][0];
          if (!r || h.size !== 1) return null;
          const x = document.createRange();
          x.setStart(r.startContainer, r.startOffset);
          x.setEnd(r.endContainer, r.endOffset);
          return x.toString();
        });
      const step = async (name, word, title) => {
        await t.browser.command(name);
        await waitCards(
          page,
          (cs) => cs.length === 1 && cs[0].pinned && cs[0].state === 'ready' && cs[0].title === title,
          `${name} → ${title}`,
        );
        await page.waitFor((w) => {
          const h = globalThis.CSS.highlights.get('migration-lens-ring');
          return (
            h?.size === 1 &&
            String([...h][0].startContainer.data)
              .slice([...h][0].startOffset)
              .startsWith(w)
          );
        }, word);
        assert.equal(await ring(), word);
      };
      await step('next-term', 'Remittances', 'remittances');
      await step('next-term', 'IOM', 'IOM');
      await step('next-term', 'diaspora', 'diaspora');
      await step('previous-term', 'IOM', 'IOM');
      // Esc closes the card and its ring goes with it.
      await page.press('Escape');
      await waitCards(page, (cs) => cs.length === 0, 'no card');
      await page.waitFor(() => !globalThis.CSS.highlights.get('migration-lens-ring')?.size);
      await assertDomUntouched(page);
    },
  },
  {
    name: 'calm: popup search — Enter closes suggestions for good; an exact name leads',
    async run(t) {
      const page = await t.newPage();
      await page.setViewport(460, 760);
      await page.goto(t.browser.extUrl('popup.html'));
      await page.waitFor(() => !!document.querySelector('#ml-q'));
      await page.evaluate(() => document.querySelector('#ml-q').focus());
      // Enter right after typing: the suggestions asked for on the way must not open over the results.
      await page.type('trafficking');
      await page.press('Enter');
      await page.waitFor(() => document.querySelectorAll('[data-testid=ml-results] li').length > 3);
      await new Promise((r) => setTimeout(r, 1000));
      assert.equal(await page.evaluate(() => document.querySelector('#ml-q').getAttribute('aria-expanded')), 'false');
      assert.equal(await page.evaluate(() => document.querySelector('#ml-suggest').hidden), true);
      const titles = await page.evaluate(() =>
        [...document.querySelectorAll('[data-testid=ml-results] li strong')].map((s) => s.textContent),
      );
      assert.match(titles[0], /^trafficking in persons/, titles.slice(0, 3).join(' | '));
      // Record titles are short: kind · agency or document · label, the section on its own line.
      const rec = titles.find((x) => /^(Mandate|Recommendation|Passage) · /.test(x));
      assert.ok(rec && rec.length < 60, `record title: ${rec}`);
      // Typing again brings suggestions back.
      await page.type(' in');
      await page.waitFor(() => document.querySelector('#ml-q').getAttribute('aria-expanded') === 'true', null, 5000);
    },
  },
];

export { HOST };
