import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IDBFactory } from 'fake-indexeddb';
import {
  SETTINGS_VERSION,
  defaultSettings,
  isActiveOn,
  normaliseSettings,
  validateSettingsPatch,
  type Settings,
} from '@/lib/settings/schema';
import { SETTINGS_KEY, createSettingsStore } from '@/lib/settings/store';
import { createBackground } from '@/lib/background/handler';
import { loader, makePackage } from './fixtures';

const area = () => fakeBrowser.storage.local;
const key = SETTINGS_KEY.replace('local:', '');

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('defaults: enabled, 350 ms hover delay, all categories on', async () => {
    const s = await createSettingsStore().get();
    expect(s).toEqual(defaultSettings());
    expect(s.hoverDelayMs).toBe(350);
    expect(Object.values(s.categories).every(Boolean)).toBe(true);
  });

  it('migrates a v1 value to the current version', async () => {
    await area().set({
      [key]: {
        enabled: false,
        hoverDelay: 600,
        disabledSites: ['News.Example.org'],
        largeText: true,
        theme: 'dark',
        obsolete: 1,
      },
      [`${key}$`]: { v: 1 },
    });
    const store = createSettingsStore();
    const s = await store.get();
    expect(s).toMatchObject({
      enabled: false,
      hoverDelayMs: 600,
      disabledSites: ['news.example.org'],
      textSize: 'large',
      theme: 'dark',
      trainerMode: false,
    });
    expect(s).not.toHaveProperty('obsolete');
    const raw = await area().get([key, `${key}$`]);
    expect(raw[`${key}$`]).toEqual({ v: SETTINGS_VERSION });
    expect(raw[key]).toMatchObject({ hoverDelayMs: 600 });
  });

  it('validates and clamps on set; rejects bad types with a clear message', async () => {
    const store = createSettingsStore();
    expect((await store.set({ hoverDelayMs: 99999 })).hoverDelayMs).toBe(2000);
    expect((await store.set({ hoverDelayMs: -5 })).hoverDelayMs).toBe(0);
    await expect(store.set({ theme: 'neon' })).rejects.toThrow('settings.theme must be one of auto, light, dark');
    await expect(store.set({ disabledSites: ['not a host!'] })).rejects.toThrow(/disabledSites\[0\] is not valid/);
    const s = await store.set({
      categories: { concept: false },
      knownTerms: ['iom', 'iom'],
      allowedSites: ['https://WWW.un.org/en/x'],
    });
    expect(s.categories.concept).toBe(false);
    expect(s.categories.agency).toBe(true);
    expect(s.knownTerms).toEqual(['iom']);
    expect(s.allowedSites).toEqual(['www.un.org']);
    expect((await store.get()).hoverDelayMs).toBe(0);
  });

  it('repairs a hand-edited stored value field by field', () => {
    expect(normaliseSettings({ theme: 'neon', hoverDelayMs: 100, enabled: 'yes' })).toEqual({
      ...defaultSettings(),
      hoverDelayMs: 100,
    });
    expect('error' in validateSettingsPatch('x')).toBe(true);
  });

  it('changes reach watchers (content scripts) without reload', async () => {
    const a = createSettingsStore();
    const seen: Settings[] = [];
    const unwatch = createSettingsStore().watch((s) => seen.push(s));
    await a.set({ trainerMode: true });
    await new Promise((r) => setTimeout(r, 0));
    expect(seen.at(-1)?.trainerMode).toBe(true);
    unwatch();
  });

  it('site rules: disable list wins; allow-list mode only runs on listed sites and subdomains', () => {
    const s = { ...defaultSettings(), disabledSites: ['bank.example'], allowedSites: ['un.org'] };
    expect(isActiveOn(s, 'bank.example')).toBe(false);
    expect(isActiveOn(s, 'news.site')).toBe(true);
    const allow = { ...s, siteMode: 'allow-list' as const };
    expect(isActiveOn(allow, 'www.un.org')).toBe(true);
    expect(isActiveOn(allow, 'news.site')).toBe(false);
    expect(isActiveOn({ ...s, enabled: false }, 'www.un.org')).toBe(false);
  });

  it('settings messages go through the background with the WXT store', async () => {
    const b = createBackground({
      idb: new IDBFactory(),
      loadPackage: loader(makePackage()).load,
      storage: createSettingsStore(),
    });
    const r = await b.handleMessage({ type: 'settings', op: 'set', patch: { textSize: 'x-large' } });
    expect(r.ok && (r.data as Settings).textSize).toBe('x-large');
    const g = await b.handleMessage({ type: 'settings', op: 'get' });
    expect(g.ok && (g.data as Settings).textSize).toBe('x-large');
  });
});
