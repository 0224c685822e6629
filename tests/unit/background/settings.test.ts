import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IDBFactory } from 'fake-indexeddb';
import { applySettingsOp } from '@/lib/settings/ops';
import {
  MAX_LIST,
  SETTINGS_VERSION,
  covers,
  defaultSettings,
  isActiveOn,
  normaliseSettings,
  validateSettingsPatch,
  type Settings,
} from '@/lib/settings/schema';
import { SETTINGS_KEY, createSettingsStore } from '@/lib/settings/store';
import { createBackground, type Background } from '@/lib/background/handler';
import { loader, makePackage } from './fixtures';

const area = () => fakeBrowser.storage.local;
const key = SETTINGS_KEY.replace('local:', '');

/** A background over the WXT store in fake storage (the settings' only writer). */
const bg = () =>
  createBackground({ idb: new IDBFactory(), loadPackage: loader(makePackage()).load, storage: createSettingsStore() });

/** Sends one operation as a context would; resolves to the settings after it, rejects with the error reply. */
async function change(b: Background, op: Record<string, unknown>): Promise<Settings> {
  const r = await b.handleMessage({ type: 'settings', ...op });
  if (!r.ok) throw new Error(r.error);
  return r.data as Settings;
}

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('defaults: enabled, 350 ms hover delay, names at every occurrence, concepts at the first', async () => {
    const s = await createSettingsStore().get();
    expect(s).toEqual(defaultSettings());
    expect(s.hoverDelayMs).toBe(350);
    const { concept, ...names } = s.categories;
    expect(concept).toBe('first');
    expect(new Set(Object.values(names))).toEqual(new Set(['every']));
  });

  it('reads the on/off categories stored before issue #16: on is the default mode, off stays off', async () => {
    await area().set({
      [key]: { ...defaultSettings(), categories: { concept: true, agency: false } },
      [`${key}$`]: { v: 2 },
    });
    const s = await createSettingsStore().get();
    expect(s.categories.concept).toBe('first');
    expect(s.categories.agency).toBe('off');
    expect(s.categories.instrument).toBe('every');
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

  it('validates and clamps each operation; rejects bad values with a clear message', async () => {
    const b = bg();
    expect((await change(b, { op: 'patch', patch: { hoverDelayMs: 99999 } })).hoverDelayMs).toBe(2000);
    expect((await change(b, { op: 'patch', patch: { hoverDelayMs: -5 } })).hoverDelayMs).toBe(0);
    await expect(change(b, { op: 'patch', patch: { theme: 'neon' } })).rejects.toThrow(
      'settings.theme must be one of auto, light, dark',
    );
    await expect(change(b, { op: 'siteList', list: 'disabledSites', site: 'not a host!', add: true })).rejects.toThrow(
      /is not a hostname/,
    );
    await expect(change(b, { op: 'patch', patch: { categories: { concept: 'some' } } })).rejects.toThrow(
      'settings.categories.concept must be one of every, first, off',
    );
    await change(b, { op: 'patch', patch: { categories: { concept: 'off', system: 'first' } } });
    await change(b, { op: 'knowTerm', termId: 'iom' });
    await change(b, { op: 'knowTerm', termId: 'iom' });
    const s = await change(b, { op: 'siteList', list: 'allowedSites', site: 'https://WWW.un.org/en/x', add: true });
    expect(s.categories.concept).toBe('off');
    expect(s.categories.system).toBe('first');
    expect(s.categories.agency).toBe('every');
    expect(s.knownTerms).toEqual(['iom']);
    expect(s.allowedSites).toEqual(['www.un.org']);
    expect((await createSettingsStore().get()).hoverDelayMs).toBe(0);
  });

  it('repairs a hand-edited stored value field by field', () => {
    expect(normaliseSettings({ theme: 'neon', hoverDelayMs: 100, enabled: 'yes' })).toEqual({
      ...defaultSettings(),
      hoverDelayMs: 100,
    });
    expect('error' in validateSettingsPatch('x')).toBe(true);
  });

  it('changes reach watchers (content scripts) without reload', async () => {
    const b = bg();
    const seen: Settings[] = [];
    const unwatch = createSettingsStore().watch((s) => seen.push(s));
    await change(b, { op: 'patch', patch: { trainerMode: true } });
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
    const r = await b.handleMessage({ type: 'settings', op: 'patch', patch: { textSize: 'x-large' } });
    expect(r.ok && (r.data as Settings).textSize).toBe('x-large');
    const g = await b.handleMessage({ type: 'settings', op: 'get' });
    expect(g.ok && (g.data as Settings).textSize).toBe('x-large');
  });
});

