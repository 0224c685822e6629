/* global browser -- the WebExtension namespace inside our extension pages, where these callbacks run */
// Ways into the PDF reader, in both browsers: the popup's button on a PDF tab, the link menu item and
// the "Open PDF links in the reader" option. The PDFs are printed by the browser under test at run
// time (lib/pdf-gen.mjs). These cases check that the reader opens on the right address; the reader
// itself (rendering, scanning) has its own cases.
import assert from 'node:assert/strict';
import { makePdf, pdfHtml } from '../lib/pdf-gen.mjs';

const FIREFOX_ADDON_ID = 'migration-lens@migrationlens.org';

async function pdfTab(t, name) {
  await makePdf(t, name, pdfHtml(3));
  const page = await t.newPage();
  const url = t.server.url(`/pdf/${name}`);
  // The viewer documents load slowly under automation; the tab's address is what matters here.
  await page.goto(`${url}#page=2`).catch(() => undefined);
  return { page, url };
}

/**
 * Waits until some tab is at `url` (asked from an extension page: a tab whose page failed to load still
 * has the address it was sent to); fails with every tab's address otherwise.
 */
async function waitTab(t, url, timeout = 10000) {
  const end = Date.now() + timeout;
  let urls = [];
  const ext = await t.newPage();
  await ext.goto(t.browser.extUrl('options.html'));
  while (Date.now() < end) {
    const tabs = await ext.evaluate(async () =>
      (await browser.tabs.query({})).map((x) => ({ id: x.id, url: x.pendingUrl || x.url })),
    );
    urls = tabs.map((x) => x.url);
    const hit = tabs.find((x) => x.url === url);
    if (hit) return { id: hit.id, close: () => ext.evaluate((id) => browser.tabs.remove(id), hit.id) };
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`no tab shows ${url}; tabs: ${JSON.stringify(urls)}`);
}

/** Id of the tab whose address starts with `prefix`, as our extension pages see it. */
async function tabIdOf(extPage, prefix) {
  return extPage.evaluate(async (prefix) => {
    for (const t of await browser.tabs.query({})) {
      if (t.url?.startsWith(prefix)) return t.id;
      // Chromium runs our content script in its PDF viewer's page: it reports the address itself.
      const r = await browser.tabs.sendMessage(t.id, { type: 'pageTerms' }).catch(() => null);
      if (r?.url?.startsWith(prefix)) return t.id;
    }
    return null;
  }, prefix);
}

/**
 * Firefox: what a click on our toolbar button does for the tab (the activeTab grant), done from the
 * browser window because automation cannot click the toolbar. Firefox's pdf.js viewer runs no content
 * script, so this grant is how the popup learns the tab's address there.
 */
const grantActiveTab = (t, url) =>
  t.browser.chromeEval(`(() => {
    const tab = gBrowser.tabs.find((x) => x.linkedBrowser.currentURI.spec.startsWith(${JSON.stringify(url)}));
    WebExtensionPolicy.getByID(${JSON.stringify(FIREFOX_ADDON_ID)}).extension.tabManager.addActiveTabPermission(tab);
  })()`);

