// Cards that fit (issue #16): the pinned IOM card opens compact and whole — no scrolling inside it —
// at 1280×800, and widened at 200 % zoom (the same screen is then 640×400 CSS px); its disclosures keep their
// state while it is pinned; expanded, it grows to the viewport's height before its body scrolls.
import assert from 'node:assert/strict';
import { hover, wordBox, HOST } from '../lib/helpers.mjs';
import { axeViolations } from '../lib/axe.mjs';
import { clickInCard, openPage, waitCards } from './20-card.mjs';

/** The top card's box, its scroll container's sizes and the viewport, read in the page. */
export function cardFit(page) {
  return page.evaluate((HOST) => {
    const card = [...document.querySelector(HOST).shadowRoot.querySelectorAll('[data-testid=ml-popover]')].at(-1);
    const body = card.querySelector('[data-testid=ml-body]');
    const r = card.getBoundingClientRect();
    return {
      box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, height: r.height },
      scrollHeight: body.scrollHeight,
      clientHeight: body.clientHeight,
      vw: innerWidth,
      vh: innerHeight,
    };
  }, HOST);
}

/** Waits until the card's position has settled (placement is asynchronous) and returns its fit. */
async function settledFit(page) {
  let last = null;
  for (let i = 0; i < 40; i++) {
    const f = await cardFit(page);
    if (last && JSON.stringify(f) === JSON.stringify(last)) return f;
    last = f;
    await new Promise((r) => setTimeout(r, 60));
  }
  return last;
}

function assertWhole(f, what) {
  assert.ok(f.scrollHeight <= f.clientHeight, `${what}: scrolls inside (${f.scrollHeight} > ${f.clientHeight})`);
  const { box, vw, vh } = f;
  assert.ok(
    box.left >= 0 && box.top >= 0 && box.right <= vw && box.bottom <= vh,
    `${what}: off-screen ${JSON.stringify(f)}`,
  );
}

const expanded = (page) =>
  page.evaluate((HOST) => {
    const card = [...document.querySelector(HOST).shadowRoot.querySelectorAll('[data-testid=ml-popover]')].at(-1);
    return [...card.querySelectorAll('button.ml-disclose')].map((b) => b.getAttribute('aria-expanded')).join();
  }, HOST);

async function pinIom(page) {
  const b = await wordBox(page, 'IOM');
  await page.click(b.x + b.w / 2, b.y + b.h / 2);
  return waitCards(page, (cs) => cs[0]?.state === 'ready' && cs[0].pinned && cs[0].title === 'IOM', 'IOM pinned');
}

export default [
  {
    name: 'card fit: compact IOM card whole at 1280×800, widened at 200 % zoom; expanded grows to the viewport',
    async run(t) {
      const page = await openPage(t);
      await page.setViewport(1280, 800);
      await pinIom(page);
      const f = await settledFit(page);
      t.log(`1280×800 compact IOM card: ${f.box.height} px tall, body ${f.scrollHeight}/${f.clientHeight}`);
      await t.shot(page, 'card-compact');
      assertWhole(f, '1280×800');
      assert.equal(await expanded(page), 'false,false,false', 'opens compact');
      assert.deepEqual(await axeViolations(page, HOST), []);
      // Everything open: the card grows to the viewport's height, then its body scrolls.
      for (const sel of ['[data-testid=ml-mandate] button.ml-disclose', '[data-testid=ml-more]', '.ml-more-related'])
        await clickInCard(page, sel);
      await page.waitFor(
        (HOST) => document.querySelector(HOST).shadowRoot.querySelectorAll('[data-testid=ml-recs] li cite').length >= 2,
        HOST,
      );
      const big = await settledFit(page);
      assert.ok(big.scrollHeight > big.clientHeight, 'expanded IOM card taller than the viewport');
      assert.ok(big.box.height >= big.vh - 16 - 1, `expanded card ${big.box.height} px in a ${big.vh} px viewport`);
      assert.ok(big.box.top >= 0 && big.box.bottom <= big.vh, 'expanded card inside the viewport');
      assert.deepEqual(await axeViolations(page, HOST), []);
      await page.press('Escape');
      await waitCards(page, (cs) => cs.length === 0, 'closed');

      // 200 % zoom of the same screen: 640×400 CSS px.
      await page.setViewport(640, 400);
      await pinIom(page);
      const z = await settledFit(page);
      t.log(
        `640×400 compact IOM card: ${z.box.height} px tall, ${z.box.right - z.box.left} px wide, body ${z.scrollHeight}/${z.clientHeight}`,
      );
      // Not yet whole at 200 % zoom (the body still scrolls ~100 px, see the README): it is widened to
      // the viewport and kept on screen.
      assert.ok(z.box.right - z.box.left >= z.vw - 16 - 1, `widened at 200 % zoom: ${JSON.stringify(z)}`);
      assert.ok(z.box.left >= 0 && z.box.top >= 0 && z.box.right <= z.vw && z.box.bottom <= z.vh, 'on screen');
    },
  },
  {
    name: 'card fit: disclosures keep their state when a hover card is pinned and across related and back',
    async run(t) {
      const page = await openPage(t);
      await page.setViewport(1280, 800);
      await hover(page, 'GFMD');
      await waitCards(page, (cs) => cs[0]?.state === 'ready' && !cs[0].pinned, 'GFMD hover card');
      await clickInCard(page, '[data-testid=ml-more]');
      await page.waitFor(
        (HOST) => document.querySelector(HOST).shadowRoot.querySelectorAll('[data-testid=ml-excerpt]').length >= 2,
        HOST,
      );
      await page.press('p');
      await waitCards(page, (cs) => cs[0]?.pinned, 'pinned');
      assert.match(await expanded(page), /^true/, 'more excerpts still open once pinned');
      // Follow a related term and come back: the GFMD card opens its excerpts as they were.
      const rel = await page.evaluate(
        (HOST) => document.querySelector(HOST).shadowRoot.querySelector('[data-testid=ml-related] button').dataset.id,
        HOST,
      );
      await clickInCard(page, `[data-testid=ml-related] button[data-id="${rel}"]`);
      await waitCards(page, (cs) => cs[0]?.title !== 'GFMD' && cs[0]?.state === 'ready', 'related card');
      assert.doesNotMatch(await expanded(page), /true/, 'the related card opens compact');
      await clickInCard(page, '[data-testid=ml-back]');
      await waitCards(page, (cs) => cs[0]?.title === 'GFMD', 'back to GFMD');
      assert.match(await expanded(page), /^true/, 'back: more excerpts open again');
      const n = await page.evaluate(
        (HOST) => document.querySelector(HOST).shadowRoot.querySelectorAll('[data-testid=ml-excerpt]').length,
        HOST,
      );
      assert.ok(n >= 2, `excerpts after back: ${n}`);
      assert.deepEqual(await axeViolations(page, HOST), []);
    },
  },
];
