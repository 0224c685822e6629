// The in-page card: hover with excerpts and citations, pin, related navigation and back, Esc,
// "I know this term" with Undo, axe on the open card. Runs in both browsers.
import assert from 'node:assert/strict';
import {
  hover,
  wordBox,
  waitPopover,
  waitNoPopover,
  assertDomUntouched,
  highlightInfo,
  HOST,
} from '../lib/helpers.mjs';
import { axeViolations } from '../lib/axe.mjs';

export const PAGE = '/fixtures/card-basic.html';

/** Every open card as seen in our shadow root (read-only). */
export function cards(page) {
  return page.evaluate((HOST) => {
    const sr = document.querySelector(HOST)?.shadowRoot;
    if (!sr) return [];
    return [...sr.querySelectorAll('[data-testid=ml-popover]')].map((el) => ({
      key: el.dataset.key,
      role: el.getAttribute('role'),
      state: el.dataset.state,
      title: el.querySelector('h2')?.textContent ?? null,
      text: el.textContent,
      pinned: el.classList.contains('ml-pinned'),
      focused: el.contains(sr.activeElement),
      crumbs: el.querySelector('[data-testid=ml-crumbs]')?.textContent ?? null,
    }));
  }, HOST);
}

export async function waitCards(page, pred, what, timeout = 10000) {
  const t0 = Date.now();
  let last;
  while (Date.now() - t0 < timeout) {
    last = await cards(page);
    if (pred(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}; cards: ${JSON.stringify(last).slice(0, 600)}`);
}

/** Click a button inside the card with the given key (or the top card) by test id or text. */
export function clickInCard(page, sel, key = null) {
  return page.evaluate(
    ({ HOST, sel, key }) => {
      const sr = document.querySelector(HOST).shadowRoot;
      const all = [...sr.querySelectorAll('[data-testid=ml-popover]')];
      const card = key ? all.find((c) => c.dataset.key === key) : all.at(-1);
      const el = sel.startsWith('text=')
        ? [...card.querySelectorAll('button')].find((b) => b.textContent === sel.slice(5))
        : card.querySelector(sel);
      if (!el) throw new Error(`no ${sel} in card`);
      el.click();
    },
    { HOST, sel, key },
  );
}

export async function ready(page) {
  await page.goto(page.__url);
  await page.waitFor(() => globalThis.CSS?.highlights?.get('migration-lens-term')?.size >= 5);
}

export async function openPage(t) {
  const page = await t.newPage();
  page.__url = t.server.url(PAGE);
  await ready(page);
  return page;
}

export default [
  {
    name: 'card: hover shows label, summary, verbatim excerpt and citation; axe clean; DOM untouched',
    async run(t) {
      const page = await openPage(t);
      await hover(page, 'GFMD');
      const text = await waitPopover(page, 'Global Forum on Migration and Development');
      assert.match(text, /summary/i);
      const [c] = await waitCards(page, (cs) => cs[0]?.state === 'ready', 'ready card');
      assert.equal(c.role, 'tooltip');
      const cite = await page.evaluate(
        (HOST) => document.querySelector(HOST).shadowRoot.querySelector('[data-testid=ml-excerpt] cite')?.textContent,
        HOST,
      );
      // Readers get document, section, paragraph or item and the printed start page, never our source lines.
      assert.match(cite ?? '', /20\d\d, .*(para\. \d+|\([a-z]\)|p\. \d+ ff\.)/, `citation: ${cite}`);
      assert.doesNotMatch(cite ?? '', /\bline/, `citation: ${cite}`);
      assert.deepEqual(await axeViolations(page, HOST), []);
      // Moving off the term closes the card after the grace period (timings are unit-tested).
      const lorem = await wordBox(page, 'lorem');
      await page.move(lorem.x + 5, lorem.y + lorem.h / 2);
      await waitNoPopover(page);
      await assertDomUntouched(page);
    },
  },
  {
    name: 'card: click pins a dialog, related navigation and back, Esc closes and returns focus',
    async run(t) {
      const page = await openPage(t);
      const b = await wordBox(page, 'IOM');
      await page.click(b.x + b.w / 2, b.y + b.h / 2);
      let [c] = await waitCards(page, (cs) => cs[0]?.state === 'ready' && cs[0].pinned, 'pinned card');
      assert.equal(c.role, 'dialog');
      assert.equal(c.title, 'IOM');
      assert.ok(c.focused, 'focus moved into the dialog');
      // Pinned: the pointer can wander off without closing it.
      const lorem = await wordBox(page, 'lorem');
      await page.move(lorem.x, lorem.y + 5);
      await new Promise((r) => setTimeout(r, 700));
      assert.equal((await cards(page)).length, 1);
      // Mandate section of an agency, and its recommendation items fetched with the `record` message.
      assert.match(c.text, /Mandate/);
      await clickInCard(page, '[data-testid=ml-mandate] button[aria-expanded]');
      await page.waitFor((HOST) => {
        const items = [...document.querySelector(HOST).shadowRoot.querySelectorAll('[data-testid=ml-recs] li')];
        return items.length >= 2 && items.every((li) => (li.querySelector('cite')?.textContent ?? '').includes('IOM'));
      }, HOST);
      // IOM has dozens of related entries: a compact card shows the ranked first 6 (curated first), the
      // rest on demand.
      const related = () =>
        page.evaluate(
          (HOST) =>
            [...document.querySelector(HOST).shadowRoot.querySelectorAll('[data-testid=ml-related] button')].map(
              (b) => b.dataset.id,
            ),
          HOST,
        );
      const firstRelated = await related();
      assert.equal(firstRelated.length, 6);
      assert.deepEqual(firstRelated.slice(0, 2), ['gmg', 'gfmd']);
      await clickInCard(page, '.ml-more-related');
      await page.waitFor(
        (HOST) =>
          document.querySelector(HOST).shadowRoot.querySelectorAll('[data-testid=ml-related] button').length > 6,
        HOST,
      );
      await clickInCard(page, '[data-testid=ml-related] button[data-id=gfmd]');
      [c] = await waitCards(page, (cs) => cs[0]?.title === 'GFMD', 'GFMD inside the same card');
      assert.equal(c.crumbs, 'IOMGFMD');
      await t.shot(page, 'popover-pinned-related');
      await clickInCard(page, '[data-testid=ml-back]');
      await waitCards(page, (cs) => cs[0]?.title === 'IOM' && cs[0].crumbs === null, 'back to IOM');
      await page.press('Escape');
      await waitNoPopover(page);
      assert.deepEqual(await page.evaluate(() => window.__mlErrors), []);
    },
  },
  {
    name: 'card: P pins the hover card (focus moves in); Esc closes and returns focus; P in a field is typing',
    async run(t) {
      const page = await openPage(t);
      await page.evaluate(() => document.getElementById('open-dialog').focus());
      await hover(page, 'UNHCR');
      await waitCards(page, (cs) => cs[0]?.state === 'ready', 'hover card');
      await page.press('p');
      const [c] = await waitCards(page, (cs) => cs[0]?.pinned && cs[0].focused, 'pinned by P, focused');
      assert.equal(c.role, 'dialog');
      await page.press('Escape');
      await waitNoPopover(page);
      assert.equal(
        await page.evaluate(() => document.activeElement?.id),
        'open-dialog',
        'focus returned to where it was',
      );
      // With no card open, P in the page's input is just typing.
      await page.evaluate(() => document.getElementById('field').focus());
      await page.type('p');
      assert.equal(await page.evaluate(() => document.getElementById('field').value), 'p');
      assert.equal((await cards(page)).length, 0);
    },
  },
  {
    name: 'card: "I know this term" removes the underline live; Undo brings it back',
    async run(t) {
      const page = await openPage(t);
      const before = (await highlightInfo(page)).texts.filter((x) => x === 'UNHCR').length;
      assert.ok(before >= 1);
      const b = await wordBox(page, 'UNHCR');
      await page.click(b.x + b.w / 2, b.y + b.h / 2);
      await waitCards(page, (cs) => cs[0]?.state === 'ready', 'pinned card');
      await clickInCard(page, '[data-testid=ml-know]');
      await page.waitFor(
        () =>
          ![...(globalThis.CSS.highlights.get('migration-lens-term') ?? [])].some((r) => {
            const l = document.createRange();
            l.setStart(r.startContainer, r.startOffset);
            l.setEnd(r.endContainer, r.endOffset);
            return l.toString() === 'UNHCR';
          }) && globalThis.CSS.highlights.get('migration-lens-term')?.size > 0,
      );
      const [c] = await cards(page);
      assert.match(c.text, /will no longer be underlined/);
      await clickInCard(page, 'text=Undo');
      await page.waitFor(() =>
        [...(globalThis.CSS.highlights.get('migration-lens-term') ?? [])].some((r) => {
          const l = document.createRange();
          l.setStart(r.startContainer, r.startOffset);
          l.setEnd(r.endContainer, r.endOffset);
          return l.toString() === 'UNHCR';
        }),
      );
    },
  },
];
