/**
 * What can go wrong when opening a PDF, in words a reader understands. Every failure becomes one
 * ReaderError (a kind for tests and styling, a title, a sentence on what to do); the page always
 * offers a way back and, for a web address, the browser's own viewer.
 */

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
    title: 'This is not a web address the reader can open',
    detail: 'The reader opens PDFs from http or https addresses, or files from your computer.',
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
      title: `Migration Lens may not read files from ${hostOf(url)}`,
      detail:
        'Allow access to this site and try again, or open the PDF in the browser’s own viewer. You can also download it and open the file here.',
    };
  return {
    kind: 'network',
    title: 'The PDF could not be downloaded',
    detail: `No answer from ${hostOf(url)}: you may be offline, or the server refused the connection. Check the connection and try again.`,
  };
}

export function httpFailed(status: number, url: string): ReaderError {
  if (status === 404 || status === 410)
    return {
      kind: 'not-found',
      title: 'There is no PDF at this address',
      detail: `${hostOf(url)} answered ${status} (${status === 404 ? 'not found' : 'gone'}). The file may have moved; check the address.`,
    };
  if (status === 401 || status === 403)
    return {
      kind: 'refused',
      title: 'The server refused access to this PDF',
      detail: `${hostOf(url)} answered ${status}: it may need you to sign in. Open it in the browser’s own viewer, or download it and open the file here.`,
    };
  return {
    kind: 'http',
    title: 'The server could not deliver the PDF',
    detail: `${hostOf(url)} answered with error ${status}. Try again later.`,
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
  if (!what.length)
    return { kind: 'empty', title: 'The file is empty', detail: 'There is nothing to show: the file has no content.' };
  const ct = contentType ? contentType.split(';')[0]!.trim() : '';
  const served = ct ? ` (it was sent as ${ct})` : '';
  return {
    kind: 'not-pdf',
    title: 'This is not a PDF',
    detail: `The content of ${what} is not a PDF document${served}. It may be a web page or another kind of file.`,
  };
}

export function passwordCancelled(): ReaderError {
  return {
    kind: 'password',
    title: 'This PDF is protected by a password',
    detail: 'It cannot be shown without its password. Open it again to enter the password.',
  };
}

/** An error thrown by pdf.js while loading, by its class name (its classes are not exported as such). */
export function pdfFailed(e: unknown): ReaderError {
  const name = e && typeof e === 'object' ? String((e as { name?: unknown }).name) : '';
  if (name === 'PasswordException') return passwordCancelled();
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException')
    return {
      kind: 'corrupt',
      title: 'This PDF is damaged',
      detail:
        'The file is incomplete or corrupt, so its pages cannot be read. Download it again, or try the browser’s own viewer.',
    };
  const msg = e instanceof Error ? e.message : String(e);
  return { kind: 'unknown', title: 'The PDF could not be opened', detail: msg.slice(0, 300) };
}
