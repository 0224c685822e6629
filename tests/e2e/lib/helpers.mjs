// Page-side helpers shared by E2E cases. All of them read the page; none changes it.
import assert from 'node:assert/strict';

export const HOST = 'migration-lens-host';

/** Client rect of the n-th occurrence of `word` in the page's text (found with a Range, no DOM change). */
export async function wordBox(page, word, nth = 0) {
  const box = await page.evaluate(
    ({ word, nth }) => {
      const tw = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let n = tw.nextNode(); n; n = tw.nextNode()) {
        for (let i = n.data.indexOf(word); i >= 0; i = n.data.indexOf(word, i + 1)) {
          if (seen++ < nth) continue;
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + word.length);
          const b = r.getBoundingClientRect();
          return { x: b.x, y: b.y, w: b.width, h: b.height };
        }
      }
      return null;
    },
    { word, nth },
  );
  assert.ok(box, `word "${word}" #${nth} not found on the page`);
  return box;
}

export async function hover(page, word, nth = 0) {
  const b = await wordBox(page, word, nth);
  await hoverBox(page, b);
  return b;
}

/** Moves the pointer from the corner to the middle of box `b` (viewport coordinates), as a reader would. */
export async function hoverBox(page, b) {
  await page.move(2, 2, 1);
  await page.move(b.x + b.w / 2, b.y + b.h / 2, 5);
}

/** Text of our popover card inside the shadow root, or null. */
export function popoverText(page) {
  return page.evaluate((HOST) => {
    const el = document.querySelector(HOST)?.shadowRoot?.querySelector('[data-testid=ml-popover]');
    return el ? (el.innerText ?? el.textContent) : null;
  }, HOST);
}

export async function waitPopover(page, includes, timeout = 10000) {
  await page.waitFor(
    ({ HOST, includes }) => {
      const el = document.querySelector(HOST)?.shadowRoot?.querySelector('[data-testid=ml-popover]');
      return !!el && (el.textContent ?? '').includes(includes);
    },
    { HOST, includes },
    timeout,
  );
  return popoverText(page);
}

export async function waitNoPopover(page, timeout = 10000) {
  await page.waitFor(
    (HOST) => !document.querySelector(HOST)?.shadowRoot?.querySelector('[data-testid=ml-popover]'),
    HOST,
    timeout,
  );
}

/** Mutations of the page DOM recorded since DOMContentLoaded, excluding our own host element. */
export async function pageMutations(page) {
  return page.evaluate(() => window.__mlMutations ?? null);
}

export async function assertDomUntouched(page) {
  const muts = await pageMutations(page);
  assert.ok(Array.isArray(muts), 'DOM watch script did not run');
  assert.deepEqual(muts, [], `page DOM was changed: ${JSON.stringify(muts).slice(0, 400)}`);
}

/** Highlight registry as seen from the page's main world. */
export function highlightInfo(page) {
  return page.evaluate(() => {
    const h = globalThis.CSS?.highlights;
    if (!h) return { supported: false, names: [], size: 0, texts: [] };
    const names = [...h.keys()];
    const hl = h.get('migration-lens-term');
    const text = (r) => {
      const l = document.createRange();
      l.setStart(r.startContainer, r.startOffset);
      l.setEnd(r.endContainer, r.endOffset);
      return l.toString();
    };
    return { supported: true, names, size: hl ? hl.size : 0, texts: hl ? [...hl].map(text) : [] };
  });
}
