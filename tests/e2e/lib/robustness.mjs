// Robustness suite plumbing (cases 50-59): per-page watchers that attribute errors and network requests
// to our extension, a DOM snapshot taken at DOMContentLoaded, a "scan finished" wait, and one
// module-level accumulator across both browsers that the last case writes to .output/robustness.json.
//
// Attribution rules (why they are sound):
// - Readability pages are served with `script-src 'none'` (?noscript=1), so no page script runs. Any
//   JavaScript exception on such a page can only come from our content script (or the harness's own
//   init scripts, which do not throw). CSP violation notices are the browser's, not ours, and skipped.
// - Anywhere else an error is ours when its stack/location names our own extension origin.
// - Requests: one our 127.0.0.x server does not serve (and not data:/blob:/extension URLs) is ours when
//   the page's HTML source does not name it: fixtures name nothing remote, and readability pages run no
//   script, so they can only load what their markup references (absolute, by path, or by file name
//   under a remote <base href>). Chromium adds CDP initiators (a stack in our extension is ours even for
//   a URL the page names) and the extension service worker's requests (Playwright context events).
//   Firefox (puppeteer BiDi) reports every initiator as "other" and does not show background-script
//   requests; the Chromium service-worker check covers the same background code.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './server.mjs';
import { HOST, waitNoPopover } from './helpers.mjs';

export const HIGHLIGHT = 'migration-lens-term';

const blank = () => ({
  pages: 0,
  firefox_pages: 0,
  chromium_pages: 0,
  page_errors: 0,
  dom_mutations: 0,
  network_requests: 0,
  scan_unfinished: 0,
  fixtures: 0,
  fixture_failures: 0,
  details: {
    page_errors: [],
    dom_mutations: [],
    network_requests: [],
    scan_unfinished: [],
    fixture_failures: [],
    pages: [],
  },
});
/** Shared across every 5x case of one runner process (chromium cases run first, then firefox). */
export const acc = blank();

export function record(kind, item) {
  acc[kind] += 1;
  acc.details[kind].push(item);
}

/** Writes .output/robustness.json and returns the summary (details trimmed to keep the file readable). */
export function writeReport() {
  const out = { ...acc, written: new Date().toISOString() };
  fs.mkdirSync(path.join(ROOT, '.output'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, '.output/robustness.json'), JSON.stringify(out, null, 2));
  const { details, ...counts } = out;
  return counts;
}

export const FAIL_KEYS = ['page_errors', 'dom_mutations', 'network_requests', 'scan_unfinished', 'fixture_failures'];

// ---- DOM snapshot ----