describe('settings operations (the background is the only writer)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('two clients sending interleaved operations without waiting lose none', async () => {
    const b = bg();
    // Two contexts (say a tab's card and the popup), each firing 20 changes back to back.
    const terms = Array.from({ length: 20 }, (_, i) => `term-${i}`);
    const sites = Array.from({ length: 20 }, (_, i) => `site${i}.example`);
    const card = terms.map((termId) => change(b, { op: 'knowTerm', termId }));
    const popup = sites.map((host) => change(b, { op: 'setSite', host, on: false }));
    const interleaved = terms.flatMap((_, i) => [card[i], popup[i]]);
    await Promise.all(interleaved);
    const s = await createSettingsStore().get();
    expect(s.knownTerms).toEqual(terms);
    expect(s.disabledSites).toEqual(sites);
  });

  it('a failed operation does not block the ones after it', async () => {
    const b = bg();
    const bad = change(b, { op: 'patch', patch: { theme: 'neon' } });
    const good = change(b, { op: 'knowTerm', termId: 'iom' });
    await expect(bad).rejects.toThrow(/theme/);
    expect((await good).knownTerms).toEqual(['iom']);
  });

  it('knowTerm appends or goes back to its place (Undo); unknowTerm removes; lists have a limit', () => {
    const s = { ...defaultSettings(), knownTerms: ['iom', 'ilo'] };
    expect(applySettingsOp(s, { op: 'knowTerm', termId: 'gfmd' }).knownTerms).toEqual(['iom', 'ilo', 'gfmd']);
    expect(applySettingsOp(s, { op: 'knowTerm', termId: 'gfmd', at: 1 }).knownTerms).toEqual(['iom', 'gfmd', 'ilo']);
    expect(applySettingsOp(s, { op: 'knowTerm', termId: 'gfmd', at: 99 }).knownTerms).toEqual(['iom', 'ilo', 'gfmd']);
    expect(applySettingsOp(s, { op: 'knowTerm', termId: 'ilo', at: 0 }).knownTerms).toEqual(['iom', 'ilo']);
    expect(applySettingsOp(s, { op: 'unknowTerm', termId: 'iom' }).knownTerms).toEqual(['ilo']);
    const full = { ...s, knownTerms: Array.from({ length: MAX_LIST }, (_, i) => `t-${i}`) };
    expect(() => applySettingsOp(full, { op: 'knowTerm', termId: 'iom' })).toThrow(/already has 1000 items/);
  });

  it('setSite switches a host through whatever entry covers it; siteList edits one entry', () => {
    const s = { ...defaultSettings(), disabledSites: ['example.org', 'other.net'] };
    const on = applySettingsOp(s, { op: 'setSite', host: 'news.example.org', on: true });
    expect(on.disabledSites).toEqual(['other.net']);
    expect(isActiveOn(on, 'news.example.org')).toBe(true);
    const off = applySettingsOp(on, { op: 'setSite', host: 'news.example.org', on: false });
    expect(isActiveOn(off, 'news.example.org')).toBe(false);
    expect(off.disabledSites).toEqual(['other.net', 'news.example.org']);
    const allow = { ...defaultSettings(), siteMode: 'allow-list' as const };
    const allowed = applySettingsOp(allow, { op: 'setSite', host: 'a.org', on: true });
    expect(allowed.allowedSites).toEqual(['a.org']);
    expect(isActiveOn(allowed, 'a.org')).toBe(true);
    const added = applySettingsOp(s, { op: 'siteList', list: 'allowedSites', site: 'un.org', add: true });
    expect(added.allowedSites).toEqual(['un.org']);
    expect(applySettingsOp(added, { op: 'siteList', list: 'disabledSites', site: 'example.org', add: false })).toEqual({
      ...added,
      disabledSites: ['other.net'],
    });
  });

  it('covers: a site entry covers itself and its subdomains only', () => {
    expect(covers('example.org', 'example.org')).toBe(true);
    expect(covers('example.org', 'a.b.example.org')).toBe(true);
    expect(covers('example.org', 'badexample.org')).toBe(false);
    expect(covers('news.example.org', 'example.org')).toBe(false);
  });
});
