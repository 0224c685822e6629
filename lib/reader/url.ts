/**
 * The reader's URL contract (shared with the ways into the reader: popup button, context menu,
 * redirect): `reader.html?file=<encodeURIComponent(absolute http(s) URL)>#page=<N>`. `reader.html`
 * alone shows the "Open a PDF" screen.
 */
import { t } from '../i18n/t';

/**
 * Query parameter (`ml-native=1`) that makes the redirect rule leave a PDF to the browser's own viewer.
 * In the query, not the fragment: declarativeNetRequest rules never see fragments.
 */
export const NATIVE_PARAM = 'ml-native';

export interface ReaderTarget {
  /** The PDF's absolute http(s) URL, or null (the open screen). */
  file: string | null;
  /** 1-based page from `#page=N`, or null. */
  page: number | null;
  /** Set when `?file=` was present but is not an absolute http(s) URL. */
  error: string | null;
}

/** Is `raw` an absolute http(s) URL? Returns its normalised form, or null. */
export function httpUrl(raw: string): string | null {
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Positive integer from `#page=N` (pdf.js's own open parameters also use `page=`). */
export function parsePageHash(hash: string): number | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const raw = params.get('page');
  if (raw === null || !/^\d{1,6}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 ? n : null;
}

/** The reader page for `fileUrl` (optionally at `page`); a path relative to the extension's root. */
export function readerUrl(fileUrl: string, page?: number): string {
  const hash = page !== undefined && Number.isInteger(page) && page >= 1 ? `#page=${page}` : '';
  return `/reader.html?file=${encodeURIComponent(fileUrl)}${hash}`;
}

export function parseReaderUrl(location: { search: string; hash: string }): ReaderTarget {
  const search = location.search.replace(/^\?/, '');
  // The redirect rule cannot percent-encode: it writes the PDF's URL after `file=` as is, query included,
  // so a raw http(s) value runs to the end of the query (URLSearchParams would cut it at `&` and turn
  // `+` into a space).
  const raw = /^file=(https?:.*)$/i.exec(search)?.[1] ?? new URLSearchParams(search).get('file');
  const page = parsePageHash(location.hash);
  if (raw === null || raw === '') return { file: null, page, error: null };
  const file = httpUrl(raw);
  return file ? { file, page, error: null } : { file: null, page, error: t('rderr_notWeb') };
}

/** The original URL (its fragment, e.g. `#page=3`, kept) marked for the browser's own viewer. */
export function nativeViewerUrl(fileUrl: string): string {
  const u = new URL(fileUrl);
  u.searchParams.set(NATIVE_PARAM, '1');
  return u.href;
}

/** Does `url` carry the marker (the redirect must skip it)? */
export function hasNativeMarker(url: string): boolean {
  try {
    return new URL(url).searchParams.get(NATIVE_PARAM) === '1';
  } catch {
    return false;
  }
}

/** A short name for a PDF at `url`: its last path segment, decoded ("report.pdf"), or the host. */
export function fileNameOf(url: string): string {
  try {
    const u = new URL(url);
    const seg = u.pathname.split('/').filter(Boolean).pop();
    if (!seg) return u.host;
    try {
      return decodeURIComponent(seg);
    } catch {
      return seg;
    }
  } catch {
    return url;
  }
}
