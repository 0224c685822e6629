// Keyboard command "explain selection": background → tabs.sendMessage({type:'explainSelection'}) →
// the card opens as a dialog with focus moved in, and focus returns on Esc. The command itself is
// t.browser.explainSelectionCommand(): in Firefox the real Alt+Shift+E shortcut, in Chromium the
// function the commands.onCommand listener calls (see lib/browsers.mjs).
import assert from 'node:assert/strict';
import { waitNoPopover } from '../lib/helpers.mjs';
import { cards, clickInCard, openPage, waitCards } from './20-card.mjs';
import { wordBox } from '../lib/helpers.mjs';

async function selectWord(page, word) {
  await page.evaluate((word) => {
    document.getElementById('open-dialog').focus();
    const tw = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = tw.nextNode(); n; n = tw.nextNode()) {
      const i = n.data.indexOf(word);
      if (i >= 0) {
        document.getSelection().setBaseAndExtent(n, i, n, i + word.length);
        return;
      }
    }
    throw new Error(`no ${word}`);
  }, word);
}

async function check(page) {
  const [c] = await waitCards(page, (cs) => cs[0]?.state === 'ready' && cs[0].focused, 'explained card with focus');
  assert.equal(c.role, 'dialog');
  assert.equal(c.title, 'UNHCR');
  await page.press('Escape');
  await waitNoPopover(page);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'open-dialog', 'focus returned');
}

export default [
  {
    name: 'card: explain-selection command (Alt+Shift+E) opens the card as a focused dialog',
    async run(t) {
      const page = await openPage(t);
      await page.raw.bringToFront();
      await selectWord(page, 'UNHCR');
      await t.browser.explainSelectionCommand();
      await check(page);
      // A caret inside a term works too (no selection extent).
      await page.evaluate(() => {
        const n = document.getElementById('p3').firstChild;
        document.getSelection().collapse(n, n.data.indexOf('GFMD') + 2);
      });
      await t.browser.explainSelectionCommand();
      const [c] = await waitCards(page, (cs) => cs[0]?.title === 'GFMD', 'GFMD at the caret');
      assert.equal(c.role, 'dialog');
      assert.equal((await cards(page)).length, 1);
    },
  },
  {
    name: 'card: "Search for this" opens the extension search with the term (?q=)',
    async run(t) {
      const page = await openPage(t);
      const b = await wordBox(page, 'UNHCR');
      await page.click(b.x + b.w / 2, b.y + b.h / 2);
      await waitCards(page, (cs) => cs[0]?.state === 'ready', 'pinned card');
      const want = t.browser.extUrl('popup.html?q=UNHCR');
      assert.ok(!(await t.browser.tabUrls()).includes(want));
      await clickInCard(page, '[data-testid=ml-search]');
      for (const t0 = Date.now(); !(await t.browser.tabUrls()).includes(want);) {
        if (Date.now() - t0 > 10000) throw new Error(`no tab ${want}: ${await t.browser.tabUrls()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      await t.browser.closeTabs(want);
    },
  },
];
