import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IDBFactory } from 'fake-indexeddb';
import { createBackground } from '@/lib/background/handler';
import { PDF_MENU_ID, isPdfMenuClick, openPdfLink, syncPdfRedirect } from '@/lib/background/pdf-ways';
import { PDF_REDIRECT_ORIGINS, PDF_RULE_IDS } from '@/lib/pdf/redirect';
import { createSettingsStore } from '@/lib/settings/store';
import type { Settings } from '@/lib/settings/schema';
import { loader, makePackage } from './fixtures';

type Update = {
  removeRuleIds: number[];
  addRules: { action: { type: string; redirect?: { regexSubstitution: string } } }[];
};

function stubBrowser(granted: boolean) {
  const updates: Update[] = [];
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => granted);
  const request = vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async () => granted);
  vi.spyOn(fakeBrowser.declarativeNetRequest, 'updateDynamicRules').mockImplementation((async (u: Update) => {
    updates.push(u);
  }) as never);
  const created: { url?: string; index?: number; openerTabId?: number }[] = [];
  vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation((async (p: (typeof created)[number]) => {
    created.push(p);
    return { id: 99 };
  }) as never);
  return { updates, created, request };
}

describe('PDF ways in the background', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('option on with host access granted: both rules, redirecting into this extension’s reader', async () => {
    const b = stubBrowser(true);
    expect(await syncPdfRedirect(true)).toBe(true);
    expect(b.updates).toHaveLength(1);
    expect(b.updates[0]!.removeRuleIds).toEqual(PDF_RULE_IDS);
    const [redirect, allow] = b.updates[0]!.addRules;
    expect(redirect!.action.redirect!.regexSubstitution).toBe(
      `${browser.runtime.getURL('/reader.html' as '/')}?file=\\0`,
    );
    expect(allow!.action.type).toBe('allow');
    expect(fakeBrowser.permissions.contains).toHaveBeenCalledWith({ origins: PDF_REDIRECT_ORIGINS });
  });

  it('option on without host access, or off: the rules are removed, none added', async () => {
    const b = stubBrowser(false);
    expect(await syncPdfRedirect(true)).toBe(false);
    stubBrowser(true);
    expect(await syncPdfRedirect(false)).toBe(false);
    expect(b.updates.map((u) => u.addRules.length)).toEqual([0]);
    // The second stub has its own list: the last update also removed both rules and added none.
    expect(vi.mocked(fakeBrowser.declarativeNetRequest.updateDynamicRules).mock.lastCall?.[0]).toEqual({
      removeRuleIds: PDF_RULE_IDS,
      addRules: [],
    });
  });

  it('the link menu item opens the reader next to the tab, asking for the link’s origin first', async () => {
    const b = stubBrowser(true);
    const url = await openPdfLink('http://127.0.0.1:4000/gen/brief.pdf#page=5', { id: 3, index: 1 });
    expect(b.request).toHaveBeenCalledWith({ origins: ['http://127.0.0.1:4000/*'] });
    expect(url).toBe(
      browser.runtime.getURL(
        `/reader.html?file=${encodeURIComponent('http://127.0.0.1:4000/gen/brief.pdf')}#page=5` as '/',
      ),
    );
    expect(b.created).toEqual([{ url, index: 2, openerTabId: 3 }]);
  });

  it('the reader opens even when the access request is refused or impossible (no user action)', async () => {
    const b = stubBrowser(false);
    b.request.mockImplementation(async () => {
      throw new Error('This function must be called during a user gesture');
    });
    expect(await openPdfLink('https://example.org/a.pdf')).toContain('/reader.html?file=');
    expect(b.created).toHaveLength(1);
    expect(await openPdfLink('javascript:alert(1)')).toBeNull();
    expect(b.created).toHaveLength(1);
  });

  it('only our item on a real PDF link counts as a menu click', () => {
    expect(isPdfMenuClick({ menuItemId: PDF_MENU_ID, linkUrl: 'https://example.org/a.pdf?x=1' })).toBe(true);
    expect(isPdfMenuClick({ menuItemId: PDF_MENU_ID, linkUrl: 'https://example.org/a.html' })).toBe(false);
    expect(isPdfMenuClick({ menuItemId: 'other', linkUrl: 'https://example.org/a.pdf' })).toBe(false);
    expect(isPdfMenuClick({ menuItemId: PDF_MENU_ID })).toBe(false);
  });

  it('the settings writer runs its effect after storing, before answering', async () => {
    const seen: [boolean, boolean][] = [];
    const bg = createBackground({
      idb: new IDBFactory(),
      loadPackage: loader(makePackage()).load,
      storage: createSettingsStore(),
      onSettingsChanged: async (next: Settings, prev: Settings) => {
        seen.push([prev.openPdfLinksInReader, next.openPdfLinksInReader]);
      },
    });
    const r = await bg.handleMessage({ type: 'settings', op: 'patch', patch: { openPdfLinksInReader: true } });
    expect(r.ok).toBe(true);
    expect(seen).toEqual([[false, true]]);
    expect((await createSettingsStore().get()).openPdfLinksInReader).toBe(true);
    const bad = await bg.handleMessage({ type: 'settings', op: 'patch', patch: { openPdfLinksInReader: 'yes' } });
    expect(bad.ok).toBe(false);
    expect(seen).toHaveLength(1);
  });
});
