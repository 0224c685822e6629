/**
 * Settings persisted with WXT storage (browser.storage.local), versioned with migrations.
 * Every context reads and watches them (content scripts restart their scan on a change, without a
 * reload); only the background writes them, applying the operations of lib/settings/ops one at a time
 * (see lib/background/handler.ts), so quick changes from two contexts cannot overwrite each other.
 */
import { storage } from 'wxt/utils/storage';
import { SETTINGS_LOCAL_KEY } from './local-reader';
import { SETTINGS_MIGRATIONS, SETTINGS_VERSION, defaultSettings, normaliseSettings, type Settings } from './schema';

export const SETTINGS_KEY = `local:${SETTINGS_LOCAL_KEY}` as const;

/** What every context may do with the settings. */
export interface SettingsReader {
  get(): Promise<Settings>;
  /** Calls `cb` with the repaired value on every change (any context). Returns the unwatch function. */
  watch(cb: (next: Settings) => void): () => void;
}

/** The background's access: it alone writes, and only values it built from the stored ones. */
export interface SettingsStore extends SettingsReader {
  put(next: Settings): Promise<void>;
}

/**
 * Defining the item runs pending migrations, so this is a factory: tests seed storage first, then
 * create the store. Production code uses `settingsStore()` (one per JS context) to read.
 */
export function createSettingsStore(): SettingsStore {
  const item = storage.defineItem<Settings>(SETTINGS_KEY, {
    fallback: defaultSettings(),
    version: SETTINGS_VERSION,
    migrations: SETTINGS_MIGRATIONS,
  });
  return {
    // normalise on read too: storage may hold a value written by an older build or by hand.
    get: async () => normaliseSettings(await item.getValue()),
    put: (next) => item.setValue(next),
    watch: (cb) => item.watch((v) => cb(normaliseSettings(v))),
  };
}

let shared: SettingsReader | undefined;
/** The per-context reader (lazily created so importing this module has no side effects). */
export function settingsStore(): SettingsReader {
  return (shared ??= createSettingsStore());
}
