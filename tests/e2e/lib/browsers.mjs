// One helper per browser that launches it with the built extension loaded, and a small page adapter so
// test cases are written once for both (Playwright and Puppeteer differ in argument order).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './server.mjs';

export const EXT = {
  chromium: path.join(ROOT, '.output/chrome-mv3'),
  firefox: path.join(ROOT, '.output/firefox-mv3'),
};
// Firefox gives each add-on a random moz-extension:// UUID per profile; pinning it through this pref
// lets tests open our extension pages directly.
export const FIREFOX_ADDON_ID = 'migration-lens@migrationlens.org';
export const FIREFOX_UUID = '6f1c2a3e-8d7b-4c1a-9e5f-0a1b2c3d4e5f';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Records everything a page needs to prove we did not touch it, before any page script runs. */
export const DOM_WATCH_SCRIPT = `(() => {
  const HOST = 'MIGRATION-LENS-HOST';
  const ours = (n) => { for (; n; n = n.parentNode || n.host) if (n.nodeName === HOST) return true; return false; };
  window.__mlMutations = [];
  window.__mlErrors = [];
  addEventListener('error', (e) => window.__mlErrors.push(String(e.message) + ' @ ' + (e.filename || '')));
  addEventListener('unhandledrejection', (e) => window.__mlErrors.push('unhandled: ' + String(e.reason && (e.reason.stack || e.reason))));
  const start = () => {
    if (window.__mlObserver) return;
    window.__mlObserver = new MutationObserver((list) => {
      for (const m of list) {
        if (ours(m.target)) continue;
        const added = [...m.addedNodes].filter((n) => !ours(n));
        const removed = [...m.removedNodes].filter((n) => n.nodeName !== HOST);
        if (m.type === 'childList' && !added.length && !removed.length) continue;
        window.__mlMutations.push({ type: m.type, target: m.target.nodeName, attr: m.attributeName, added: added.map((n) => n.nodeName), removed: removed.map((n) => n.nodeName) });
      }
    });
    window.__mlObserver.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true }); else start();
})();`;

function wrapPlaywright(page) {
  return {
    raw: page,
    goto: (url) => page.goto(url, { waitUntil: 'load' }),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    waitFor: (fn, arg, timeout = 10000) => page.waitForFunction(fn, arg, { timeout, polling: 50 }),
    move: (x, y, steps = 4) => page.mouse.move(x, y, { steps }),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    screenshot: (file) => page.screenshot({ path: file }),
    setViewport: (w, h) => page.setViewportSize({ width: w, height: h }),
    close: () => page.close(),
  };
}

function wrapPuppeteer(page) {
  return {
    raw: page,
    goto: (url) => page.goto(url, { waitUntil: 'load' }),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    waitFor: (fn, arg, timeout = 10000) => page.waitForFunction(fn, { timeout, polling: 50 }, arg),
    move: (x, y, steps = 4) => page.mouse.move(x, y, { steps }),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    screenshot: (file) => page.screenshot({ path: file }),
    setViewport: (w, h) => page.setViewport({ width: w, height: h }),
    close: () => page.close(),
  };
}

export async function launchChromium({ ext = EXT.chromium } = {}) {
  const { chromium } = await import('playwright-core');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ml-chromium-'));
  const ctx = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: { width: 1200, height: 800 },
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
  });
  await ctx.addInitScript(DOM_WATCH_SCRIPT);
  let [sw] = ctx.serviceWorkers();
  sw ??= await ctx.waitForEvent('serviceworker', { timeout: 20000 });
  const extId = new URL(sw.url()).host;
  return {
    name: 'chromium',
    extId,
    extUrl: (p) => `chrome-extension://${extId}/${p}`,
    ctx,
    serviceWorker: () => ctx.serviceWorkers()[0] ?? ctx.waitForEvent('serviceworker', { timeout: 20000 }),
    newPage: async () => wrapPlaywright(await ctx.newPage()),
    close: async () => { await ctx.close(); fs.rmSync(userDataDir, { recursive: true, force: true }); },
  };
}

export async function launchFirefox({ ext = EXT.firefox } = {}) {
  const puppeteer = (await import('puppeteer-core')).default;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    defaultViewport: { width: 1200, height: 800 },
    extraPrefsFirefox: {
      // Keep Firefox off the network entirely.
      'app.update.enabled': false, 'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false, 'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false, 'extensions.update.enabled': false,
      'network.captive-portal-service.enabled': false, 'network.connectivity-service.enabled': false,
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_UUID }),
    },
  });
  const id = await browser.installExtension(ext);
  return {
    name: 'firefox',
    extId: id,
    extUrl: (p) => `moz-extension://${FIREFOX_UUID}/${p}`,
    browser,
    newPage: async () => {
      const page = await browser.newPage();
      await page.evaluateOnNewDocument(DOM_WATCH_SCRIPT);
      return wrapPuppeteer(page);
    },
    close: () => browser.close(),
  };
}

export const LAUNCHERS = { chromium: launchChromium, firefox: launchFirefox };
