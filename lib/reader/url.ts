/**
 * The reader page's address, shared by every way into it: `reader.html?file=<encoded URL>#page=<N>`.
 * Pure (no browser APIs): callers turn the path into a full URL with `browser.runtime.getURL`.
 */

/** Path of the reader on `fileUrl` (an absolute http(s) URL), opened at `page` when given. */
export function readerUrl(fileUrl: string, page?: number): string {
  const hash = page !== undefined && Number.isInteger(page) && page > 1 ? `#page=${page}` : '';
  return `/reader.html?file=${encodeURIComponent(fileUrl)}${hash}`;
}

/**
 * The file and page a reader address names. `file` is null unless it is an absolute http(s) URL.
 * The redirect rule (lib/pdf/redirect.ts) cannot percent-encode, so it writes the PDF's URL after
 * `file=` as is, query string included: a raw `http(s):` value runs to the end of the query.
 */
export function parseReaderUrl(location: { search: string; hash: string }): { file: string | null; page: number } {
  const search = location.search.replace(/^\?/, '');
  const raw = /^file=(https?:.*)$/i.exec(search)?.[1];
  const candidate = raw ?? new URLSearchParams(search).get('file');
  let file: string | null = null;
  if (candidate) {
    try {
      const u = new URL(candidate);
      if (u.protocol === 'http:' || u.protocol === 'https:') file = u.href;
    } catch {
      file = null;
    }
  }
  const n = Number(/(?:^#|&)page=(\d+)/.exec(location.hash)?.[1] ?? 1);
  return { file, page: Number.isSafeInteger(n) && n >= 1 ? n : 1 };
}
