// The card UI is a second bundle (card-ui.js, lib/content/card-ui.ts) loaded on first use: a page that
// is only read, not hovered, runs content.js alone; the first hover loads the bundle once and shows
// the card, on a plain page and under a strict CSP (default-src 'none'). Both browsers.
//
// What loaded is seen two ways. Both browsers: the `migration-lens:card-ui` event, sent on pages that
// opt in with <html data-ml-bench> (lib/content/timing.ts), as the bench does. Chromium also: the
// DevTools protocol's Debugger.scriptParsed, which lists every script the tab parses, content-script
// worlds included, so it shows content.js, and card-ui.js only once it is really loaded.
import assert from 'node:assert/strict';
import { hover, waitPopover } from '../lib/helpers.mjs';
import { waitScan } from '../lib/robustness.mjs';

// Runs before the page's own scripts: records the events, and opts the page in at DOMContentLoaded
// (before the content script starts at document_idle).
const RECORDER = `(() => {
  window.__mlUi = [];
  document.addEventListener('migration-lens:card-ui', (e) => window.__mlUi.push(e.detail));
  const optIn = () => document.documentElement.setAttribute('data-ml-bench', '');
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', optIn, { once: true });
  else optIn();
})()`;

async function openRecorded(t, path) {
  const page = await t.newPage();
  if (t.name === 'chromium') await page.raw.addInitScript({ content: RECORDER });
  else await page.raw.evaluateOnNewDocument(RECORDER);
  let parsed = null;
  if (t.name === 'chromium') {
    parsed = [];
    const cdp = await t.browser.ctx.newCDPSession(page.raw);
    cdp.on('Debugger.scriptParsed', (e) => parsed.push(e.url));
    await cdp.send('Debugger.enable');
  }
  await page.goto(t.server.url(path));
  return { page, parsed };
}

const ours = (parsed, file) => (parsed ?? []).filter((u) => u.startsWith('chrome-extension:') && u.endsWith(file));

function lazyCase(what, path, first, second) {
  return {
    name: `card lazy: ${what}: only content.js before a hover; the first hover loads the card UI once`,
    async run(t) {
      const { page, parsed } = await openRecorded(t, path);
      const scan = await waitScan(page);
      assert.ok(scan.registered, 'page not underlined');
      // Time for anything the content script might load on its own after the scan.
      await new Promise((r) => setTimeout(r, 700));
      assert.deepEqual(await page.evaluate(() => window.__mlUi), [], 'card UI loaded before any hover');
      if (parsed) {
        assert.ok(ours(parsed, '/content-scripts/content.js').length > 0, `content.js not seen: ${parsed.join(' ')}`);
        assert.deepEqual(ours(parsed, '/card-ui.js'), [], 'card-ui.js parsed before any hover');
      }
      await hover(page, first);
      await waitPopover(page, first);
      const loads = await page.evaluate(() => window.__mlUi);
      assert.equal(loads.length, 1, `card UI loads: ${JSON.stringify(loads)}`);
      assert.ok(loads[0].loadMs >= 0 && loads[0].loadMs < 5000, `load time: ${loads[0].loadMs}`);
      t.log?.(`${t.name} ${what}: card UI loaded in ${loads[0].loadMs.toFixed(1)} ms`);
      if (parsed) assert.equal(ours(parsed, '/card-ui.js').length, 1, 'card-ui.js not parsed exactly once');
      if (parsed) {
        // use_dynamic_url (wxt.config.ts): the page cannot load the bundle by the extension's fixed
        // address, which would tell it the extension is installed; reader.html, listed without it, it can.
        const probe = (u) =>
          page.evaluate(
            (u) =>
              fetch(u).then(
                (r) => r.status,
                () => 'refused',
              ),
            u,
          );
        assert.equal(await probe(t.browser.extUrl('reader.html')), 200, 'probe: reader.html should load');
        assert.equal(await probe(t.browser.extUrl('card-ui.js')), 'refused', 'the page can load card-ui.js');
      }
      // A second term: the same module, no second load.
      await page.move(4, 4, 2);
      await hover(page, second);
      await waitPopover(page, second);
      assert.equal((await page.evaluate(() => window.__mlUi)).length, 1, 'card UI loaded twice');
      if (parsed) assert.equal(ours(parsed, '/card-ui.js').length, 1, 'card-ui.js parsed twice');
    },
  };
}

export default [
  lazyCase('plain page', '/fixtures/card-basic.html', 'UNHCR', 'GFMD'),
  lazyCase('strict CSP page', '/fixtures/csp.html', 'IOM', 'GFMD'),
];
