// Hover → popover with the BUILT extension in real Chromium. Methods: tests/bench/README.md.
// "Painted" is the same point everywhere: the first task after the rendering update (style, layout,
// paint) of the frame that contains the card.
//  - hook: the content script (lib/content/timing.ts) dispatches `migration-lens:timing` on pages that
//    opt in with <html data-ml-bench>; detail.showToPaintMs = from the frame-aligned show (the hover
//    delay elapsed, then the next animation frame's callback began) to painted; dueToPaintMs from the
//    delay timer itself, so it also counts the wait for that frame.
//  - page side (cross-check, and the fallback without the hook): last mousemove timeStamp (pointer
//    arrival) → ready card shown in our open shadow root → painted; minus the delay.
//  - floor: the same show as the content script's, in the main world: from a mousemove handler, the
//    first animation frame after the delay puts a trivial card in a shadow root; same clock points.
import fs from 'node:fs';
import { median, p95 } from './stats.mjs';

const HOST = 'migration-lens-host';

/** Main-world recorder, installed before any page script. Reads our open shadow root, changes nothing. */
export const RECORDER = `(() => {
  const HOST = ${JSON.stringify(HOST)};
  const r = window.__mlHover = { lastMove: 0, readyAt: 0, readyPainted: 0, floorAt: 0, floorDue: 0, floorPainted: 0, floorDelay: 0, timing: null };
  // A message posted now is handled in a task of its own: after the current one, which inside an
  // animation frame callback is that frame's whole rendering update.
  const post = (cb) => { const ch = new MessageChannel(); ch.port1.onmessage = () => { ch.port1.close(); cb(performance.now()); }; ch.port2.postMessage(0); };
  // Page side, which cannot know whether the card changed inside a frame callback or in a task: a new
  // ResizeObserver reports in the next rendering update that lays the element out, after the frame
  // callbacks, so it lands in the frame that contains the change either way; post from there.
  const afterPaintOf = (el, cb) => { const ro = new ResizeObserver(() => { ro.disconnect(); post(cb); }); ro.observe(el); };
  const check = (root) => {
    // A card prepared at the dwell is hidden and has no test id until it is shown.
    const card = root.querySelector('[data-testid=ml-popover]');
    if (!card || r.readyAt) return;
    // Ready = a found card ("no entry" and errors also end the wait); data-state when the UI sets it.
    const st = card.getAttribute('data-state');
    const loading = st ? st === 'loading' : /Looking up/.test(card.textContent);
    if (!loading) { r.readyAt = performance.now(); afterPaintOf(card, (t) => { r.readyPainted = t; }); }
  };
  const watched = new WeakSet();
  const watch = () => {
    const host = document.querySelector(HOST);
    if (!host || !host.shadowRoot || watched.has(host)) return;
    watched.add(host);
    new MutationObserver(() => check(host.shadowRoot)).observe(host.shadowRoot, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-state', 'data-testid', 'data-pending'] });
    // The host joins the page when its first card shows, so that card is already in it.
    check(host.shadowRoot);
  };
  // Window capture runs before the content script's document listener: the host is watched before
  // any card for this hover can render.
  addEventListener('mousemove', (e) => {
    r.lastMove = e.timeStamp;
    if (r.floorArmed) { r.floorArmed = false; floor(performance.now()); }
    watch();
  }, { capture: true, passive: true });
  // Bind to the document at DOMContentLoaded: an observer made while the init script runs can end up on
  // a document that the navigation then replaces (seen in Chromium 156: it never fired).
  const start = () => {
    new MutationObserver(watch).observe(document, { childList: true, subtree: true });
    document.addEventListener('migration-lens:timing', (e) => { r.timing = e.detail; });
    document.documentElement.setAttribute('data-ml-bench', '');
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true }); else start();
  r.reset = () => { r.readyAt = r.readyPainted = r.floorAt = r.floorDue = r.floorPainted = 0; r.timing = null; };
  // The floor shows its card the way lib/content/hover-intent.ts does, from the next mousemove's
  // handler (t0): a timer shortly before t0 + delay (floorDue, like dueAt), then the first animation
  // frame callback after it (floorAt, like showAt) adds the card and posts a message (painted).
  r.armFloor = (delay) => { r.floorDelay = delay; r.floorArmed = true; };
  const floor = (t0) => {
    const due = r.floorDue = t0 + r.floorDelay;
    const frame = () => requestAnimationFrame(() => {
      const now = performance.now();
      if (now < due - 2) return frame(); // FRAME_SLACK_MS, as the content script
      r.floorAt = now;
      const h = document.createElement('div');
      const sr = h.attachShadow({ mode: 'open' });
      sr.innerHTML = '<div style="position:fixed;top:10px;left:10px;padding:8px;background:#fff;border:1px solid #888">card</div>';
      document.documentElement.append(h);
      post((t) => { r.floorPainted = t; h.remove(); });
    });
    setTimeout(frame, Math.max(0, due - 20 - performance.now()));
  };
})();`;

