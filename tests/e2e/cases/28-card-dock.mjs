// Trainer mode for a room (issue #16): pinned cards dock in one column beside the text and never cover
// the occurrence being shown; they are reordered and moved with the keyboard; the presenter key steps
// through the page's terms in reading order, opening each card in turn. Runs in both browsers.
import assert from 'node:assert/strict';
import { wordBox, HOST } from '../lib/helpers.mjs';
import { axeViolations } from '../lib/axe.mjs';
import { openPage, waitCards } from './20-card.mjs';
import { setSettings } from './22-card-trainer.mjs';

/** The dock's box and side, and its cards' titles and boxes, top to bottom. */
function dockState(page) {
  return page.evaluate((HOST) => {
    const sr = document.querySelector(HOST)?.shadowRoot;
    const dock = sr?.querySelector('[data-testid=ml-dock]');
    if (!dock) return null;
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const cards = [...dock.querySelectorAll(':scope > [data-testid=ml-popover]')];
    return {
      side: dock.dataset.side,
      box: box(dock),
      titles: cards.map((c) => c.querySelector('h2')?.textContent ?? null),
      boxes: cards.map(box),
      focused: cards.findIndex((c) => c.contains(sr.activeElement)),
      status: dock.querySelector('[role=status]')?.textContent ?? '',
      vw: document.documentElement.clientWidth,
    };
  }, HOST);
}

/**
 * Keeps the occurrence the page just flashed (our flash Custom Highlight: one StaticRange) as a live
 * Range, so its box can be read once the smooth scroll to it has ended (the flash lasts one second).
 */
function keepFlashed(page) {
  return page.waitFor(() => {
    const r = [...(globalThis.CSS.highlights.get('migration-lens-flash') ?? [])][0];
    if (!r) return false;
    const live = document.createRange();
    live.setStart(r.startContainer, r.startOffset);
    live.setEnd(r.endContainer, r.endOffset);
    globalThis.__mlFlashed = live;
    return true;
  });
}

/** The kept occurrence's box and the dock's, once both stopped moving (smooth scroll, placement). */
async function settled(page) {
  let last = null;
  for (let i = 0; i < 60; i++) {
    const s = await page.evaluate((HOST) => {
      const a = globalThis.__mlFlashed?.getBoundingClientRect();
      const d = document.querySelector(HOST).shadowRoot.querySelector('[data-testid=ml-dock]');
      const b = d?.getBoundingClientRect();
      const text = globalThis.__mlFlashed?.toString() ?? '';
      return {
        text,
        occ: a && { left: a.left, top: a.top, right: a.right, bottom: a.bottom },
        dock: b && { left: b.left, top: b.top, right: b.right, bottom: b.bottom },
        side: d?.dataset.side,
      };
    }, HOST);
    if (last && JSON.stringify(s) === JSON.stringify(last)) return s;
    last = s;
    await new Promise((r) => setTimeout(r, 80));
  }
  return last;
}

const intersects = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function assertClear(s, what) {
  assert.ok(s.occ && s.dock, `${what}: no occurrence or dock ${JSON.stringify(s)}`);
  assert.ok(!intersects(s.occ, s.dock), `${what}: the dock covers "${s.text}" ${JSON.stringify(s)}`);
}

/**
 * Drag docked card `i` by its handle (scrolled into view in the column first, as a reader would) to
 * the point `to(dock)` returns: mouse down, moves, up.
 */
