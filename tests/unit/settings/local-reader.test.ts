import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localSettingsReader, readLocal, watchLocal } from '@/lib/settings/local-reader';
import { SETTINGS_VERSION, defaultSettings, type Settings } from '@/lib/settings/schema';
import { SETTINGS_KEY, createSettingsStore } from '@/lib/settings/store';

describe('the content script reads settings without the WXT storage layer', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads what the background store wrote, under the same key', async () => {
    const writer = createSettingsStore();
    const next: Settings = { ...defaultSettings(), theme: 'dark', knownTerms: ['iom'] };
    await writer.put(next);
    expect(SETTINGS_KEY).toBe('local:settings');
    expect(await localSettingsReader().get()).toEqual(next);
  });

  it('gives the defaults when nothing is stored, and repairs a stored value of an older or broken shape', async () => {
    expect(await localSettingsReader().get()).toEqual(defaultSettings());
    await fakeBrowser.storage.local.set({ settings: { theme: 'purple', hoverDelayMs: 500, knownTerms: 'x' } });
    const s = await localSettingsReader().get();
    expect(s.theme).toBe(defaultSettings().theme);
    expect(s.hoverDelayMs).toBe(500);
    expect(s.knownTerms).toEqual([]);
  });

  it('never runs the migrations (the background, the one writer, does): nothing is written by reading', async () => {
    await fakeBrowser.storage.local.set({ settings: { enabled: false } });
    await localSettingsReader().get();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ settings: { enabled: false } });
    expect(SETTINGS_VERSION).toBeGreaterThan(0);
  });

  it('sees changes the background store makes, until unwatched', async () => {
    const seen: Settings[] = [];
    const unwatch = localSettingsReader().watch((s) => seen.push(s));
    const writer = createSettingsStore();
    await writer.put({ ...defaultSettings(), trainerMode: true });
    await vi_waitFor(() => seen.length === 1);
    expect(seen[0]?.trainerMode).toBe(true);
    unwatch();
    await writer.put({ ...defaultSettings(), trainerMode: false });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toHaveLength(1);
  });

  it('watches one key of the local area only', async () => {
    const seen: unknown[] = [];
    const unwatch = watchLocal('glossaryVersion', (v) => seen.push(v));
    await fakeBrowser.storage.local.set({ other: 1 });
    await fakeBrowser.storage.sync.set({ glossaryVersion: 'sync-area' });
    await fakeBrowser.storage.local.set({ glossaryVersion: 'h:1' });
    await vi_waitFor(() => seen.length > 0);
    expect(seen).toEqual(['h:1']);
    expect(await readLocal('glossaryVersion')).toBe('h:1');
    unwatch();
  });
});

async function vi_waitFor(ok: () => boolean, ms = 1000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
