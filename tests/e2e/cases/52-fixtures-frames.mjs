// Hostile fixtures: terms inside same-origin and cross-origin (127.0.0.2) iframes get underlined, and
// hovering them shows our card (in whichever document our content script draws it).
import assert from 'node:assert/strict';
import { fixture, waitScan, HIGHLIGHT } from '../lib/robustness.mjs';
import { HOST } from '../lib/helpers.mjs';

const frameHighlights = (frame) =>
  frame.evaluate((name) => {
    const hl = globalThis.CSS?.highlights?.get(name);
    return hl
      ? [...hl].map((r) => {
          const l = document.createRange();
          l.setStart(r.startContainer, r.startOffset);
          l.setEnd(r.endContainer, r.endOffset);
          return l.toString();
        })
      : null;
  }, HIGHLIGHT);

const hasCard = (frame) =>
  frame.evaluate((HOST) => !!document.querySelector(HOST)?.shadowRoot?.querySelector('[data-testid=ml-popover]'), HOST);

async function waitFor(fn, ms, what) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => null);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export default [
  fixture('same-origin and cross-origin iframes: terms underlined, hover shows the card', async (t, open) => {
    assert.ok(t.server.origin2, 'second loopback origin 127.0.0.2 unavailable');
    const page = await open(t.server.url(`/fixtures/frames.html?cross=${encodeURIComponent(t.server.origin2)}`));
    await waitScan(page);
    const frames = () => page.raw.frames().filter((f) => f.url().includes('frame-child.html'));
    await waitFor(async () => frames().length === 2, 5000, 'both iframes');
    const problems = [];
    for (const [id, tag] of [
      ['same', '?same'],
      ['cross', '?cross'],
    ]) {
      const frame = frames().find((f) => f.url().endsWith(tag));
      const hl = await waitFor(
        async () => {
          const h = await frameHighlights(frame);
          return h?.length ? h : null;
        },
        6000,
        `${id} iframe highlight`,
      ).catch((e) => {
        problems.push(`${id}: ${e.message}`);
        return null;
      });
      if (!hl) continue;
      if (!hl.includes('IOM')) problems.push(`${id}: highlighted ${hl}`);
      // Hover the term: page coordinates = iframe box + term box inside the frame.
      const off = await page.evaluate((id) => {
        const r = document.getElementById(id).getBoundingClientRect();
        return { x: r.x + 1, y: r.y + 1 };
      }, id);
      const b = await frame.evaluate(() => {
        const n = document.getElementById('framed').firstChild;
        const i = n.data.indexOf('IOM');
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 3);
        const q = r.getBoundingClientRect();
        return { x: q.x, y: q.y, w: q.width, h: q.height };
      });
      await page.move(2, 2, 1);
      await page.move(off.x + b.x + b.w / 2, off.y + b.y + b.h / 2, 5);
      await waitFor(
        async () => (await hasCard(frame)) || (await hasCard(page.raw.mainFrame())),
        5000,
        `${id} iframe card`,
      ).catch((e) => problems.push(`${id}: ${e.message}`));
    }
    assert.deepEqual(problems, [], 'iframe support');
  }),
];
