// Static HTTP server on 127.0.0.1 for E2E pages. Routes:
//   /fixtures/<file>     tests/fixtures/pages/<file>
//   /readability/<file>  ../shared/pages/readability/<file> (real saved pages; never copied into the repo)
// Per-file response headers come from a sibling "<file>.headers.json" (e.g. a strict CSP).
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
};
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml' };

export function startServer({ host = '127.0.0.1' } = {}) {
  const requests = [];
  const srv = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    requests.push({ method: req.method, path: url.pathname, t: Date.now() });
    const [, route, ...rest] = url.pathname.split('/');
    const base = ROUTES[route];
    const file = base && path.resolve(base, decodeURIComponent(rest.join('/')));
    if (!file || !file.startsWith(base + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    const extra = file + '.headers.json';
    if (fs.existsSync(extra)) Object.assign(headers, JSON.parse(fs.readFileSync(extra, 'utf8')));
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    srv.listen(0, host, () => {
      const origin = `http://${host}:${srv.address().port}`;
      resolve({ origin, requests, url: (p) => origin + p, close: () => new Promise((r) => srv.close(r)) });
    });
  });
}
