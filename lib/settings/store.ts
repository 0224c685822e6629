/**
 * Settings persisted with WXT storage (browser.storage.local), versioned with migrations.
 * Works in every context: the background answers `settings` messages with it, extension pages may
 * use it directly, and content scripts `watch` it so changes reach open tabs without a reload.
 */
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import {
  SETTINGS_MIGRATIONS,
  SETTINGS_VERSION,
  applyPatch,
  defaultSettings,
  normaliseSettings,
  validateSettingsPatch,
  type Settings,
} from './schema';

export const SETTINGS_KEY = 'local:settings' as const;

export interface SettingsStore {
  item: WxtStorageItem<Settings, Record<string, never>>;
  get(): Promise<Settings>;
  /** Validates and clamps; throws Error with a clear message on invalid input. Returns the stored value. */
  set(patch: unknown): Promise<Settings>;
  /** Calls `cb` with the repaired value on every change (any context). Returns the unwatch function. */
  watch(cb: (next: Settings) => void): () => void;
}

/**
 * Defining the item runs pending migrations, so this is a factory: tests seed storage first, then
 * create the store. Production code uses `settingsStore()` (one per JS context).
 */
export function createSettingsStore(): SettingsStore {
  const item = storage.defineItem<Settings>(SETTINGS_KEY, {
    fallback: defaultSettings(),
    version: SETTINGS_VERSION,
    migrations: SETTINGS_MIGRATIONS,
  });
  // Serialise read-modify-write so two quick toggles from the popup don't lose one of them.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    item,
    // normalise on read too: storage may hold a value written by an older build or by hand.
    get: async () => normaliseSettings(await item.getValue()),
    set(patch) {
      const run = queue.then(async () => {
        const r = validateSettingsPatch(patch);
        if ('error' in r) throw new Error(r.error);
        const next = applyPatch(normaliseSettings(await item.getValue()), r.patch);
        await item.setValue(next);
        return next;
      });
      queue = run.catch(() => undefined);
      return run;
    },
    watch: (cb) => item.watch((v) => cb(normaliseSettings(v))),
  };
}

let shared: SettingsStore | undefined;
/** The per-context store (lazily created so importing this module has no side effects). */
export function settingsStore(): SettingsStore {
  return (shared ??= createSettingsStore());
}
