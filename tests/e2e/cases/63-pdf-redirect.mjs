/* global browser -- the WebExtension namespace inside our extension pages, where these callbacks run */
// Way in 4, end to end: with "Open PDF links in the reader" switched on (and the access it asks for
// granted), a top-level navigation to a .pdf address lands in the reader at the page its #page= names.
//
// Granting the access is the one step a test cannot do as a user would. Firefox: its prompt is turned
// off by a preference, which answers "Allow" (as 61-pdf-ways does). Chromium: its prompt cannot be
// answered under automation at all, so a second Chromium runs a copy of the build whose manifest lists
// the same origins under host_permissions, which Chromium grants at install; the options page's request
// then resolves at once, as it does for a user who already allowed them. Everything else, the switch,
// the rule the background installs and the navigation, is the product's own.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXT, launchChromium } from '../lib/browsers.mjs';
import { makePdf, pdfHtml, PDF_DIR } from '../lib/pdf-gen.mjs';

const ORIGINS = ['http://*/*', 'https://*/*'];

/** A copy of the Chromium build with the optional origins granted at install. */
function grantedBuild() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ml-granted-'));
  fs.cpSync(EXT.chromium, dir, { recursive: true });
  const file = path.join(dir, 'manifest.json');
  const m = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.deepEqual(m.optional_host_permissions, ORIGINS, 'the build asks for these origins');
  m.host_permissions = ORIGINS;
  fs.writeFileSync(file, JSON.stringify(m));
  return dir;
}

/**
 * Evaluates `expression` in the Firefox tab at `url` until it is true. The redirect moved that tab into
 * the extension's process and the automation's page object stayed behind, so this goes through
 * WebDriver BiDi by browsing context.
 */
async function firefoxWaitIn(b, url, expression, timeout = 20000) {
  const { connection } = b.browser;
  const end = Date.now() + timeout;
  let value;
  while (Date.now() < end) {
    const { result: tree } = await connection.send('browsingContext.getTree', {});
    const ctx = tree.contexts.find((c) => c.url === url);
    if (ctx) {
      const { result } = await connection.send('script.evaluate', {
        expression,
        target: { context: ctx.context },
        awaitPromise: false,
      });
      value = result.result?.value;
      if (value === true) return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${expression} not true in ${url}: ${value}`);
}

/** Switch the option on in the options page of `b`, navigate to the PDF, expect the reader on page 2. */
async function redirectFlow(t, b, pdfUrl, linkPage) {
  const options = await b.newPage();
  await options.goto(b.extUrl('options.html'));
  await options.waitFor(() => !!document.querySelector('[data-testid=ml-pdf-links]'));
  const toggle = async () => {
    const at = await options.evaluate(() => {
      const r = document.querySelector('[data-testid=ml-pdf-links]').getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    await options.click(at.x, at.y);
  };
  await toggle();
  await options.waitFor(() => document.querySelector('[data-testid=ml-save-status]')?.textContent === 'Saved.');
  await options.waitFor(async () => (await browser.declarativeNetRequest.getDynamicRules()).length === 2);

  const tab = await b.newPage();
  await tab.setViewport(1200, 900);
  // A link on a web page, clicked: how a reader meets a PDF.
  await tab.goto(linkPage);
  await tab.click(20, 20);
  const reader = `${b.extUrl('reader.html')}?file=${pdfUrl}#page=2`;
  const end = Date.now() + 15000;
  let urls = [];
  while (Date.now() < end && !(urls = await b.tabUrls()).includes(reader)) await new Promise((r) => setTimeout(r, 100));
  assert.ok(urls.includes(reader), `the navigation landed in the reader, #page kept; tabs: ${JSON.stringify(urls)}`);
  const checks = [
    () => document.querySelector('[data-testid=ml-reader-pages]')?.textContent === 'of 3',
    () => document.querySelector('[data-testid=ml-reader-page]')?.value === '2',
    () => /[?&]ml-native=1(#|$)/.test(document.querySelector('[data-testid=ml-reader-native]')?.href),
  ];
  for (const fn of checks)
    if (t.name === 'firefox') await firefoxWaitIn(b, reader, `(${fn})()`);
    else await tab.raw.waitForFunction(fn, undefined, { timeout: 20000 });
  // The reader's "own viewer" link is left alone by the rule: the browser opens the PDF itself.
  const nativeUrl = `${pdfUrl}?ml-native=1`;
  const other = await b.newPage();
  await other.goto(nativeUrl).catch(() => undefined);
  await new Promise((r) => setTimeout(r, 1500));
  const after = await b.tabUrls();
  assert.ok(after.includes(nativeUrl), `own viewer link stays out of the reader: ${JSON.stringify(after)}`);
  assert.equal(after.filter((u) => u === reader).length, 1, 'no second reader tab');

  await toggle();
  await options.waitFor(async () => (await browser.declarativeNetRequest.getDynamicRules()).length === 0);
  // Firefox granted them through the option (the Chromium copy has them from its manifest).
  if (t.name === 'firefox') await options.evaluate((origins) => browser.permissions.remove({ origins }), ORIGINS);
  t.log(`${t.name}: ${pdfUrl}#page=2 → reader at page 2`);
}

export default [
  {
    name: 'pdf ways: with "Open PDF links in the reader" on, a .pdf navigation lands in the reader at its page',
    async run(t) {
      await makePdf(t, 'ways-redirect.pdf', pdfHtml(3));
      const pdfUrl = t.server.url('/pdf/ways-redirect.pdf');
      fs.writeFileSync(
        path.join(PDF_DIR, 'ways-redirect.html'),
        '<!doctype html><title>Links</title><a style="position:fixed;inset:0" href="ways-redirect.pdf#page=2">Report</a>',
      );
      const linkPage = t.server.url('/pdf/ways-redirect.html');
      if (t.name === 'firefox') {
        await t.browser.chromeEval(`Services.prefs.setBoolPref('extensions.webextOptionalPermissionPrompts', false)`);
        try {
          await redirectFlow(t, t.browser, pdfUrl, linkPage);
        } finally {
          await t.browser.chromeEval(`Services.prefs.clearUserPref('extensions.webextOptionalPermissionPrompts')`);
        }
        return;
      }
      const dir = grantedBuild();
      const b = await launchChromium({ ext: dir });
      try {
        await redirectFlow(t, b, pdfUrl, linkPage);
      } finally {
        await b.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
