/**
 * Which tab or link shows a PDF, told from its URL (and the document's content type when a content
 * script could read it). Pure, so the popup, the context menu and the tests share one rule.
 */
import { nativeViewerUrl as markNative } from '../reader/url';

/** Chromium's built-in PDF viewer extension; some builds show its own URL in the tab, with the file as `src`. */
const CHROMIUM_VIEWER = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/';

/** Query parameter that marks "open in the browser's own viewer": the redirect rule lets it through. */
export { NATIVE_PARAM } from '../reader/url';

function httpUrl(s: string | null | undefined): URL | null {
  if (!s) return null;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/** Whether an http(s) URL's path ends in `.pdf` (any case). */
export function hasPdfPath(url: string): boolean {
  const u = httpUrl(url);
  return !!u && /\.pdf$/i.test(u.pathname);
}

/**
 * The http(s) address of the PDF a tab shows, or null when it is not recognisably a PDF:
 * a `.pdf` path, Chromium's viewer URL, or any http(s) page whose content type is application/pdf.
 */
export function pdfFileOf(tabUrl: string | undefined, contentType?: string): string | null {
  if (!tabUrl) return null;
  if (tabUrl.startsWith(CHROMIUM_VIEWER)) {
    const q = new URL(tabUrl).searchParams;
    return httpUrl(q.get('src') ?? q.get('file'))?.href ?? null;
  }
  const u = httpUrl(tabUrl);
  if (!u) return null;
  return /\.pdf$/i.test(u.pathname) || /^application\/pdf\b/i.test(contentType ?? '') ? u.href : null;
}

/** The page a PDF URL opens at (`#page=N`, as pdf.js and Chromium's viewer read it); 1 when none. */
export function pdfPageOf(url: string): number {
  const hash = url.includes('#') ? url.slice(url.indexOf('#')) : '';
  const n = Number(/(?:^#|&)page=(\d+)/.exec(hash)?.[1] ?? 1);
  return Number.isSafeInteger(n) && n >= 1 ? n : 1;
}

/** The PDF's URL without its fragment (what the reader fetches). */
export function withoutHash(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

/**
 * The address of the browser's own viewer for `fileUrl` at `page`: the reader's marked native URL
 * (lib/reader/url.ts), without the PDF's own fragment when a page is given.
 */
export function nativeViewerUrl(fileUrl: string, page?: number): string {
  const base = page !== undefined && page > 1 ? `${withoutHash(fileUrl)}#page=${page}` : fileUrl;
  return markNative(base);
}
