// One helper per browser that launches it with the built extension loaded, and a small page adapter so
// test cases are written once for both (Playwright and Puppeteer differ in argument order).
//
// Each launcher also offers the few browser-level actions that differ per browser, so cases stay
// browser-neutral:
//   extUrl(path)              URL of one of our extension pages (page.goto() opens it in a tab)
//   extEval(fn, arg)          run fn in an extension context (storage, runtime messages)
//   explainSelectionCommand() the "explain-selection" command (Alt+Shift+E) for the active tab
//   command(name)             any manifest command for the active tab ("next-term", "previous-term"…)
//   tabUrls() / closeTabs(url) every tab's URL, e.g. to see a tab the extension opened itself
//   stopBackground(page)      stop the extension's background as the browser does when it is idle
//   reloadExtension()         (Chromium) reload the extension as an update does; open tabs keep the old
//                             content script
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './server.mjs';
import { BROWSER_PATHS } from './system-browsers.mjs';

export const EXT = {
  chromium: path.join(ROOT, '.output/chrome-mv3'),
  firefox: path.join(ROOT, '.output/firefox-mv3'),
};
// Firefox gives each add-on a random moz-extension:// UUID per profile; pinning it through this pref
// lets tests open our extension pages directly.
export const FIREFOX_ADDON_ID = 'migration-lens@migrationlens.org';
export const FIREFOX_UUID = '6f1c2a3e-8d7b-4c1a-9e5f-0a1b2c3d4e5f';
const CHROMIUM = BROWSER_PATHS.chromium;
/**
 * Headless Chromium on a machine without network: no GPU, no QUIC, and none of the background
 * connections (sync, component updates) that would be refused and retried. Shared with the bench.
 */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const FIREFOX = BROWSER_PATHS.firefox;

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
    setInputFiles: (sel, file) => page.locator(sel).setInputFiles(file),
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

function wrapPuppeteer(page, connection) {
  return {
    raw: page,
    // Firefox's remote agent hides extension documents from its browsing-context events (bug 1755014),
    // so Puppeteer's goto() never sees a moz-extension:// page load. browsingContext.navigate with
    // wait: 'complete' is tracked by the parent process and does return once the page has loaded;
    // script evaluation and input then work in that page as in any other. (mainFrame()._id is
    // Puppeteer's id of the tab's BiDi browsing context.)
    goto: (url) =>
      url.startsWith('moz-extension:')
        ? connection.send('browsingContext.navigate', { context: page.mainFrame()._id, url, wait: 'complete' })
        : page.goto(url, { waitUntil: 'load' }),
    setInputFiles: async (sel, file) => {
      const h = await page.$(sel);
      await h.uploadFile(file);
      await h.dispose();
    },
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    waitFor: (fn, arg, timeout = 10000) => page.waitForFunction(fn, { timeout, polling: 50 }, arg),
    move: (x, y, steps = 4) => page.mouse.move(x, y, { steps }),
    click: (x, y) => page.mouse.click(x, y),
    // Playwright-style chords ("Shift+N", "Alt+Period"): hold the modifiers around the last key.
    press: async (chord) => {
      const keys = chord.length > 1 ? chord.split('+') : [chord];
      const key = keys.pop();
      for (const m of keys) await page.keyboard.down(m);
      await page.keyboard.press(key);
      for (const m of keys.reverse()) await page.keyboard.up(m);
    },
    type: (text) => page.keyboard.type(text),
    screenshot: (file) => page.screenshot({ path: file }),
    setViewport: (w, h) => page.setViewport({ width: w, height: h }),
    close: () => page.close(),
  };
}

/**
 * `lang`: the browser's interface language ("fr"), which extensions see as their UI language. Chromium
 * on Linux takes it from the environment (LANGUAGE); --lang is the switch on the other systems.
 */
