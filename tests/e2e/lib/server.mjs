// Static HTTP server on 127.0.0.1 for E2E pages. Routes:
//   /fixtures/<file>     tests/fixtures/pages/<file>
//   /readability/<file>  ../shared/pages/readability/<file> (real saved pages; never copied into the repo)
//   /gen/big.html        a ~5 MB page generated at request time (robustness suite; nothing committed)
//   /pdf/<file>          .output/e2e-pdf/<file>: PDFs the E2E cases write at test time (lib/pdf.mjs, lib/pdf-gen.mjs)
//   /status/<code>       an empty answer with that HTTP status (the reader's error messages)
// Per-file response headers come from a sibling "<file>.headers.json" (e.g. a strict CSP).
// Any route with ?noscript=1 adds `Content-Security-Policy: script-src 'none'`: page scripts do not run
// (content scripts are unaffected), so DOM before/after comparisons are deterministic.
// The same server also answers on a second loopback address (127.0.0.2, same port) so fixtures can embed
// a genuinely cross-origin iframe; `origin2`/`url2()` point there (null if that address is unavailable).
// Every request is recorded so tests can prove the extension made none of its own.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../../..');
export const ROUTES = {
  fixtures: path.join(ROOT, 'tests/fixtures/pages'),
  readability: path.resolve(ROOT, '../shared/pages/readability'),
  pdf: path.join(ROOT, '.output/e2e-pdf'),
};
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
};

export function startServer({ host = '127.0.0.1' } = {}) {
  const requests = [];
  const srv = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    requests.push({ method: req.method, path: url.pathname, search: url.search, t: Date.now() });
    if (url.pathname === '/gen/big.html') return sendBig(res, url);
    const status = /^\/status\/(\d{3})$/.exec(url.pathname);
    if (status) {
      res.writeHead(Number(status[1]), { 'content-type': 'text/plain' });
      return res.end('status');
    }
    const [, route, ...rest] = url.pathname.split('/');
    const base = ROUTES[route];
    const file = base && path.resolve(base, decodeURIComponent(rest.join('/')));
    if (!file || !file.startsWith(base + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    const headers = {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    };
    const extra = file + '.headers.json';
    if (fs.existsSync(extra)) Object.assign(headers, JSON.parse(fs.readFileSync(extra, 'utf8')));
    if (url.searchParams.get('noscript') === '1') headers['content-security-policy'] = "script-src 'none'";
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    srv.listen(0, host, async () => {
      const port = srv.address().port;
      const origin = `http://${host}:${port}`;
      const second = await listenSecond(srv, port);
      const origin2 = second ? `http://127.0.0.2:${port}` : null;
      resolve({
        origin,
        origin2,
        requests,
        url: (p) => origin + p,
        url2: (p) => (origin2 ? origin2 + p : null),
        close: () => Promise.all([new Promise((r) => srv.close(r)), second && new Promise((r) => second.close(r))]),
      });
    });
  });
}

/** Same handler on 127.0.0.2:<port>; resolves null when the address cannot be bound. */
function listenSecond(srv, port) {
  return new Promise((resolve) => {
    const s2 = http.createServer((req, res) => srv.emit('request', req, res));
    s2.once('error', () => resolve(null));
    s2.listen(port, '127.0.0.2', () => resolve(s2));
  });
}

// A seed paragraph with terms, repeated until the body reaches ~5 MB (?mb=N to change). Each paragraph
// carries its index so the text is not trivially identical (and tests can find the last one).
const SEED =
  'Delegates of the GFMD met with the International Organization for Migration (IOM) and UNHCR to ' +
  'review labour mobility, remittances and the protection of migrants in vulnerable situations. ';
function sendBig(res, url) {
  const target = Math.min(50, Number(url.searchParams.get('mb') ?? 5)) * 1024 * 1024;
  const head =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Big page</title></head><body><h1>Big page</h1>\n';
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.write(head);
  let size = head.length;
  for (let i = 0; size < target; i++) {
    const chunk = `<p id="p${i}">${i}. ${SEED}${SEED}</p>\n`;
    res.write(chunk);
    size += chunk.length;
  }
  res.end('<p id="last">The last paragraph mentions UNHCR.</p></body></html>\n');
}