async function dragHandle(page, i, to) {
  const h = await page.evaluate(
    ({ HOST, i }) => {
      const el = document
        .querySelector(HOST)
        .shadowRoot.querySelectorAll('[data-testid=ml-dock] > .ml-card')
        [i].querySelector('[data-testid=ml-handle]');
      el.scrollIntoView({ block: 'nearest' }); // the column scrolls when its cards are taller than the viewport
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    { HOST, i },
  );
  const d = await dockState(page);
  const p = to(d);
  await page.move(h.x, h.y, 2);
  await page.raw.mouse.down();
  await page.move(p.x, p.y, 8);
  // Held at the column's bottom edge, the drag scrolls it (its cards are taller than the viewport).
  if (p.edge) for (let k = 0; k < 12; k++) await page.move(p.x, p.y - (k % 2), 1);
  await page.raw.mouse.up();
}

const focusCard = (page, title) =>
  page.evaluate(
    ({ HOST, title }) =>
      [...document.querySelector(HOST).shadowRoot.querySelectorAll('[data-testid=ml-dock] > .ml-card')]
        .find((c) => c.querySelector('h2')?.textContent === title)
        .focus(),
    { HOST, title },
  );

export default [
  {
    name: 'trainer dock: pinned cards in one column clear of the active occurrence; keys and mouse move them',
    async run(t) {
      await setSettings(t, { trainerMode: true });
      try {
        const page = await openPage(t);
        await page.setViewport(1280, 800);
        // Pinned by click: each docks, and the column is never over the term just clicked.
        let d;
        for (const [n, word] of ['UNHCR', 'IOM'].entries()) {
          const b = await wordBox(page, word);
          await page.click(b.x + b.w / 2, b.y + b.h / 2);
          await waitCards(page, (cs) => cs.length === n + 1 && cs.every((c) => c.pinned && c.state === 'ready'), word);
          await new Promise((r) => setTimeout(r, 100));
          d = await dockState(page);
          const occ = { left: b.x, top: b.y, right: b.x + b.w, bottom: b.y + b.h };
          assert.ok(!intersects(occ, d.box), `dock over ${word} ${JSON.stringify({ occ, d })}`);
          t.log(`${word} pinned: dock ${d.side}, ${Math.round(d.box.right - d.box.left)} px wide in ${d.vw}`);
        }
        assert.deepEqual(d.titles, ['UNHCR', 'IOM'], 'docked in the order pinned');
        assert.ok(d.boxes[0].bottom <= d.boxes[1].top, `cards overlap ${JSON.stringify(d.boxes)}`);

        // Alt+ArrowUp / Alt+ArrowDown on the focused IOM card move it; focus stays with it.
        await focusCard(page, 'IOM');
        await page.press('Alt+ArrowUp');
        await page.waitFor(
          (HOST) =>
            document.querySelector(HOST).shadowRoot.querySelector('[data-testid=ml-dock] > .ml-card h2')
              ?.textContent === 'IOM',
          HOST,
        );
        d = await dockState(page);
        assert.deepEqual(d.titles, ['IOM', 'UNHCR']);
        assert.equal(d.focused, 0, 'the moved card keeps focus');
        assert.match(d.status, /^Card 1 of 2, (left|right) side$/);
        await page.press('Alt+ArrowDown');
        await page.waitFor(
          (HOST) =>
            document.querySelector(HOST).shadowRoot.querySelector('[data-testid=ml-dock] > .ml-card h2')
              ?.textContent === 'UNHCR',
          HOST,
        );
        d = await dockState(page);
        assert.equal(d.focused, 1, 'focus follows the card down');
        // The column is taller than the window: the focused card's top is scrolled into its view.
        const top = d.boxes[1].top;
        assert.ok(
          top >= d.box.top && top <= d.box.bottom - 40,
          `focused card's top at ${top} ${JSON.stringify(d.box)}`,
        );

        // With the mouse: the UNHCR card's handle dragged below the IOM card, then across the middle.
        await dragHandle(page, 0, (d) => ({ x: (d.box.left + d.box.right) / 2, y: d.box.bottom - 10, edge: true }));
        await page.waitFor(
          (HOST) =>
            document.querySelector(HOST).shadowRoot.querySelector('[data-testid=ml-dock] > .ml-card h2')
              ?.textContent === 'IOM',
          HOST,
        );
        const side = (await dockState(page)).side;
        await dragHandle(page, 1, (d) => ({ x: side === 'left' ? d.vw - 60 : 60, y: d.boxes[1].top + 20 }));
        d = await dockState(page);
        assert.deepEqual(d.titles, ['IOM', 'UNHCR'], 'a drag across keeps the order');
        assert.notEqual(d.side, side, 'a drag across the middle moves the column');
        await page.press('m'); // and back, by key (focus is on the dragged card)
        // M: the column goes to the other side, and stays there until another occurrence is shown.
        const before = (await dockState(page)).side;
        await page.press('m');
        d = await dockState(page);
        assert.notEqual(d.side, before, 'M moves the column across');
        assert.ok(d.side === 'left' ? d.box.left < 20 : d.box.right > d.vw - 20, `at its edge ${JSON.stringify(d)}`);

        // N steps through IOM's occurrences (one far below the fold): the dock never covers the one shown.
        await focusCard(page, 'IOM');
        for (let i = 1; i <= 5; i++) {
          await page.press('n');
          await page.waitFor(
            ({ HOST, i }) =>
              [...document.querySelector(HOST).shadowRoot.querySelectorAll('[data-testid=ml-occ]')].some(
                (e) => e.textContent === `${i} of 5`,
              ),
            { HOST, i },
          );
          await keepFlashed(page);
          const s = await settled(page);
          assert.equal(s.text, i === 1 ? 'International Organization for Migration' : 'IOM');
          assertClear(s, `IOM occurrence ${i}`);
        }
        await t.shot(page, 'trainer-dock');
        assert.deepEqual(await axeViolations(page, HOST), []);
      } finally {
        await setSettings(t, { trainerMode: false });
      }
    },
  },
  {
    name: 'trainer presenter: Alt+Shift+. opens each term of the page in reading order, docked and clear',
    async run(t) {
      await setSettings(t, { trainerMode: true });
      try {
        const page = await openPage(t);
        await page.setViewport(1280, 800);
        const seen = [];
        let count = 0;
        for (let i = 0; i < 4; i++) {
          await page.press('Alt+Shift+Period');
          const cs = await waitCards(
            page,
            (cs) =>
              cs.length === 1 &&
              cs[0].state === 'ready' &&
              cs[0].text.includes(`Term ${count ? (i % count) + 1 : i + 1} of`),
            `presenter step ${i + 1}`,
          );
          const m = /Term (\d+) of (\d+)/.exec(cs[0].text);
          count = Number(m[2]);
          seen.push(cs[0].title);
          assert.ok(cs[0].pinned && cs[0].focused, 'pinned and focused');
          const d = await dockState(page);
          assert.deepEqual(d.titles, [cs[0].title], 'one presenter card, in the dock');
          await keepFlashed(page);
          assertClear(await settled(page), `presenter term ${i + 1}`);
          if (i === 1) assert.deepEqual(await axeViolations(page, HOST), []);
        }
        t.log(`presenter: ${seen.join(' → ')} (${count} terms)`);
        // The fixture's reading order: the IOM (by its full name), the GFMD, then the UNHCR; then around.
        assert.equal(count, 3);
        assert.deepEqual(seen, ['IOM', 'GFMD', 'UNHCR', 'IOM']);
        // Alt+Shift+, goes back one term.
        await page.press('Alt+Shift+Comma');
        await waitCards(page, (cs) => cs.length === 1 && cs[0].title === 'UNHCR', 'back to the UNHCR');
      } finally {
        await setSettings(t, { trainerMode: false });
      }
    },
  },
];