const readerAddress = (t, url, page) =>
  t.browser.extUrl(`reader.html?file=${encodeURIComponent(url)}${page ? `#page=${page}` : ''}`);

export default [
  {
    name: 'pdf ways: popup on a PDF tab opens the reader on it at its page',
    async run(t) {
      const { url } = await pdfTab(t, 'ways-popup.pdf');
      if (t.name === 'firefox') await grantActiveTab(t, url);
      const popup = await t.newPage();
      await popup.goto(t.browser.extUrl('options.html'));
      const id = await tabIdOf(popup, url);
      assert.ok(id !== null, 'the PDF tab is found');
      await popup.goto(t.browser.extUrl(`popup.html?tab=${id}`));
      await popup.waitFor(() => !!document.querySelector('[data-testid=ml-open-reader]'));
      const offer = await popup.evaluate(() => document.querySelector('[data-testid=ml-pdf]').textContent);
      assert.match(offer, /This tab shows a PDF/);
      const box = await popup.evaluate(() => {
        const b = document.querySelector('[data-testid=ml-open-reader]').getBoundingClientRect();
        return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      });
      await popup.click(box.x, box.y);
      // The same tab now shows the reader, at the page the PDF's address named.
      await waitTab(t, readerAddress(t, url, 2));
    },
  },
  {
    name: 'pdf ways: link menu item opens the reader next to the tab',
    async run(t) {
      await makePdf(t, 'ways-link.pdf', pdfHtml(2));
      const url = t.server.url('/pdf/ways-link.pdf');
      // Automation cannot click a native context menu: this calls the very function the menu's
      // onClicked listener calls, exposed on the background's global (as mlExplainSelection is).
      const opened =
        t.name === 'chromium'
          ? await (await t.browser.serviceWorker()).evaluate((u) => self.mlOpenPdfLink(u), `${url}#page=2`)
          : await (async () => {
              const page = await t.newPage();
              await page.goto(t.browser.extUrl('options.html'));
              return page.evaluate(
                async (u) => (await browser.runtime.getBackgroundPage()).mlOpenPdfLink(u),
                `${url}#page=2`,
              );
            })();
      assert.equal(opened, readerAddress(t, url, 2));
      await (await waitTab(t, readerAddress(t, url, 2))).close();
    },
  },
  {
    name: 'pdf ways: redirect option follows the switch and the access granted',
    async run(t) {
      const rules = (page) =>
        page.evaluate(async () =>
          (await browser.declarativeNetRequest.getDynamicRules()).map((r) => ({
            id: r.id,
            type: r.action.type,
            to: r.action.redirect?.regexSubstitution ?? null,
          })),
        );
      const options = await t.newPage();
      // Firefox: answer the access prompt with "Allow", as a user would (automation cannot click it).
      if (t.name === 'firefox')
        await t.browser.chromeEval(`Services.prefs.setBoolPref('extensions.webextOptionalPermissionPrompts', false)`);
      try {
        await options.goto(t.browser.extUrl('options.html'));
        await options.waitFor(() => !!document.querySelector('[data-testid=ml-pdf-links]'));
        assert.equal(await options.evaluate(() => document.querySelector('[data-testid=ml-pdf-links]').checked), false);
        assert.deepEqual(await rules(options), [], 'no rule while the option is off');
        // Measured before each click: the save status line above it changes the layout.
        const box = () =>
          options.evaluate(() => {
            const b = document.querySelector('[data-testid=ml-pdf-links]').getBoundingClientRect();
            return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
          });
        const toggle = async () => {
          const b = await box();
          await options.click(b.x, b.y);
        };
        await toggle();
        if (t.name === 'chromium') {
          // Chromium's access prompt cannot be answered under automation: until it is, nothing is saved
          // and no rule exists (the background installs it only with the access granted).
          await new Promise((r) => setTimeout(r, 1500));
          assert.equal(
            await options.evaluate(() => document.querySelector('[data-testid=ml-pdf-links]').checked),
            true,
          );
          assert.deepEqual(await rules(options), []);
          return;
        }
        await options
          .waitFor(() => document.querySelector('[data-testid=ml-save-status]')?.textContent === 'Saved.')
          .catch(async (e) => {
            const shown = await options.evaluate(() => document.querySelector('[data-testid=ml-settings]').innerText);
            throw new Error(`not saved after switching on: ${shown.slice(0, 600)}`, { cause: e });
          });
        const on = await rules(options);
        assert.deepEqual(
          on.map((r) => [r.id, r.type]),
          [
            [1001, 'redirect'],
            [1002, 'allow'],
          ],
        );
        assert.equal(on[0].to, `${t.browser.extUrl('reader.html')}?file=\\0`);
        await toggle();
        await options.waitFor(() => !document.querySelector('[data-testid=ml-pdf-links]').checked);
        await options.waitFor(async () => (await browser.declarativeNetRequest.getDynamicRules()).length === 0);
      } finally {
        if (t.name === 'firefox')
          await t.browser.chromeEval(`Services.prefs.clearUserPref('extensions.webextOptionalPermissionPrompts')`);
      }
    },
  },
];