/** A compact page: one line per term in a 4-column grid, so every term is on screen. */
export function hoverPageHtml(terms) {
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const lines = terms.map((t, i) => `<div id="t${i}">${esc(t.label)} is on the agenda.</div>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Migration Lens hover bench</title>
<style>body{font:14px/22px system-ui,sans-serif;margin:16px}main{display:grid;grid-template-columns:repeat(4,1fr);gap:0 12px;width:1100px}</style></head>
<body><h1>Migration governance bodies and the refugee and migrant agenda</h1><main>\n${lines}\n</main></body></html>`;
}

/**
 * Positions of the terms the extension actually underlined (read from the Highlight registry, so a term
 * our node-side check accepted but the built extension does not underline is never hovered).
 */
function termBoxes(page) {
  return page.evaluate(() => {
    const hl = CSS.highlights.get('migration-lens-term');
    const out = [];
    for (const r of hl ?? []) {
      const line = r.startContainer.parentElement;
      if (!line || !/^t\d+$/.test(line.id) || r.startOffset !== 0) continue;
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      const b = live.getBoundingClientRect();
      if (b.bottom > innerHeight || b.width < 4) continue;
      out.push({
        label: live.toString(),
        x: b.x + Math.min(b.width / 2, 12),
        y: b.y + b.height / 2,
        i: Number(line.id.slice(1)),
      });
    }
    return out.sort((a, b) => a.i - b.i);
  });
}

/**
 * @param {{ ctx: import('playwright-core').BrowserContext, origin: string, terms: {id:string,label:string}[],
 *   samples: number, repeats: number, delayMs: number }} o
 * `samples` first hovers (each a different term: card not cached), then `repeats` hovers of terms
 * already shown (in-page cache).
 */
export async function benchHover({ ctx, origin, terms, samples, repeats, delayMs }) {
  const url = `${origin}/bench/hover.html`;
  const html = hoverPageHtml(terms);
  const page = await ctx.newPage();
  // The extension opens its demo page on first install; a background tab gets throttled animation
  // frames (and the card then shows from the content script's fallback timer), which would time the
  // browser's throttling instead of our card. The demo tab may open after this point, so any page that
  // opens while the bench runs is closed too, and each hover checks that ours is the visible tab.
  const closeOther = (other) => {
    if (other !== page) void other.close().catch(() => {});
  };
  for (const other of ctx.pages()) closeOther(other);
  ctx.on('page', closeOther);
  await page.bringToFront();
  const foreground = async () => {
    for (let i = 0; i < 20 && (await page.evaluate(() => document.visibilityState)) !== 'visible'; i++) {
      await page.bringToFront();
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await page.addInitScript({ content: RECORDER });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => globalThis.CSS?.highlights?.get('migration-lens-term')?.size > 0, null, {
    timeout: 20000,
  });
  const boxes = await termBoxes(page);
  if (boxes.length < samples + 2)
    throw new Error(`hover page: only ${boxes.length} underlined terms on screen, need ${samples + 2}`);
  const rest = { x: 1180, y: 790 }; // blank corner: no term, no card
  const rest2 = { x: 1180, y: 760 }; // another blank point, for the floor's mousemove
  const hidden = () =>
    page.waitForFunction(
      (H) => !document.querySelector(H)?.shadowRoot?.querySelector('[data-testid=ml-popover]'),
      HOST,
      { timeout: 5000 },
    );
  const hoverOnce = async (b) => {
    await foreground();
    await page.mouse.move(rest.x, rest.y);
    await hidden();
    await page.evaluate(() => __mlHover.reset());
    await page.mouse.move(b.x, b.y); // one step: one mousemove event, at the term
    try {
      await page.waitForFunction(
        () => __mlHover.readyPainted > 0 && (__mlHover.timing || performance.now() - __mlHover.readyPainted > 200),
        null,
        { timeout: 10000 },
      );
    } catch {
      const st = await page
        .evaluate((H) => {
          const c = document.querySelector(H)?.shadowRoot?.querySelector('[data-testid=ml-popover]');
          return c ? `card ${c.getAttribute('data-state') ?? ''}: ${c.textContent.slice(0, 60)}` : 'no card';
        }, HOST)
        .catch(() => '?');
      throw new Error(`no ready card for "${b.label}" at (${Math.round(b.x)}, ${Math.round(b.y)}) within 10 s (${st})`);
    }
    return page.evaluate(() => ({ ...__mlHover }));
  };
  const floorOnce = async (delay) => {
    await foreground();
    await page.mouse.move(rest.x, rest.y);
    await hidden();
    await page.evaluate((d) => {
      __mlHover.reset();
      __mlHover.armFloor(d);
    }, delay);
    await page.mouse.move(rest2.x, rest2.y);
    await page.waitForFunction(() => __mlHover.floorPainted > 0, null, { timeout: 5000 });
    return page.evaluate(() => ({
      show: __mlHover.floorPainted - __mlHover.floorAt,
      due: __mlHover.floorPainted - __mlHover.floorDue,
    }));
  };
  // Two warm-up hovers (own terms); they also show whether this build has a dwell timer at all:
  // without one the card comes sooner than the delay, and nothing is subtracted.
  const warm = [await hoverOnce(boxes[0]), await hoverOnce(boxes[1])];
  const hasDwell = warm.every((r) => r.readyPainted - r.lastMove >= delayMs);
  const delay = hasDwell ? delayMs : 0;
  const first = { hook: [], side: [] },
    again = { hook: [], side: [] },
    floor = [],
    floorDue = [],
    due = [];
  let prepared = 0,
    inFrame = 0;
  const raw = { hovers: [], floors: [] };
  const plan = [
    ...boxes.slice(2, 2 + samples).map((b) => [b, first]),
    ...boxes.slice(2, 2 + repeats).map((b) => [b, again]),
  ];
  for (let i = 0; i < plan.length; i++) {
    const [b, bucket] = plan[i];
    // Floor every other hover, before or after it, so drift in machine load hits both alike.
    const addFloor = (f) => {
      floor.push(f.show);
      floorDue.push(f.due);
      raw.floors.push(f);
    };
    if (i % 4 === 1) addFloor(await floorOnce(delay));
    const r = await hoverOnce(b);
    if (i % 4 === 3) addFloor(await floorOnce(delay));
    bucket.side.push(r.readyPainted - r.lastMove - delay);
    raw.hovers.push({
      term: b.label,
      repeat: bucket === again,
      side: r.readyPainted - r.lastMove - delay,
      ...(r.timing ?? {}),
    });
    if (r.timing && typeof r.timing.showToPaintMs === 'number') {
      bucket.hook.push(r.timing.showToPaintMs);
      if (typeof r.timing.dueToPaintMs === 'number') due.push(r.timing.dueToPaintMs);
      prepared += r.timing.prepared ? 1 : 0;
      inFrame += r.timing.inFrame ? 1 : 0;
    }
  }
  ctx.off('page', closeOther);
  await page.close();
  // Every sample, for a closer look: ML_BENCH_HOVER_RAW=file.json node tests/bench/run.mjs --skip scan,node
  if (process.env.ML_BENCH_HOVER_RAW) fs.writeFileSync(process.env.ML_BENCH_HOVER_RAW, JSON.stringify(raw, null, 1));
  const hooked = first.hook.length === first.side.length && again.hook.length === again.side.length;
  const pick = (b) => (hooked ? b.hook : b.side);
  const all = [...pick(first), ...pick(again)];
  return {
    method: hooked ? 'hook-event' : hasDwell ? 'page-side' : 'page-side-no-dwell',
    samples: all.length,
    p95: p95(all),
    median: median(all),
    firstP95: p95(pick(first)),
    repeatP95: p95(pick(again)),
    pageSideP95: p95([...first.side, ...again.side]),
    pageSideMedian: median([...first.side, ...again.side]),
    dueP95: due.length ? p95(due) : null,
    dueMedian: due.length ? median(due) : null,
    floorP95: p95(floor),
    floorMedian: median(floor),
    floorSamples: floor.length,
    floorDueP95: p95(floorDue),
    floorDueMedian: median(floorDue),
    prepared,
    inFrame,
    delayMs: delay,
  };
}
