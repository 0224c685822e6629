import { describe, expect, it } from 'vitest';
import {
  fileNameOf,
  hasNativeMarker,
  nativeViewerUrl,
  parsePageHash,
  parseReaderUrl,
  readerUrl,
} from '@/lib/reader/url';
import { findUnSymbol } from '@/lib/reader/symbol';
import { fetchFailed, httpFailed, looksLikePdf, notPdf, pdfFailed } from '@/lib/reader/errors';
import { MAX_POSITIONS, parsePositions, positionKey, remember, startPage } from '@/lib/reader/positions';
import { DocTerms } from '@/lib/reader/doc-terms';
import { spaceLineEnds } from '@/lib/reader/text-layer';
import { parseExtensionPageEnvelope, toExtensionPage } from '@/lib/messaging/page-protocol';

describe('reader URL contract', () => {
  it('round-trips a PDF address and a page', () => {
    const file = 'https://example.org/docs/A_HRC_38_41.pdf?lang=en&x=1';
    const u = new URL(readerUrl(file, 12), 'chrome-extension://id/');
    expect(u.pathname).toBe('/reader.html');
    expect(parseReaderUrl(u)).toEqual({ file, page: 12, error: null });
  });
  it('shows the open screen without ?file= and ignores a bad page', () => {
    expect(parseReaderUrl({ search: '', hash: '#page=x' })).toEqual({ file: null, page: null, error: null });
    expect(parsePageHash('#page=0')).toBeNull();
    expect(parsePageHash('#zoom=2&page=7')).toBe(7);
    expect(readerUrl('https://a.org/x.pdf', 0)).not.toContain('#');
  });
  it('refuses addresses that are not http(s)', () => {
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'relative/x.pdf', 'data:application/pdf,x'])
      expect(parseReaderUrl({ search: `?file=${encodeURIComponent(bad)}`, hash: '' }).error).toMatch(
        /not a web address/,
      );
  });
  it('marks the native-viewer link once and keeps an existing fragment', () => {
    expect(nativeViewerUrl('https://a.org/x.pdf')).toBe('https://a.org/x.pdf?ml-native=1');
    expect(nativeViewerUrl('https://a.org/x.pdf#page=3')).toBe('https://a.org/x.pdf?ml-native=1#page=3');
    expect(nativeViewerUrl('https://a.org/x.pdf?ml-native=1')).toBe('https://a.org/x.pdf?ml-native=1');
    expect(hasNativeMarker('https://a.org/x.pdf?ml-native=1#page=3')).toBe(true);
    expect(hasNativeMarker('https://a.org/x.pdf#page=3&ml-native')).toBe(false);
    expect(hasNativeMarker('https://a.org/ml-native.pdf')).toBe(false);
  });
  it('names a file by its last path segment', () => {
    expect(fileNameOf('https://a.org/d/My%20Report.pdf')).toBe('My Report.pdf');
    expect(fileNameOf('https://a.org/')).toBe('a.org');
  });
});

describe('UN symbol on the first page', () => {
  it('finds common symbol shapes', () => {
    expect(findUnSymbol('United Nations\nA/RES/73/195\nGeneral Assembly')).toBe('A/RES/73/195');
    expect(findUnSymbol('Distr.: General\nA/HRC/38/41\n4 May 2018')).toBe('A/HRC/38/41');
    expect(findUnSymbol('E/CN.4/2005/85 and more')).toBe('E/CN.4/2005/85');
    expect(findUnSymbol('See CMW/C/GC/1 for details')).toBe('CMW/C/GC/1');
    expect(findUnSymbol('Draft A/73/L.66.')).toBe('A/73/L.66');
  });
  it('prefers the symbol on a line of its own over one cited in the text', () => {
    expect(findUnSymbol('Recalling resolution A/RES/60/227 of 2005,\nA/68/190\n')).toBe('A/68/190');
  });
  it('finds none in ordinary text, dates or paths', () => {
    expect(findUnSymbol('Migration in 2018/19 and 24/7 help; see docs/A/B')).toBeNull();
    expect(findUnSymbol('A/B/C without numbers')).toBeNull();
    expect(findUnSymbol('')).toBeNull();
  });
});

