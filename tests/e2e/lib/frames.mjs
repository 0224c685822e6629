// The frame fixtures shared by E2E cases (27-card-frames, 52-fixtures-frames):
// tests/fixtures/pages/frames.html and frame-small.html embed tests/fixtures/pages/frame-child.html,
// whose #framed paragraph names the IOM; the cross-origin frame loads from 127.0.0.2 (same port).
import assert from 'node:assert/strict';

/** Polls `fn` every 100 ms until it returns something truthy (errors count as not yet). */
export async function waitFor(fn, ms, what) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => null);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** URL of a frame fixture page, told the second loopback origin its cross-origin frame loads from. */
export function frameFixtureUrl(t, file) {
  assert.ok(t.server.origin2, 'second loopback origin 127.0.0.2 unavailable');
  return t.server.url(`/fixtures/${file}?cross=${encodeURIComponent(t.server.origin2)}`);
}

/**
 * Where the `<iframe id=frameId>` and `word` inside its #framed paragraph are, in the top page's
 * viewport: the frame's border box, and the word's box (frame content origin + box inside the frame).
 */
export async function termInFrame(page, frame, frameId, word = 'IOM') {
  const off = await page.evaluate((id) => {
    const f = document.getElementById(id);
    const r = f.getBoundingClientRect();
    return { x: r.x + f.clientLeft, y: r.y + f.clientTop, w: r.width, h: r.height };
  }, frameId);
  const b = await frame.evaluate((word) => {
    const n = document.getElementById('framed').firstChild;
    const i = n.data.indexOf(word);
    const r = document.createRange();
    r.setStart(n, i);
    r.setEnd(n, i + word.length);
    const q = r.getBoundingClientRect();
    return { x: q.x, y: q.y, w: q.width, h: q.height };
  }, word);
  return { frameBox: off, term: { x: off.x + b.x, y: off.y + b.y, w: b.w, h: b.h } };
}
