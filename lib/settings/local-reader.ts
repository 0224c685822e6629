/**
 * Read-only access to storage.local for a context that never writes (the content script). It talks to
 * `browser.storage` directly instead of through WXT's storage layer, which the content bundle would
 * otherwise carry only to read two keys; and, reading only, it never runs the settings migrations —
 * the background, the one writer, migrates on its first wake, and normaliseSettings() repairs any
 * older shape read before that.
 */
import { normaliseSettings } from './schema';
import type { SettingsReader } from './store';

/** storage.local key of the settings (WXT's SETTINGS_KEY, 'local:settings', is this key in the local area). */
export const SETTINGS_LOCAL_KEY = 'settings';

/** The value stored under `key` in storage.local (WXT's `local:key` items live under the bare key). */
export async function readLocal(key: string): Promise<unknown> {
  return (await browser.storage.local.get(key))[key];
}

/** Calls `cb` with the new value whenever another context changes `key` in storage.local. */
export function watchLocal(key: string, cb: (value: unknown) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = area === 'local' ? changes[key] : undefined;
    if (change) cb(change.newValue);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export function localSettingsReader(): SettingsReader {
  return {
    get: async () => normaliseSettings(await readLocal(SETTINGS_LOCAL_KEY)),
    watch: (cb) => watchLocal(SETTINGS_LOCAL_KEY, (v) => cb(normaliseSettings(v))),
  };
}
