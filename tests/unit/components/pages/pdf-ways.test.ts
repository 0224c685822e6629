import { afterEach, describe, expect, it, vi } from 'vitest';
import { h } from 'preact';
import { Options } from '@/components/pages/Options';
import { Popup } from '@/components/pages/Popup';
import { $, buttonByText, fakeApi, mount, text, unmount } from './fake';

let el: HTMLElement | null = null;
afterEach(() => {
  if (el) unmount(el);
  el = null;
});

const openButton = (root: HTMLElement) => $(root, '[data-testid=ml-open-reader]') as HTMLButtonElement | null;

describe('popup on a PDF tab', () => {
  it('offers the reader and opens it on the file and page the tab shows', async () => {
    // No content script answers in a PDF viewer: the popup sees only the URL the click lets it read.
    const f = fakeApi({ page: null, tabId: 12, pdf: { tabUrl: 'http://127.0.0.1:4000/gen/brief.pdf#page=3' } });
    el = mount(h(Popup, { api: f.api }));
    await vi.waitFor(() => expect(openButton(el!)).not.toBeNull());
    expect(text($(el, '[data-testid=ml-pdf]'))).toContain('This tab shows a PDF.');
    openButton(el)!.click();
    await vi.waitFor(() =>
      expect(f.pdfCalls).toContainEqual(['openInReader', 12, 'http://127.0.0.1:4000/gen/brief.pdf', 3]),
    );
  });
  it("takes the address from the content script where one answers (Chromium's viewer page)", async () => {
    const page = { url: 'http://127.0.0.1:4000/gen/brief.pdf', active: true, total: 0, terms: [] };
    const f = fakeApi({ page, tabId: 5, pdf: { tabUrl: null } });
    el = mount(h(Popup, { api: f.api }));
    await vi.waitFor(() => expect(openButton(el!)).not.toBeNull());
    expect(f.pdfCalls.some((c) => c[0] === 'tabUrl')).toBe(false);
    openButton(el)!.click();
    await vi.waitFor(() =>
      expect(f.pdfCalls).toContainEqual(['openInReader', 5, 'http://127.0.0.1:4000/gen/brief.pdf', 1]),
    );
  });
  it('says how to reach the reader when it cannot see what the tab shows', async () => {
    const f = fakeApi({ page: null, tabId: 12, pdf: { tabUrl: null } });
    el = mount(h(Popup, { api: f.api }));
    await vi.waitFor(() => expect($(el!, '[data-testid=ml-pdf-hint]')).not.toBeNull());
    expect(text(el)).toContain('Open PDF with Migration Lens');
    expect(openButton(el)).toBeNull();
  });
  it('offers nothing on an ordinary web page', async () => {
    const page = { url: 'https://example.org/news', active: true, total: 0, terms: [] };
    const f = fakeApi({ page, tabId: 12, pdf: { tabUrl: 'https://example.org/news' } });
    el = mount(h(Popup, { api: f.api }));
    await vi.waitFor(() => expect(text($(el!, '[data-testid=ml-page-count]'))).toContain('No terms found'));
    await new Promise((r) => setTimeout(r, 20));
    expect(openButton(el)).toBeNull();
    expect($(el, '[data-testid=ml-pdf-hint]')).toBeNull();
  });
});

describe('options: open PDF links in the reader', () => {
  const setup = (granted: boolean, on = false) =>
    fakeApi({
      settings: { openPdfLinksInReader: on },
      handlers: { customList: () => [] },
      pdf: { tabUrl: null, granted },
    });
  const box = (root: HTMLElement) => $(root, '[data-testid=ml-pdf-links]') as HTMLInputElement;

  it('is off by default; switching on asks for access first, then saves', async () => {
    const f = setup(true);
    el = mount(h(Options, { api: f.api }));
    await vi.waitFor(() => expect(box(el!)).not.toBeNull());
    expect(box(el).checked).toBe(false);
    box(el).click();
    await vi.waitFor(() => expect(f.settings.openPdfLinksInReader).toBe(true));
    expect(f.pdfCalls[0]).toEqual(['requestRedirectAccess']);
  });
  it('refused access saves nothing, unticks the box and says why', async () => {
    const f = setup(false);
    el = mount(h(Options, { api: f.api }));
    await vi.waitFor(() => expect(box(el!)).not.toBeNull());
    box(el).click();
    await vi.waitFor(() => expect(text($(el!, '[role=alert]'))).toContain('was not granted'));
    expect(box(el).checked).toBe(false);
    expect(f.settings.openPdfLinksInReader).toBe(false);
    expect(f.calls.some((c) => c.type === 'settings' && c.op === 'patch')).toBe(false);
  });
  it('switching off saves at once without asking', async () => {
    const f = setup(true, true);
    el = mount(h(Options, { api: f.api }));
    await vi.waitFor(() => expect(box(el!)?.checked).toBe(true));
    box(el).click();
    await vi.waitFor(() => expect(f.settings.openPdfLinksInReader).toBe(false));
    expect(f.pdfCalls).toEqual([]);
  });
  it('is absent where the host has no reader', async () => {
    const f = fakeApi({ handlers: { customList: () => [] } });
    el = mount(h(Options, { api: f.api }));
    await vi.waitFor(() => expect($(el!, '#ml-theme')).not.toBeNull());
    expect(box(el)).toBeNull();
    expect(() => buttonByText(el!, 'Open in Migration Lens reader')).toThrow();
  });
});