/** Serialises the document (elements, sorted attributes, text, comments), skipping our host element. */
export function serializeDom() {
  const out = [];
  const walk = document.createTreeWalker(document, NodeFilter.SHOW_ALL, {
    acceptNode: (n) => (n.nodeName === 'MIGRATION-LENS-HOST' ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    let depth = 0;
    for (let p = n.parentNode; p; p = p.parentNode) depth++;
    if (n.nodeType === 1)
      out.push(
        depth +
          '<' +
          n.nodeName +
          [...n.attributes]
            .map((a) => ' ' + a.name + '=' + a.value)
            .sort()
            .join('') +
          '>',
      );
    else if (n.nodeType === 3) out.push(depth + '#' + n.data);
    else if (n.nodeType === 8) out.push(depth + '!' + n.data);
  }
  return out;
}

const SNAPSHOT_INIT = `(() => {
  const ser = ${serializeDom.toString()};
  const take = () => { window.__mlSnap = ser(); };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', take, { once: true }); else take();
})();`;

/** Install the DOMContentLoaded snapshot on a fresh page (before goto). */
export async function installSnapshot(page) {
  const raw = page.raw;
  if (raw.addInitScript) await raw.addInitScript(SNAPSHOT_INIT);
  else await raw.evaluateOnNewDocument(SNAPSHOT_INIT);
}

/** First difference between the DOMContentLoaded snapshot and now (host excluded), or null. */
export function domDiff(page) {
  return page.evaluate(`(() => {
    const before = window.__mlSnap;
    if (!before) return 'no snapshot taken at DOMContentLoaded';
    const now = (${serializeDom.toString()})();
    const n = Math.max(before.length, now.length);
    for (let i = 0; i < n; i++) if (before[i] !== now[i]) return 'item ' + i + ': ' + JSON.stringify(String(before[i]).slice(0, 120)) + ' -> ' + JSON.stringify(String(now[i]).slice(0, 120));
    return null;
  })()`);
}

// ---- watchers ----

const allowedUrl = (u, origins) =>
  /^(data|blob|chrome-extension|moz-extension|about|chrome):/.test(u) || origins.some((o) => u.startsWith(o + '/'));

/**
 * Start recording errors and requests of one page. `noscript`: the page runs no script of its own.
 * `source`: its HTML text (Firefox request attribution). Returns { errors, requests, stop() }.
 */
export async function watch(t, page, { noscript = false, source = '' } = {}) {
  const raw = page.raw;
  const origins = [t.server.origin, t.server.origin2].filter(Boolean);
  // Our own extension origin, not any extension scheme: saved pages reference other people's
  // extensions (wikipedia-4 links chrome-extension://hokific…/fonts.css), and those failures are not ours.
  const ours = t.browser.extUrl('');
  const isOurs = (s) => String(s ?? '').includes(ours);
  const w = { errors: [], requests: [], off: [] };
  const on = (em, ev, fn) => {
    em.on(ev, fn);
    w.off.push(() => em.off(ev, fn));
  };
  on(raw, 'pageerror', (e) => {
    const text = String(e?.message ?? e);
    const stack = String(e?.stack ?? '');
    // Firefox reports the browser's own CSP and CORS notices (e.g. a saved page's web font on another
    // origin) as page errors; they are not exceptions, and a request of ours is caught by the request
    // watcher anyway.
    if (/^(Error: )?(Content-Security-Policy:|Cross-Origin Request Blocked:)/.test(text)) return;
    if (isOurs(stack) || isOurs(text) || noscript)
      w.errors.push({ kind: 'pageerror', text: text.slice(0, 300), stack: stack.slice(0, 500) });
  });
  on(raw, 'console', (m) => {
    if (m.type() !== 'error') return;
    const loc = m.location?.() ?? {};
    if (isOurs(loc.url))
      w.errors.push({ kind: 'console.error', text: m.text().slice(0, 300), at: `${loc.url}:${loc.lineNumber}` });
  });
  // Both browsers: a request the page markup does not name is ours (fixtures name nothing remote, and
  // readability pages run no script, so they can only load what their HTML references).
  const src = decodeEntities(source);
  on(raw, 'request', (r) => {
    const u = r.url();
    if (!allowedUrl(u, origins) && !referenced(u, src))
      w.requests.push({ url: u.slice(0, 200), initiator: 'not referenced by the page source' });
  });
  if (t.browser.name === 'chromium') {
    // Chromium also names the initiator: one whose stack is in our extension is ours even if the page
    // references the same URL.
    const cdp = await t.browser.ctx.newCDPSession(raw);
    await cdp.send('Network.enable');
    const fn = (e) => {
      const frames = (e.initiator?.stack?.callFrames ?? []).map((f) => f.url);
      const by = [e.initiator?.url ?? '', ...frames].find(isOurs);
      if (by && !allowedUrl(e.request.url, origins) && referenced(e.request.url, src))
        w.requests.push({ url: e.request.url.slice(0, 200), initiator: by });
    };
    cdp.on('Network.requestWillBeSent', fn);
    w.off.push(() => cdp.detach().catch(() => {}));
    // The extension's service worker: any request it makes that leaves the extension is ours.
    on(t.browser.ctx, 'request', (r) => {
      if (r.serviceWorker() && isOurs(r.serviceWorker().url()) && !allowedUrl(r.url(), origins))
        w.requests.push({ url: r.url().slice(0, 200), initiator: 'service worker' });
    });
  }
  w.stop = () => {
    for (const f of w.off) f();
  };
  return w;
}

function decodeEntities(s) {
  return s
    .replace(/&amp;/g, '&')
    .replace(/&#0*38;/g, '&')
    .replace(/&#x0*26;/gi, '&')
    .replace(/\\\//g, '/');
}

/** Whether the page markup names this URL (absolute, protocol-relative, or by path). */
function referenced(u, src) {
  if (!src) return false;
  let url;
  try {
    url = new URL(u);
  } catch {
    return false;
  }
  const file = url.pathname.split('/').pop();
  // Relative URLs under a remote <base href> only appear by their last segment.
  const cands = [
    u,
    u.replace(/^https?:/, ''),
    url.pathname + url.search,
    url.pathname,
    decodeURIComponent(url.pathname),
    file.length > 4 ? file : '',
  ];
  return cands.some((c) => c.length > 1 && src.includes(c));
}

// ---- scan ----

/**
 * Wait until the scan is done: our highlight is registered and its size has not changed for `quietMs`.
 * Returns { registered, size, ms }. A page without any highlight after `maxMs` is reported unregistered.
 */
export async function waitScan(page, { quietMs = 400, maxMs = 8000 } = {}) {
  const t0 = Date.now();
  let last = -1;
  let stableSince = Date.now();
  for (;;) {
    const size = await page.evaluate((name) => {
      const h = globalThis.CSS?.highlights?.get(name);
      return h ? h.size : -1;
    }, HIGHLIGHT);
    if (size !== last) {
      last = size;
      stableSince = Date.now();
    }
    if (size >= 0 && Date.now() - stableSince >= quietMs) return { registered: true, size, ms: Date.now() - t0 };
    if (Date.now() - t0 > maxMs) return { registered: size >= 0, size: Math.max(size, 0), ms: Date.now() - t0 };
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Terms every glossary version knows; a page containing one must end up with a registered highlight. */
export async function hasCoreTerm(page) {
  return page.evaluate(() => /\b(IOM|UNHCR|GFMD)\b/.test(document.body?.innerText ?? ''));
}

/** Card styles that must not depend on the page (compared between fixtures). */
export function cardStyle(page) {
  return page.evaluate((HOST) => {
    const el = document.querySelector(HOST)?.shadowRoot?.querySelector('[data-testid=ml-popover]');
    if (!el) return null;
    const pick = (e) => {
      const s = getComputedStyle(e);
      return [
        'font-size',
        'font-family',
        'font-weight',
        'line-height',
        'color',
        'background-color',
        'padding-top',
        'padding-left',
        'border-top-width',
        'text-align',
        'direction',
        'width',
        'letter-spacing',
        'text-transform',
      ].map((k) => k + ':' + s.getPropertyValue(k));
    };
    const first = el.querySelector('*');
    return {
      card: pick(el),
      child: first ? pick(first) : null,
      rect: (({ width, height }) => ({ width: Math.round(width), height: Math.round(height) }))(
        el.getBoundingClientRect(),
      ),
    };
  }, HOST);
}

/**
 * Whether our card is above `overSel` (a page element in the top layer): the element at the centre of
 * the part of the card that overlaps it must be our host. Fails when they do not overlap (no verdict).
 */
export function cardOnTop(page, overSel) {
  return page.evaluate(
    ({ HOST, overSel }) => {
      const host = document.querySelector(HOST);
      const el = host?.shadowRoot?.querySelector('[data-testid=ml-popover]');
      if (!el) return { ok: false, why: 'no card' };
      const r = el.getBoundingClientRect();
      const o = document.querySelector(overSel).getBoundingClientRect();
      const x1 = Math.max(r.left, o.left),
        x2 = Math.min(r.right, o.right),
        y1 = Math.max(r.top, o.top),
        y2 = Math.min(r.bottom, o.bottom);
      const rect = [r.x, r.y, r.width, r.height].map(Math.round);
      if (x2 - x1 < 4 || y2 - y1 < 4) return { ok: false, why: `card does not overlap ${overSel}`, rect };
      const hit = document.elementFromPoint((x1 + x2) / 2, (y1 + y2) / 2);
      const inert =
        !!host.closest('[inert]') ||
        (document.querySelector('dialog:modal') && !document.querySelector('dialog:modal').contains(host));
      return {
        ok: hit === host,
        why:
          (hit
            ? hit.nodeName +
              (hit.id ? '#' + hit.id : '') +
              (hit.closest('[id]') ? ' in #' + hit.closest('[id]').id : '')
            : 'nothing') + (inert ? ' (our host is outside the open modal dialog, so inert)' : ''),
        rect,
      };
    },
    { HOST, overSel },
  );
}

/**
 * Wrap a fixture case: counts it, records its failure in the report, and adds the generic checks
 * (no error and no request from our code while it ran).
 */
export function fixture(name, run, { browsers, timeout, noscript = false } = {}) {
  return {
    name: `robustness fixture: ${name}`,
    browsers,
    timeout,
    async run(t) {
      acc.fixtures++;
      const watchers = [];
      // open(url, { snapshot }) : a new page under the error/request watch, optionally with the
      // DOMContentLoaded snapshot for domDiff().
      const open = async (url, { snapshot = false, ...opts } = {}) => {
        const page = await t.newPage();
        if (snapshot) await installSnapshot(page);
        watchers.push(await watch(t, page, { noscript, ...opts }));
        await page.goto(url);
        return page;
      };
      let failure = null;
      try {
        await run(t, open);
        await new Promise((r) => setTimeout(r, 200));
      } catch (e) {
        failure = e;
      }
      // Errors and requests of our code count even when the fixture's own assertion failed first.
      const errs = watchers.flatMap((w) => w.errors);
      const reqs = watchers.flatMap((w) => w.requests);
      for (const w of watchers) w.stop();
      for (const e of errs) record('page_errors', { browser: t.browser.name, page: name, ...e });
      for (const r of reqs) record('network_requests', { browser: t.browser.name, page: name, ...r });
      if (!failure && (errs.length || reqs.length))
        failure = new Error(
          `our code: ${errs.length} error(s), ${reqs.length} request(s): ${JSON.stringify([...errs, ...reqs]).slice(0, 500)}`,
        );
      if (failure) {
        record('fixture_failures', {
          browser: t.browser.name,
          fixture: name,
          error: String(failure?.message ?? failure).slice(0, 600),
        });
        throw failure;
      }
    },
  };
}

// ---- locating text in shadow roots ----

/**
 * Rect of `word` inside the element reached by `path`: selectors applied in turn, each one after the
 * first inside the previous element's open shadow root (['#host1', '#in-shadow']).
 */
export async function boxAt(page, path, word) {
  const box = await page.evaluate(
    ({ path, word }) => {
      let el = document.querySelector(path[0]);
      for (const sel of path.slice(1)) el = el?.shadowRoot?.querySelector(sel) ?? el?.querySelector(sel);
      if (!el) return null;
      const tw = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = tw.nextNode(); n; n = tw.nextNode()) {
        const i = n.data.indexOf(word);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + word.length);
        const b = r.getBoundingClientRect();
        return { x: b.x, y: b.y, w: b.width, h: b.height };
      }
      return null;
    },
    { path, word },
  );
  if (!box) throw new Error(`"${word}" not found under ${path.join(' >> ')}`);
  return box;
}

export async function hoverBox(page, b) {
  await page.move(2, 2, 1);
  // The previous hover's card may cover the next term (a card is taller than the line below its term):
  // let it close after its grace period first. A pinned card stays open, so the wait ends at its limit.
  await waitNoPopover(page, 2000).catch(() => undefined);
  await page.move(b.x + b.w / 2, b.y + b.h / 2, 5);
}

/** Highlighted ranges as { text, where } where `where` is the id of the nearest element with one. */
export function highlighted(page) {
  return page.evaluate((name) => {
    const hl = globalThis.CSS?.highlights?.get(name);
    if (!hl) return null;
    return [...hl].map((r) => {
      const l = document.createRange();
      let text;
      try {
        l.setStart(r.startContainer, r.startOffset);
        l.setEnd(r.endContainer, r.endOffset);
        text = l.toString();
      } catch {
        text = '<invalid range>';
      }
      let el = r.startContainer.parentElement ?? r.startContainer.parentNode?.host;
      while (el && !el.id) el = el.parentElement ?? el.parentNode?.host;
      return { text, where: el?.id ?? null, connected: r.startContainer.isConnected && r.endContainer.isConnected };
    });
  }, HIGHLIGHT);
}
