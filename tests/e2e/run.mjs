// E2E runner: launches each real browser once with the built extension, runs every case in
// tests/e2e/cases/*.mjs against a local server, prints one line per case and a closing count, and
// writes .output/e2e-results.json. Usage: node tests/e2e/run.mjs [--browser chromium|firefox] [--grep text]
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, ROOT } from './lib/server.mjs';
import { LAUNCHERS, EXT } from './lib/browsers.mjs';

const argv = process.argv.slice(2);
const opt = (k) => {
  const i = argv.indexOf(k);
  return i >= 0 ? argv[i + 1] : undefined;
};
const onlyBrowser = opt('--browser');
const grep = opt('--grep');
const CASE_TIMEOUT = Number(process.env.E2E_CASE_TIMEOUT ?? 60000);

const casesDir = path.join(ROOT, 'tests/e2e/cases');
const cases = [];
for (const f of fs
  .readdirSync(casesDir)
  .filter((f) => f.endsWith('.mjs'))
  .sort()) {
  const mod = await import(pathToFileURL(path.join(casesDir, f)).href);
  for (const c of mod.default) cases.push({ ...c, file: f });
}

const shotsDir = path.join(ROOT, '.output/screenshots');
fs.mkdirSync(shotsDir, { recursive: true });
const server = await startServer();
const results = [];
const t0 = Date.now();

function withTimeout(p, ms, what) {
  let timer;
  return Promise.race([
    p,
    new Promise((_, rej) => {
      timer = setTimeout(() => rej(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

for (const [name, launch] of Object.entries(LAUNCHERS)) {
  if (onlyBrowser && onlyBrowser !== name) continue;
  const mine = cases.filter((c) => (!c.browsers || c.browsers.includes(name)) && (!grep || c.name.includes(grep)));
  if (!mine.length) continue;
  if (!fs.existsSync(path.join(EXT[name], 'manifest.json'))) {
    console.error(`missing build ${EXT[name]}: run npm run build first`);
    for (const c of mine) results.push({ browser: name, name: c.name, ok: false, error: 'build missing', ms: 0 });
    continue;
  }
  let browser;
  try {
    browser = await withTimeout(launch(), 60000, `${name} launch`);
  } catch (e) {
    console.error(`✗ ${name}: could not launch: ${e.message}`);
    for (const c of mine)
      results.push({ browser: name, name: c.name, ok: false, error: `launch: ${e.message}`, ms: 0 });
    continue;
  }
  for (const c of mine) {
    const start = Date.now();
    const pages = [];
    const t = {
      browser,
      server,
      name,
      newPage: async () => {
        const p = await browser.newPage();
        pages.push(p);
        return p;
      },
      // Screenshots go to .output/screenshots; with README_SHOTS=1 the Chromium ones also refresh the
      // images the README shows (tests/e2e/screenshots/).
      shot: async (page, file) => {
        const out = path.join(shotsDir, `${name}-${file}.png`);
        await page.screenshot(out);
        if (process.env.README_SHOTS === '1' && name === 'chromium')
          fs.copyFileSync(out, path.join(ROOT, 'tests/e2e/screenshots', `${file}.png`));
      },
      log: (...a) => console.log(`    [${name}] ${c.name}:`, ...a),
    };
    try {
      await withTimeout(c.run(t), c.timeout ?? CASE_TIMEOUT, c.name);
      results.push({ browser: name, name: c.name, ok: true, ms: Date.now() - start });
      console.log(`✓ ${name} › ${c.name} (${Date.now() - start} ms)`);
    } catch (e) {
      results.push({ browser: name, name: c.name, ok: false, error: String(e?.stack ?? e), ms: Date.now() - start });
      console.log(
        `✗ ${name} › ${c.name}\n${String(e?.stack ?? e)
          .split('\n')
          .slice(0, 6)
          .map((l) => '    ' + l)
          .join('\n')}`,
      );
    } finally {
      for (const p of pages) await p.close().catch(() => {});
    }
  }
  await withTimeout(browser.close(), 20000, `${name} close`).catch((e) => console.error(e.message));
}
await server.close();

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
fs.mkdirSync(path.join(ROOT, '.output'), { recursive: true });
fs.writeFileSync(
  path.join(ROOT, '.output/e2e-results.json'),
  JSON.stringify({ passed, failed, seconds: (Date.now() - t0) / 1000, results }, null, 2),
);
console.log(`E2E: ${passed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
process.exitCode = failed ? 1 : 0;
// Browsers sometimes leave handles open; do not hang CI.
setTimeout(() => process.exit(process.exitCode), 2000).unref();
