/**
 * What can go wrong when opening a PDF, in words a reader understands. Every failure becomes one
 * ReaderError (a kind for tests and styling, a title, a sentence on what to do); the page always
 * offers a way back and, for a web address, the browser's own viewer. The words are messages in the
 * interface language (public/_locales), chosen when the error happens.
 */
import { t } from '../i18n/t';

export type ReaderErrorKind =
  | 'bad-address'
  | 'network'
  | 'permission'
  | 'not-found'
  | 'refused'
  | 'http'
  | 'not-pdf'
  | 'corrupt'
  | 'empty'
  | 'password'
  | 'unknown';

export interface ReaderError {
  kind: ReaderErrorKind;
  title: string;
  detail: string;
}

const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

export function badAddress(): ReaderError {
  return {
    kind: 'bad-address',
    title: t('rderr_badAddress'),
    detail: t('rderr_badAddressDetail'),
  };
}

/**
 * fetch() rejected (no HTTP answer at all). Without read access to the site the browser refuses the
 * request in the same way, so `permitted` (does the extension hold access to that site?) decides which
 * of the two it was; null when unknown.
 */
export function fetchFailed(url: string, permitted: boolean | null): ReaderError {
  if (permitted === false)
    return {
      kind: 'permission',
      title: t('rderr_permission', hostOf(url)),
      detail: t('rderr_permissionDetail'),
    };
  return {
    kind: 'network',
    title: t('rderr_network'),
    detail: t('rderr_networkDetail', hostOf(url)),
  };
}

export function httpFailed(status: number, url: string): ReaderError {
  if (status === 404 || status === 410)
    return {
      kind: 'not-found',
      title: t('rderr_notFound'),
      detail: t('rderr_notFoundDetail', hostOf(url), status, t(status === 404 ? 'rderr_reason404' : 'rderr_reason410')),
    };
  if (status === 401 || status === 403)
    return {
      kind: 'refused',
      title: t('rderr_refused'),
      detail: t('rderr_refusedDetail', hostOf(url), status),
    };
  return {
    kind: 'http',
    title: t('rderr_http'),
    detail: t('rderr_httpDetail', hostOf(url), status),
  };
}

/** Does the file start like a PDF? The header may follow up to 1024 bytes of junk (as readers accept). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 4 < head.length; i++)
    if (
      head[i] === 0x25 &&
      head[i + 1] === 0x50 &&
      head[i + 2] === 0x44 &&
      head[i + 3] === 0x46 &&
      head[i + 4] === 0x2d
    )
      return true;
  return false;
}

export function notPdf(what: string, contentType: string | null): ReaderError {
  if (!what.length) return { kind: 'empty', title: t('rderr_empty'), detail: t('rderr_emptyDetail') };
  const ct = contentType ? contentType.split(';')[0]!.trim() : '';
  return {
    kind: 'not-pdf',
    title: t('rderr_notPdf'),
    detail: ct ? t('rderr_notPdfServed', what, ct) : t('rderr_notPdfDetail', what),
  };
}

export function passwordCancelled(): ReaderError {
  return {
    kind: 'password',
    title: t('rd_pwHeading'),
    detail: t('rderr_passwordDetail'),
  };
}

/** An error thrown by pdf.js while loading, by its class name (its classes are not exported as such). */
export function pdfFailed(e: unknown): ReaderError {
  const name = e && typeof e === 'object' ? String((e as { name?: unknown }).name) : '';
  if (name === 'PasswordException') return passwordCancelled();
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException')
    return {
      kind: 'corrupt',
      title: t('rderr_corrupt'),
      detail: t('rderr_corruptDetail'),
    };
  const msg = e instanceof Error ? e.message : String(e);
  return { kind: 'unknown', title: t('rderr_unknown'), detail: msg.slice(0, 300) };
}
