// Cards from frames in the top frame (issue #16): a term hovered in a 370×70 cross-origin iframe
// shows its card in the top page, at the term and fully visible; a click pins it there. Runs in both
// browsers.
import assert from 'node:assert/strict';
import { HOST, hoverBox } from '../lib/helpers.mjs';
import { frameFixtureUrl, termInFrame, waitFor } from '../lib/frames.mjs';
import { axeViolations } from '../lib/axe.mjs';

const cardIn = (frame) =>
  frame.evaluate((HOST) => {
    const el = document.querySelector(HOST)?.shadowRoot?.querySelector('[data-testid=ml-popover]');
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return {
      state: el.dataset.state,
      title: el.querySelector('h2')?.textContent ?? null,
      pinned: el.classList.contains('ml-pinned'),
      box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
      vw: innerWidth,
      vh: innerHeight,
    };
  }, HOST);

export default [
  {
    name: 'card frames: a term in a 370×70 cross-origin iframe opens its card whole in the top page',
    async run(t) {
      const page = await t.newPage();
      await page.setViewport(1280, 800);
      await page.goto(frameFixtureUrl(t, 'frame-small.html'));
      const frame = await waitFor(
        async () => page.raw.frames().find((f) => f.url().includes('frame-child.html?small')),
        5000,
        'the iframe',
      );
      await waitFor(
        () => frame.evaluate(() => (globalThis.CSS?.highlights?.get('migration-lens-term')?.size ?? 0) > 0),
        8000,
        'terms underlined in the iframe',
      );
      const { frameBox, term } = await termInFrame(page, frame, 'small');
      assert.deepEqual([Math.round(frameBox.w), Math.round(frameBox.h)], [372, 72], 'a 370×70 frame (+ border)');
      await hoverBox(page, term);
      const c = await waitFor(
        async () => {
          const x = await cardIn(page.raw.mainFrame());
          return x?.state === 'ready' ? x : null;
        },
        6000,
        'the card in the top page',
      );
      assert.equal(c.title, 'IOM');
      assert.equal(await cardIn(frame), null, 'no card drawn inside the frame');
      const { box, vw, vh } = c;
      assert.ok(
        box.left >= 0 && box.top >= 0 && box.right <= vw && box.bottom <= vh,
        `card on screen: ${JSON.stringify(c)}`,
      );
      // At the term: next to it (below, above or beside), not at some corner of the page.
      const near =
        Math.abs(box.top - (term.y + term.h)) < 20 ||
        Math.abs(box.bottom - term.y) < 20 ||
        Math.abs(box.left - (term.x + term.w)) < 20 ||
        Math.abs(box.right - term.x) < 20;
      assert.ok(near, `card ${JSON.stringify(box)} next to the term ${JSON.stringify(term)}`);
      // The pointer can travel onto the card without it closing (the top frame tells the frame).
      await page.move((box.left + box.right) / 2, box.top + 30, 8);
      await new Promise((r) => setTimeout(r, 700));
      assert.ok(await cardIn(page.raw.mainFrame()), 'card kept while the pointer is on it');
      assert.deepEqual(await axeViolations(page, HOST), []);
      // Off the card and the term: it closes.
      await page.move(4, 4, 4);
      await waitFor(async () => !(await cardIn(page.raw.mainFrame())), 4000, 'the card to close');
      // A click on the term pins the card, in the top page.
      await page.click(term.x + term.w / 2, term.y + term.h / 2);
      await waitFor(async () => (await cardIn(page.raw.mainFrame()))?.pinned, 6000, 'the pinned card in the top page');
      await t.shot(page, 'card-from-frame');
    },
  },
];
