// An extension reload (or update) while a page is open. Chromium does not inject the new content script
// into tabs that are already open, and the old one keeps running, cut off from the extension: it must go
// quiet at its next event (no card saying the background is unreachable, no errors, our highlights and
// host gone), and the page gets the new script, underlines and cards again on its next load.
// Chromium only: the launcher can reload the extension there (Firefox's background is not scriptable
// over BiDi).
import assert from 'node:assert/strict';
import { hover, waitPopover, HOST } from '../lib/helpers.mjs';

const PAGE = '/fixtures/card-basic.html';
const TERM = 'migration-lens-term';

/** Our content script's world in the page (CDP), to read what it sees of the extension. */
async function isolatedWorlds(cdp, contexts) {
  await cdp.send('Runtime.enable'); // reports every existing execution context
  await new Promise((r) => setTimeout(r, 200));
  return contexts.filter((c) => c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://'));
}

async function runtimeIdIn(cdp, contextId) {
  const { result } = await cdp.send('Runtime.evaluate', {
    expression: 'globalThis.chrome?.runtime?.id ?? null',
    contextId,
    returnByValue: true,
  });
  return result.value;
}

export default [
  {
    name: 'extension reload: the orphaned content script goes quiet; the reloaded page gets cards again',
    browsers: ['chromium'],
    timeout: 90000,
    async run(t) {
      const page = await t.newPage();
      const url = t.server.url(PAGE);
      await page.goto(url);
      await page.waitFor((name) => globalThis.CSS?.highlights?.get(name)?.size >= 5, TERM);
      await hover(page, 'GFMD');
      await waitPopover(page, 'Global Forum');

      const cdp = await t.browser.ctx.newCDPSession(page.raw);
      const contexts = [];
      const problems = [];
      cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
      cdp.on('Runtime.exceptionThrown', (e) =>
        problems.push(`exception: ${e.exceptionDetails.exception?.description ?? e.exceptionDetails.text}`),
      );
      cdp.on('Runtime.consoleAPICalled', (e) => {
        if (e.type === 'error' || e.type === 'warning')
          problems.push(`console.${e.type}: ${e.args.map((a) => a.value ?? a.description).join(' ')}`);
      });
      const [world] = await isolatedWorlds(cdp, contexts);
      assert.ok(world, `no content script world among ${JSON.stringify(contexts.map((c) => c.auxData))}`);
      assert.equal(await runtimeIdIn(cdp, world.id), t.browser.extId);

      await t.browser.reloadExtension();
      // This is how the old script can tell (WXT's ctx.isValid reads it): runtime.id is gone.
      const t0 = Date.now();
      let id = t.browser.extId;
      while (id !== null && Date.now() - t0 < 10000) {
        await new Promise((r) => setTimeout(r, 100));
        id = await runtimeIdIn(cdp, world.id);
      }
      assert.equal(id, null, 'runtime.id is still set in the old content script after the reload');

      // The old script meets the pointer: it shows nothing and takes its host and underlines away.
      await hover(page, 'GFMD');
      await new Promise((r) => setTimeout(r, 1500)); // past the dwell and the hover delay
      const after = await page.evaluate(
        ({ HOST, TERM }) => ({
          host: !!document.querySelector(HOST),
          text: document.querySelector(HOST)?.shadowRoot?.textContent ?? null,
          underlined: globalThis.CSS.highlights.has(TERM),
          errors: window.__mlErrors,
        }),
        { HOST, TERM },
      );
      assert.deepEqual(after, { host: false, text: null, underlined: false, errors: [] });
      await page.press('Escape');
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual(problems, [], 'errors or warnings in the page after the reload');

      // A new load of the page runs the reloaded extension's script.
      await page.goto(url);
      await page.waitFor((name) => globalThis.CSS?.highlights?.get(name)?.size >= 5, TERM, 15000);
      await hover(page, 'GFMD');
      const text = await waitPopover(page, 'Global Forum', 15000);
      assert.doesNotMatch(text, /can't reach/);
      await cdp.detach();
    },
  },
];
