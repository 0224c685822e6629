// Hostile fixtures: terms inside same-origin and cross-origin (127.0.0.2) iframes get underlined, and
// hovering them shows our card (in whichever document our content script draws it).
import assert from 'node:assert/strict';
import { fixture, waitScan, HIGHLIGHT } from '../lib/robustness.mjs';
import { HOST, hoverBox } from '../lib/helpers.mjs';
import { frameFixtureUrl, termInFrame, waitFor } from '../lib/frames.mjs';

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

export default [
  fixture('same-origin and cross-origin iframes: terms underlined, hover shows the card', async (t, open) => {
    const page = await open(frameFixtureUrl(t, 'frames.html'));
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
      await hoverBox(page, (await termInFrame(page, frame, id)).term);
      await waitFor(
        async () => (await hasCard(frame)) || (await hasCard(page.raw.mainFrame())),
        5000,
        `${id} iframe card`,
      ).catch((e) => problems.push(`${id}: ${e.message}`));
    }
    assert.deepEqual(problems, [], 'iframe support');
  }),
];