describe('errors in words', () => {
  it('tells a 404, a refusal and a server error apart', () => {
    expect(httpFailed(404, 'https://a.org/x.pdf')).toMatchObject({ kind: 'not-found' });
    expect(httpFailed(404, 'https://a.org/x.pdf').detail).toContain('a.org answered 404');
    expect(httpFailed(403, 'https://a.org/x.pdf')).toMatchObject({ kind: 'refused' });
    expect(httpFailed(503, 'https://a.org/x.pdf')).toMatchObject({ kind: 'http' });
  });
  it('tells missing access from a network failure', () => {
    expect(fetchFailed('https://a.org/x.pdf', false)).toMatchObject({ kind: 'permission' });
    expect(fetchFailed('https://a.org/x.pdf', false).title).toContain('a.org');
    expect(fetchFailed('https://a.org/x.pdf', true)).toMatchObject({ kind: 'network' });
    expect(fetchFailed('https://a.org/x.pdf', null)).toMatchObject({ kind: 'network' });
  });
  it('recognises a PDF header and names what was served instead', () => {
    const enc = new TextEncoder();
    expect(looksLikePdf(enc.encode('%PDF-1.7\n...'))).toBe(true);
    expect(looksLikePdf(enc.encode('junk\n%PDF-1.4\n'))).toBe(true);
    expect(looksLikePdf(enc.encode('<!doctype html><p>Sign in</p>'))).toBe(false);
    expect(notPdf('this address', 'text/html; charset=utf-8').detail).toContain('sent as text/html');
    expect(notPdf('', null).kind).toBe('empty');
  });
  it('maps pdf.js exceptions by name', () => {
    const named = (name: string) => Object.assign(new Error('x'), { name });
    expect(pdfFailed(named('InvalidPDFException')).kind).toBe('corrupt');
    expect(pdfFailed(named('PasswordException')).kind).toBe('password');
    expect(pdfFailed(new Error('odd')).kind).toBe('unknown');
  });
});

describe('last page per document', () => {
  it('keys web documents by address without fragment, local ones by fingerprint', () => {
    expect(positionKey({ url: 'https://a.org/x.pdf#page=3' })).toBe('url:https://a.org/x.pdf');
    expect(positionKey({ fingerprint: 'abc' })).toBe('fp:abc');
  });
  it('drops malformed entries and the least recently read beyond the cap', () => {
    expect(parsePositions({ a: { page: 2, at: 1 }, b: { page: 0, at: 1 }, c: 'x' })).toEqual({ a: { page: 2, at: 1 } });
    let p = {};
    for (let i = 0; i < MAX_POSITIONS + 5; i++) p = remember(p, `k${i}`, 1, i);
    expect(Object.keys(p)).toHaveLength(MAX_POSITIONS);
    expect(p).not.toHaveProperty('k0');
    expect(p).toHaveProperty(`k${MAX_POSITIONS + 4}`);
  });
  it('opens at #page first, then the remembered page, within the document', () => {
    expect(startPage(5, 9, 20)).toBe(5);
    expect(startPage(null, 9, 20)).toBe(9);
    expect(startPage(null, 99, 20)).toBe(20);
    expect(startPage(null, null, 20)).toBe(1);
  });
});

describe('document-wide term record', () => {
  it('keeps pages that left the view and replaces pages on screen', () => {
    const d = new DocTerms();
    d.update(
      [
        { termId: 'iom', page: 1 },
        { termId: 'gfmd', page: 1 },
        { termId: 'gfmd', page: 2 },
      ],
      [1, 2],
    );
    // Page 1's text layer is gone, page 3 is on screen now.
    d.update([{ termId: 'gfmd', page: 3 }], [2, 3]);
    d.learnCategories([{ id: 'gfmd', category: 'process-forum' }]);
    expect(d.terms()).toEqual([
      { id: 'gfmd', count: 2, category: 'process-forum' },
      { id: 'iom', count: 1, category: 'other' },
    ]);
    expect(d.total()).toBe(3);
    expect(d.locate('gfmd', 0)).toEqual({ page: 1, k: 0, count: 2 });
    expect(d.locate('gfmd', 1)).toEqual({ page: 3, k: 0, count: 2 });
    expect(d.locate('unhcr', 0)).toBeNull();
  });
});

describe('text layer line ends', () => {
  it('adds one space where a line ends without whitespace', () => {
    document.body.innerHTML =
      '<div class="textLayer"><span>the work of</span><br><span>UNHCR with</span><span> </span><br><span class="markedContent"><span>hosts.</span></span><br></div>';
    const layer = document.querySelector('.textLayer')!;
    expect(spaceLineEnds(layer)).toBe(2);
    expect(layer.textContent).toBe('the work of UNHCR with hosts. ');
    expect(spaceLineEnds(layer)).toBe(0);
  });
});

describe('messages to an extension page', () => {
  it('wraps a page request with the tab id and validates it', () => {
    expect(parseExtensionPageEnvelope(toExtensionPage(7, { type: 'pageTerms' }))).toEqual({
      tabId: 7,
      req: { type: 'pageTerms' },
    });
    expect(parseExtensionPageEnvelope({ type: 'toExtensionPage', tabId: '7', req: { type: 'pageTerms' } })).toBeNull();
    expect(parseExtensionPageEnvelope({ type: 'toExtensionPage', tabId: 7, req: { type: 'nope' } })).toBeNull();
    expect(parseExtensionPageEnvelope({ type: 'pageTerms' })).toBeNull();
  });
});
