import { describe, expect, it } from 'vitest';
import { hasPdfPath, nativeViewerUrl, pdfFileOf, pdfPageOf, withoutHash } from '@/lib/pdf/detect';
import { PDF_NATIVE_RULE_ID, PDF_REDIRECT_RULE_ID, PDF_URL_REGEX, pdfRedirectRules } from '@/lib/pdf/redirect';
import { parseReaderUrl, readerUrl } from '@/lib/reader/url';

const READER = 'chrome-extension://abcdefghijklmnop/reader.html';

describe('telling a PDF from its address', () => {
  it('a .pdf path in any case, with or without query and fragment', () => {
    expect(pdfFileOf('https://undocs.example.org/A/RES/73/195.pdf')).toBe(
      'https://undocs.example.org/A/RES/73/195.pdf',
    );
    expect(pdfFileOf('http://127.0.0.1:8080/gen/Report.PDF?download=0#page=4')).toBe(
      'http://127.0.0.1:8080/gen/Report.PDF?download=0#page=4',
    );
    expect(hasPdfPath('https://example.org/files/brief.pdf?v=2')).toBe(true);
  });
  it('not a PDF: other extensions, .pdf only in the query, browser pages', () => {
    expect(pdfFileOf('https://example.org/page.pdfx')).toBeNull();
    expect(pdfFileOf('https://example.org/view?file=brief.pdf')).toBeNull();
    expect(pdfFileOf('chrome://extensions/')).toBeNull();
    expect(pdfFileOf('about:blank')).toBeNull();
    expect(pdfFileOf(undefined)).toBeNull();
    expect(hasPdfPath('ftp://example.org/brief.pdf')).toBe(false);
  });
  it('an http(s) document served as application/pdf counts whatever its path', () => {
    expect(pdfFileOf('https://example.org/download?id=42', 'application/pdf')).toBe(
      'https://example.org/download?id=42',
    );
    expect(pdfFileOf('https://example.org/download?id=42', 'text/html')).toBeNull();
  });
  it("Chromium's own viewer address gives back the file it shows", () => {
    const viewer = `chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html?src=${encodeURIComponent('https://example.org/a.pdf')}`;
    expect(pdfFileOf(viewer)).toBe('https://example.org/a.pdf');
    expect(pdfFileOf('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html?src=javascript:1')).toBeNull();
  });
  it('the page to open at comes from #page=N; anything else is page 1', () => {
    expect(pdfPageOf('https://example.org/a.pdf#page=12')).toBe(12);
    expect(pdfPageOf('https://example.org/a.pdf#zoom=80&page=3')).toBe(3);
    expect(pdfPageOf('https://example.org/a.pdf#page=0')).toBe(1);
    expect(pdfPageOf('https://example.org/a.pdf?page=5')).toBe(1);
    expect(withoutHash('https://example.org/a.pdf?x=1#page=2')).toBe('https://example.org/a.pdf?x=1');
  });
  it("the browser's own viewer address carries the marker in its query, keeping the page", () => {
    expect(nativeViewerUrl('https://example.org/a.pdf#page=2', 2)).toBe('https://example.org/a.pdf?ml-native=1#page=2');
    expect(nativeViewerUrl('https://example.org/a.pdf?v=1')).toBe('https://example.org/a.pdf?v=1&ml-native=1');
  });
});

describe('reader address', () => {
  it('readerUrl encodes the file and adds the page', () => {
    expect(readerUrl('https://example.org/a b.pdf?x=1&y=2', 7)).toBe(
      '/reader.html?file=https%3A%2F%2Fexample.org%2Fa%20b.pdf%3Fx%3D1%26y%3D2#page=7',
    );
  });
  it('parseReaderUrl reads what readerUrl writes', () => {
    const path = readerUrl('https://example.org/a.pdf?x=1&y=2', 4);
    const u = new URL(path, 'chrome-extension://id');
    expect(parseReaderUrl(u)).toMatchObject({ file: 'https://example.org/a.pdf?x=1&y=2', page: 4 });
  });
  it("parseReaderUrl reads the redirect rule's raw form, query and plus signs included", () => {
    const u = new URL(`${READER}?file=https://example.org/a+b.pdf?x=1&y=2#page=3`);
    expect(parseReaderUrl(u)).toMatchObject({ file: 'https://example.org/a+b.pdf?x=1&y=2', page: 3 });
  });
  it('parseReaderUrl gives no file for other schemes or garbage', () => {
    expect(parseReaderUrl({ search: '?file=javascript%3Aalert(1)', hash: '' }).file).toBeNull();
    expect(parseReaderUrl({ search: '?file=not%20a%20url', hash: '' }).file).toBeNull();
    expect(parseReaderUrl({ search: '', hash: '' }).file).toBeNull();
  });
});

describe('redirect rules', () => {
  // The rules use RE2 syntax; this pattern is also a valid JavaScript expression with the same meaning.
  const re = new RegExp(PDF_URL_REGEX);
  it('match top-level .pdf addresses, with a query or a fragment, and nothing else', () => {
    expect(re.test('https://example.org/docs/A_73_195.pdf')).toBe(true);
    expect(re.test('http://127.0.0.1:4000/gen/long.PDF?dl=1')).toBe(true);
    expect(re.test('http://127.0.0.1:4000/gen/long.pdf#page=2')).toBe(true);
    expect(re.test('http://127.0.0.1:4000/gen/long.pdf?dl=1#page=2')).toBe(true);
    expect(re.test('https://example.org/view#a.pdf')).toBe(false);
    expect(re.test('https://example.org/view?file=a.pdf')).toBe(false);
    expect(re.test('https://example.org/a.pdf/more')).toBe(false);
    expect(re.test('ftp://example.org/a.pdf')).toBe(false);
  });
  it('redirect into the reader with the whole URL, and let the native marker through first', () => {
    const [redirect, allow] = pdfRedirectRules(READER);
    expect(redirect).toMatchObject({
      id: PDF_REDIRECT_RULE_ID,
      action: { type: 'redirect', redirect: { regexSubstitution: `${READER}?file=\\0` } },
      condition: { resourceTypes: ['main_frame'] },
    });
    expect(allow!.id).toBe(PDF_NATIVE_RULE_ID);
    expect(allow!.action.type).toBe('allow');
    expect(allow!.priority).toBeGreaterThan(redirect!.priority);
    const marker = new RegExp(allow!.condition.regexFilter);
    expect(marker.test(nativeViewerUrl('https://example.org/a.pdf'))).toBe(true);
    expect(marker.test(nativeViewerUrl('https://example.org/a.pdf#page=2'))).toBe(true);
    expect(marker.test('https://example.org/a.pdf?ml-native=10')).toBe(false);
  });
});
