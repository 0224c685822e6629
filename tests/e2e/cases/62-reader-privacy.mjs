// The reader's only network request is the PDF the user asked for: pdf.js's worker, character maps and
// fonts come from the extension itself. The PDF used needs a packaged character map (cid.pdf: a CID font
// with a predefined CMap, lib/pdf.mjs), so a remote fallback would show here.
import assert from 'node:assert/strict';
import { readerUrl } from './60-reader-core.mjs';

/**
 * Every http(s) request the browser makes from now on, until stop(): Chromium, the context's requests
 * (its pages, their workers and our service worker); Firefox, every HTTP channel the browser opens
 * (observer in the browser window: pages, workers and the extension's background alike) but those of
 * Firefox itself.
 */
async function recordRequests(t) {
  if (t.name === 'chromium') {
    const urls = [];
    const on = (r) => urls.push(r.url());
    t.browser.ctx.on('request', on);
    return {
      urls: async () => urls.filter((u) => /^https?:/.test(u)),
      stop: async () => t.browser.ctx.off('request', on),
      all: async () => urls,
    };
  }
  // Firefox's own services (remote settings) also fetch now and then, under the system principal; a
  // request is ours when our add-on's principal triggered it (its pages, workers and background).
  await t.browser.chromeEval(`(() => {
    const seen = (globalThis.__mlHttp = []);
    globalThis.__mlHttpObserver = {
      observe(s) {
        const ch = s.QueryInterface(Ci.nsIChannel);
        const p = ch.loadInfo?.triggeringPrincipal;
        seen.push({ url: ch.URI.spec, addon: p?.addonId || null, system: !!p?.isSystemPrincipal });
      },
    };
    Services.obs.addObserver(globalThis.__mlHttpObserver, 'http-on-modify-request');
  })()`);
  const seen = async () => JSON.parse(await t.browser.chromeEval('JSON.stringify(globalThis.__mlHttp)'));
  return {
    urls: async () => {
      const all = await seen();
      const firefox = all.filter((r) => r.system && !r.url.startsWith(t.server.origin));
      if (firefox.length) t.log(`Firefox's own requests, not counted: ${[...new Set(firefox.map((r) => r.url))]}`);
      return all.filter((r) => !firefox.includes(r)).map((r) => r.url);
    },
    all: async () => (await seen()).map((r) => r.url),
    stop: () =>
      t.browser.chromeEval(`Services.obs.removeObserver(globalThis.__mlHttpObserver, 'http-on-modify-request')`),
  };
}

export default [
  {
    name: 'reader: privacy — opening a PDF by its address makes exactly one request, for that PDF',
    async run(t) {
      const pdf = t.server.url('/pdf/cid.pdf');
      const rec = await recordRequests(t);
      const before = t.server.requests.length;
      const page = await t.newPage();
      try {
        await page.setViewport(1200, 900);
        await page.goto(readerUrl(t, 'cid.pdf'));
        // Read through the packaged character map, and underlined like any other text layer.
        await page.waitFor(
          () => {
            for (const r of globalThis.CSS?.highlights?.get('migration-lens-term') ?? [])
              if (r.startContainer.data?.slice(r.startOffset, r.endOffset) === 'GFMD') return true;
            return false;
          },
          undefined,
          20000,
        );
        // Late requests (fonts, the next render) get a moment to show.
        await new Promise((r) => setTimeout(r, 1500));
        const served = t.server.requests.slice(before).map((r) => r.path + r.search);
        assert.deepEqual(served, ['/pdf/cid.pdf'], 'the test server saw the PDF and nothing else');
        const http = await rec.urls();
        assert.deepEqual(http, [pdf], `browser-wide http(s) requests: ${JSON.stringify(http)}`);
        // The underline above needed the text, and the text needed UniJIS-UCS2-H: with no request
        // leaving, it came from the extension. Where the browser lists extension loads, check the file.
        const ext = t.browser.extUrl('');
        const listed =
          t.name === 'chromium'
            ? await rec.all()
            : await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
        t.log(`extension files listed: ${listed.filter((u) => u.startsWith(ext)).length}`);
        if (listed.some((u) => u.startsWith(ext)))
          assert.ok(
            listed.includes(`${ext}pdfjs/cmaps/UniJIS-UCS2-H.bcmap`),
            `character map from the extension: ${listed.join(' ')}`,
          );
        else assert.equal(t.name, 'firefox', 'Chromium lists the extension files it loads');
      } finally {
        await rec.stop();
        await page.close();
      }
    },
  },
];
