// Chromium for the bench: the same binary and flags as tests/e2e/lib/browsers.mjs launchChromium (imported), with
// or without our built extension. Every request that is not for the local server or the extension is
// aborted (the saved pages reference remote assets; the machine is offline and waiting on them would add
// noise).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS } from '../../e2e/lib/browsers.mjs';
import { BROWSER_PATHS } from '../../e2e/lib/system-browsers.mjs';

const CHROMIUM = BROWSER_PATHS.chromium;

/**
 * @param {{ ext?: string, origin: string, origin2?: string | null, csp?: string }} o
 * `origin2`: a second local origin that is let through too (cross-origin iframes, tests/bench/lib/frames.mjs).
 * `csp`: response header added to every local HTML page (keeps page scripts quiet; our code is injected
 * through CDP init scripts / evaluate, which CSP does not govern).
 */
export async function launchBenchChromium({ ext, origin, origin2, csp }) {
  const { chromium } = await import('playwright-core');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ml-bench-'));
  const args = [
    ...CHROMIUM_ARGS,
    ...(ext ? [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`] : ['--disable-extensions']),
  ];
  const ctx = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: { width: 1200, height: 800 },
    args,
  });
  await ctx.route('**/*', async (route) => {
    const url = route.request().url();
    // Our own files: the content script imports card-ui.js from the extension on the first hover.
    if (url.startsWith('chrome-extension://')) return route.continue();
    if (!url.startsWith(origin + '/') && !(origin2 && url.startsWith(origin2 + '/'))) return route.abort();
    if (!csp || route.request().resourceType() !== 'document') return route.continue();
    const res = await route.fetch();
    return route.fulfill({ response: res, headers: { ...res.headers(), 'content-security-policy': csp } });
  });
  let extId = null;
  if (ext) {
    let [sw] = ctx.serviceWorkers();
    sw ??= await ctx.waitForEvent('serviceworker', { timeout: 20000 });
    extId = new URL(sw.url()).host;
  }
  return {
    ctx,
    extId,
    close: async () => {
      await ctx.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
