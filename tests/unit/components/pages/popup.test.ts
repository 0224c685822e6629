import { afterEach, describe, expect, it, vi } from 'vitest';
import { h } from 'preact';
import { Popup } from '@/components/pages/Popup';
import { siteOf } from '@/lib/settings/schema';
import { siteToggle } from '@/lib/settings/ops';
import { pinnedTab } from '@/lib/pages/browser-api';
import { defaultSettings } from '@/lib/settings/schema';
import { $, buttonByText, fakeApi, mount, text, unmount } from './fake';

const PAGE = {
  url: 'https://news.example.org/story?id=1',
  active: true,
  total: 5,
  terms: [
    { id: 'iom', category: 'agency', count: 3 },
    { id: 'gfmd', category: 'process-forum', count: 2 },
  ],
};
let el: HTMLElement | null = null;
afterEach(() => {
  if (el) unmount(el);
  el = null;
});

describe('site switch logic', () => {
  it('siteOf: web pages only, hostname without port', () => {
    expect(siteOf('https://News.Example.org:8443/a?b')).toBe('news.example.org');
    expect(siteOf('chrome://extensions')).toBeNull();
    expect(siteOf('chrome-extension://abc/demo.html')).toBeNull();
    expect(siteOf(undefined)).toBeNull();
    expect(siteOf('not a url')).toBeNull();
  });
  it('siteToggle in "all" mode adds/removes disabled sites, including covering parents', () => {
    const s = { ...defaultSettings(), disabledSites: ['example.org', 'other.net'] };
    expect(siteToggle(s, 'news.example.org', true)).toEqual({ disabledSites: ['other.net'] });
    expect(siteToggle(defaultSettings(), 'news.example.org', false)).toEqual({ disabledSites: ['news.example.org'] });
  });
  it('siteToggle in allow-list mode edits the allowed list', () => {
    const s = { ...defaultSettings(), siteMode: 'allow-list' as const, allowedSites: ['example.org'] };
    expect(siteToggle(s, 'news.example.org', false)).toEqual({ allowedSites: [], disabledSites: [] });
    expect(siteToggle({ ...s, allowedSites: [] }, 'a.org', true)).toEqual({
      disabledSites: [],
      allowedSites: ['a.org'],
    });
  });
  it('?tab= pins the target tab; garbage is ignored', () => {
    expect(pinnedTab('?tab=12&q=x')).toBe(12);
    expect(pinnedTab('?tab=-1')).toBeNull();
    expect(pinnedTab('?tab=abc')).toBeNull();
    expect(pinnedTab('')).toBeNull();
  });
});

describe('Popup', () => {
  it('shows the shortcuts as the browser binds them, and says when one is not set', async () => {
    const f = fakeApi({ page: PAGE });
    f.api.shortcuts = async () => ({
      'explain-selection': 'Ctrl+Shift+Y',
      'next-term': 'Alt+Shift+N',
      'previous-term': '',
    });
    el = mount(h(Popup, { api: f.api }));
    await vi.waitFor(() => expect($(el!, '[data-testid=ml-shortcuts]')).not.toBeNull());
    const row = (name: string) => text($(el!, `[data-command=${name}]`));
    expect(row('explain-selection')).toContain('Ctrl+Shift+Y');
    expect(row('explain-selection')).not.toContain('Alt+Shift+E');
    expect(row('next-term')).toContain('Alt+Shift+N');
    expect(row('previous-term')).toContain('not set');
  });

  it('shows counts for the current tab and switches the site off and on', async () => {
    const f = fakeApi({ page: PAGE });
    el = mount(h(Popup, { api: f.api }));
    await vi.waitFor(() =>
      expect(text($(el!, '[data-testid=ml-page-count]'))).toBe('2 terms found on this page (5 occurrences).'),
    );
    const sw = () => $(el!, '[role=switch]') as HTMLInputElement;
    await vi.waitFor(() => expect(sw().checked).toBe(true));
    expect(text($(el, '[data-testid=ml-site]'))).toContain('news.example.org');
    sw().click();
    // (the checkbox flips at once in the DOM; wait for the saved setting, then check it stayed off)
    await vi.waitFor(() => expect(f.settings.disabledSites).toEqual(['news.example.org']));
    await vi.waitFor(() => expect(sw().checked).toBe(false));
    // An operation on the stored lists, not a list computed from the popup's snapshot.
    expect(f.calls.filter((c) => c.type === 'settings').at(-1)).toEqual({
      type: 'settings',
      op: 'setSite',
      host: 'news.example.org',
      on: false,
    });
    sw().click();
    await vi.waitFor(() => expect(f.settings.disabledSites).toEqual([]));
    expect(sw().checked).toBe(true);
  });

  it('says "not available" when no content script answers (browser pages)', async () => {
    const f = fakeApi({ page: null });
    el = mount(h(Popup, { api: f.api }));
    await vi.waitFor(() =>
      expect(text($(el!, '[data-testid=ml-site]'))).toBe('Migration Lens is not available on this page.'),
    );
    expect($(el, '[role=switch]')).toBeNull();
    expect($(el, '[data-testid=ml-page-count]')).toBeNull();
  });

  it('no tab at all is "not available" too; the switch is disabled when the extension is off', async () => {
    const f = fakeApi({ tabId: null });
    el = mount(h(Popup, { api: f.api }));
    await vi.waitFor(() => expect(text($(el!, '[data-testid=ml-site]'))).toContain('not available'));
    unmount(el);
    const g = fakeApi({ page: { ...PAGE, active: false }, settings: { enabled: false } });
    el = mount(h(Popup, { api: g.api }));
    await vi.waitFor(() => expect(($(el!, '[role=switch]') as HTMLInputElement | null)?.disabled).toBe(true));
    expect(text(el)).toContain('switched off everywhere');
    expect(text($(el, '[data-testid=ml-page-count]'))).toBe('Switched off on this site.');
  });

  it('prefills the search from ?q= and opens the demo page', async () => {
    const f = fakeApi({
      page: PAGE,
      handlers: { facets: () => ({ documents: [], agencies: [], sections: [] }), search: () => [] },
    });
    el = mount(h(Popup, { api: f.api, initialQuery: 'GFMD' }));
    expect(($(el, '#ml-q') as HTMLInputElement).value).toBe('GFMD');
    await vi.waitFor(() => expect(f.calls.some((c) => c.type === 'search' && c.query === 'GFMD')).toBe(true));
    buttonByText(el, 'Open the demo page').click();
    expect(f.api.openDemo).toHaveBeenCalledOnce();
    // No side-panel API in this fake: no button for it.
    expect(text(el)).not.toContain('side panel');
  });

  it('offers the side panel for the target tab when the browser has one', async () => {
    const f = fakeApi({ page: PAGE, tabId: 42 });
    const open = vi.fn();
    f.api.openSidePanel = open;
    el = mount(h(Popup, { api: f.api }));
    await vi.waitFor(() => buttonByText(el!, 'List the terms in the side panel').click());
    expect(open).toHaveBeenCalledWith(42);
  });
});