export async function launchChromium({ ext = EXT.chromium, lang } = {}) {
  const { chromium } = await import('playwright-core');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ml-chromium-'));
  const ctx = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: { width: 1200, height: 800 },
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      ...(lang ? [`--lang=${lang}`] : []),
    ],
    ...(lang ? { env: { ...process.env, LANGUAGE: lang, LANG: `${lang}_FR.UTF-8` } } : {}),
  });
  await ctx.addInitScript(DOM_WATCH_SCRIPT);
  let [sw] = ctx.serviceWorkers();
  sw ??= await ctx.waitForEvent('serviceworker', { timeout: 20000 });
  const extId = new URL(sw.url()).host;
  const serviceWorker = async () => ctx.serviceWorkers()[0] ?? ctx.waitForEvent('serviceworker', { timeout: 20000 });
  return {
    name: 'chromium',
    extId,
    extUrl: (p) => `chrome-extension://${extId}/${p}`,
    ctx,
    serviceWorker,
    extEval: async (fn, arg) => (await serviceWorker()).evaluate(fn, arg),
    // Chromium does not route synthetic key presses to extension shortcuts under automation, so this
    // calls the very function the commands.onCommand listener calls (exposed on the worker's global).
    explainSelectionCommand: async () => (await serviceWorker()).evaluate(() => self.mlExplainSelection()),
    command: async (name) => (await serviceWorker()).evaluate((n) => self.mlCommand(n), name),
    tabUrls: async () => ctx.pages().map((p) => p.url()),
    closeTabs: async (url) => {
      for (const p of ctx.pages()) if (p.url() === url) await p.close();
    },
    // Stop every service worker through the DevTools protocol, as Chrome does when it is idle.
    stopBackground: async (page) => {
      const cdp = await ctx.newCDPSession(page.raw);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
    },
    // chrome.runtime.reload() in the worker, resolved once the reloaded extension's worker runs. Chromium
    // keeps an unpacked extension given on the command line after a reload only in developer mode
    // (otherwise it disables it as an "unsupported developer extension"), so that is switched on first.
    reloadExtension: async () => {
      const page = await ctx.newPage();
      try {
        await page.goto('chrome://extensions');
        await page.evaluate(
          () =>
            new Promise((resolve) =>
              globalThis.chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }, resolve),
            ),
        );
      } finally {
        await page.close();
      }
      const next = ctx.waitForEvent('serviceworker', { timeout: 20000 });
      // After this evaluation has answered: the worker goes away with the old extension.
      await (await serviceWorker()).evaluate(() => void setTimeout(() => globalThis.chrome.runtime.reload(), 50));
      await next;
    },
    newPage: async () => wrapPlaywright(await ctx.newPage()),
    close: async () => {
      await ctx.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** `lang`: the interface language Firefox is asked for (intl.locale.requested). */
export async function launchFirefox({ ext = EXT.firefox, lang } = {}) {
  const puppeteer = (await import('puppeteer-core')).default;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    // Without this flag Firefox's WebDriver BiDi refuses to navigate to moz-extension:// pages
    // ("Navigation to ... is not allowed in this context"). It widens what the test client may do (it
    // can also script the browser window, used below for tabs and the shortcut); the extension and
    // its pages run exactly as they would for a user.
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1200, height: 800 },
    extraPrefsFirefox: {
      // Keep Firefox off the network entirely.
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'extensions.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_UUID }),
      ...(lang ? { 'intl.locale.requested': lang } : {}),
    },
  });
  const { connection } = browser;
  const extUrl = (p) => `moz-extension://${FIREFOX_UUID}/${p}`;
  /** Evaluate an expression in the browser window (chrome scope; needs --remote-allow-system-access). */
  const chromeEval = async (expression) => {
    const { result: tree } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
    const { result } = await connection.send('script.evaluate', {
      expression,
      target: { context: tree.contexts[0].context },
      awaitPromise: true,
    });
    if (result.type === 'exception') throw new Error(`chrome-scope script: ${result.exceptionDetails.text}`);
    return result.result.value;
  };
  // Firefox grants a requested locale only if it has it (a language pack); this build ships en-US
  // alone. Declaring the language available, as Firefox's own locale tests do, makes it the app locale,
  // which extensions see as their UI language; set before the extension starts, which reads it then.
  if (lang)
    await chromeEval(`(() => {
      Services.locale.availableLocales = [...new Set([...Services.locale.availableLocales, ${JSON.stringify(lang)}])];
      Services.locale.requestedLocales = [${JSON.stringify(lang)}];
      return Services.locale.appLocaleAsBCP47;
    })()`);
  const id = await browser.installExtension(ext);
  const newPage = async () => {
    const page = await browser.newPage();
    await page.evaluateOnNewDocument(DOM_WATCH_SCRIPT);
    return wrapPuppeteer(page, connection);
  };
  return {
    name: 'firefox',
    extId: id,
    extUrl,
    browser,
    chromeEval,
    // Firefox's extension background cannot be scripted over BiDi; an extension page of ours has the
    // same APIs (storage, runtime), so fn runs in a short-lived one.
    extEval: async (fn, arg) => {
      const page = await newPage();
      try {
        await page.goto(extUrl('options.html'));
        return await page.evaluate(fn, arg);
      } finally {
        await page.close();
      }
    },
    // The real shortcut: a trusted Alt+Shift+E key event in the browser window, with the same
    // EventUtils Firefox's own tests use for extension commands. It goes through Firefox's shortcut
    // handling to commands.onCommand in our background. Focus is in the address bar while it is
    // pressed: with the page focused, the key reaches the page but the synthesized event is not
    // handed back to the browser's shortcut keys (no keypress reply; Ctrl+L by the same route is).
    // The active tab's selection is unaffected, and focus goes back to the page afterwards.
    explainSelectionCommand: () =>
      chromeEval(`(() => {
      const eu = { window, parent: window, _EU_Ci: Ci, _EU_Cc: Cc };
      Services.scriptloader.loadSubScript('chrome://remote/content/external/EventUtils.js', eu);
      gURLBar.focus();
      eu.synthesizeKey('E', { altKey: true, shiftKey: true }, window);
      gBrowser.selectedBrowser.focus();
    })()`),
    // What about:debugging's "Terminate background script" does: the event page is stopped the way
    // Firefox stops it after its idle timeout; the next event or message starts it again.
    // The real shortcut of a command, by the same route as explainSelectionCommand: the suggested key
    // of the manifest (a fresh profile has nothing rebound).
    command: (name) => {
      const keyOf = { 'explain-selection': 'E', 'next-term': 'N', 'previous-term': 'P' };
      return chromeEval(`(() => {
      const eu = { window, parent: window, _EU_Ci: Ci, _EU_Cc: Cc };
      Services.scriptloader.loadSubScript('chrome://remote/content/external/EventUtils.js', eu);
      gURLBar.focus();
      eu.synthesizeKey(${JSON.stringify(keyOf[name])}, { altKey: true, shiftKey: true }, window);
      gBrowser.selectedBrowser.focus();
    })()`);
    },
    stopBackground: async () => {
      const state = await chromeEval(`(async () => {
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        await ExtensionParent.DebugUtils.terminateBackgroundScript(${JSON.stringify(FIREFOX_ADDON_ID)});
        return String(WebExtensionPolicy.getByID(${JSON.stringify(FIREFOX_ADDON_ID)}).extension.backgroundState);
      })()`);
      if (state !== 'stopped') throw new Error(`background not stopped: ${state}`);
    },
    tabUrls: async () =>
      JSON.parse(await chromeEval('JSON.stringify(gBrowser.tabs.map((t) => t.linkedBrowser.currentURI.spec))')),
    closeTabs: (url) =>
      chromeEval(
        `for (const t of gBrowser.tabs.filter((t) => t.linkedBrowser.currentURI.spec === ${JSON.stringify(url)})) gBrowser.removeTab(t)`,
      ),
    newPage,
    close: () => browser.close(),
  };
}

export const LAUNCHERS = { chromium: launchChromium, firefox: launchFirefox };
