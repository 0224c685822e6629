// The card stays above page dialogs and fullscreen elements (Popover API top layer), in both browsers.
// A page modal dialog or fullscreen element makes the rest of the document inert, so a hover card there
// is visible but not clickable; pinning it (click on the term) puts it in our own modal <dialog>, which
// is then both on top and interactive.
import assert from 'node:assert/strict';
import { hover, wordBox, waitNoPopover, HOST } from '../lib/helpers.mjs';
import { openPage, waitCards } from './20-card.mjs';

/** Is our card painted on screen, and the topmost hit-testable thing at its centre? */
const cardOnTop = (page) =>
  page.evaluate((HOST) => {
    const host = document.querySelector(HOST);
    const cards = host?.shadowRoot.querySelectorAll('[data-testid=ml-popover]');
    const card = cards?.[cards.length - 1];
    if (!card) return 'no card';
    const r = card.getBoundingClientRect();
    const visible = r.width > 0 && r.top >= 0 && r.bottom <= innerHeight + 1;
    const at = document.elementFromPoint(r.x + r.width / 2, r.y + 20);
    return { open: host.matches(':popover-open'), visible, top: at === host };
  }, HOST);

async function clickButton(page, id) {
  const b = await page.evaluate((id) => {
    const r = document.getElementById(id).getBoundingClientRect();
    return { x: r.x + 5, y: r.y + 5 };
  }, id);
  await page.click(b.x, b.y);
}

async function pinAndUse(page, word, nth) {
  const b = await wordBox(page, word, nth);
  await page.click(b.x + b.w / 2, b.y + b.h / 2);
  await waitCards(page, (cs) => cs.length === 1 && cs[0].pinned && cs[0].state === 'ready', 'pinned card');
  assert.deepEqual(await cardOnTop(page), { open: true, visible: true, top: true });
  // Really clickable: a pointer click on the card's close button closes it.
  const x = await page.evaluate((HOST) => {
    const r = document.querySelector(HOST).shadowRoot.querySelector('[data-testid=ml-close]').getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, HOST);
  await page.move(x.x, x.y, 2);
  await page.click(x.x, x.y);
  await waitNoPopover(page);
}

export default [
  {
    name: 'card: above a modal page dialog; pinned there it is clickable',
    async run(t) {
      const page = await openPage(t);
      await clickButton(page, 'open-dialog');
      await page.waitFor(() => document.getElementById('dlg').open);
      await hover(page, 'GFMD', 3); // the occurrence inside the dialog
      await waitCards(page, (cs) => cs[0]?.state === 'ready', 'card over the dialog');
      const s = await cardOnTop(page);
      assert.equal(s.open, true);
      assert.equal(s.visible, true);
      await pinAndUse(page, 'GFMD', 3);
      assert.equal(
        await page.evaluate(() => document.getElementById('dlg').open),
        true,
        'the page dialog is still open',
      );
    },
  },
  {
    name: 'card: above a fullscreen element; pinned there it is clickable',
    async run(t) {
      const page = await openPage(t);
      await clickButton(page, 'go-fs');
      await page.waitFor(
        () =>
          !!document.fullscreenElement &&
          document.getElementById('stage').getBoundingClientRect().height >= innerHeight - 1,
      );
      await new Promise((r) => setTimeout(r, 300)); // let the fullscreen transition settle
      await hover(page, 'IOM', 2); // inside the stage
      await waitCards(page, (cs) => cs[0]?.state === 'ready', 'card in fullscreen');
      const s = await cardOnTop(page);
      assert.equal(s.open, true);
      assert.equal(s.visible, true);
      await pinAndUse(page, 'IOM', 2);
      assert.ok(await page.evaluate(() => !!document.fullscreenElement), 'still fullscreen');
      await page.evaluate(() => document.exitFullscreen());
    },
  },
];
