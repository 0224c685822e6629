/**
 * User settings: shape, defaults, validation and migrations. Pure (no browser APIs) so the
 * protocol can validate a settings operation on receipt and tests run without storage.
 */
import { CATEGORIES, type Category } from '../glossary/types';
import { isTermId } from '../glossary/id';
import { LANGUAGE_SETTINGS, type LanguageSetting } from '../i18n/lang';
import { UNDERLINE_MODES, type UnderlineMode } from '../scan/underline';

export type { UnderlineMode };

export type Theme = 'auto' | 'light' | 'dark';
export type TextSize = 'normal' | 'large' | 'x-large';
/** 'all': run everywhere except `disabledSites`; 'allow-list': run only on `allowedSites`. */
export type SiteMode = 'all' | 'allow-list';

export interface Settings {
  enabled: boolean;
  siteMode: SiteMode;
  /** Hostnames ("example.org" also covers its subdomains). */
  disabledSites: string[];
  allowedSites: string[];
  /** Per category: underline every occurrence, the first on the page only, or off (not recognised). */
  categories: Record<Category, UnderlineMode>;
  hoverDelayMs: number;
  /** Glossary ids the reader marked "I know this one" (not highlighted any more). */
  knownTerms: string[];
  theme: Theme;
  textSize: TextSize;
  trainerMode: boolean;
  /** Redirect top-level navigations to .pdf URLs into the extension's reader (needs host access). */
  openPdfLinksInReader: boolean;
  /** Interface language: the browser's ('auto') or one the reader chose (lib/i18n/lang.ts). */
  language: LanguageSetting;
}

/** Bump together with a new entry in SETTINGS_MIGRATIONS. */
export const SETTINGS_VERSION = 2;
export const HOVER_DELAY = { min: 0, max: 2000, default: 350 } as const;
export const MAX_LIST = 1000;
const THEMES: readonly Theme[] = ['auto', 'light', 'dark'];
const TEXT_SIZES: readonly TextSize[] = ['normal', 'large', 'x-large'];
const SITE_MODES: readonly SiteMode[] = ['all', 'allow-list'];

/**
 * Restraint by default (issue #16): names (agencies, bodies, instruments…) at every occurrence, general
 * concepts (refugees, remittances, diaspora…) at their first occurrence on the page only.
 */
export function defaultUnderline(c: Category): UnderlineMode {
  return c === 'concept' ? 'first' : 'every';
}

export function defaultSettings(): Settings {
  return {
    enabled: true,
    siteMode: 'all',
    disabledSites: [],
    allowedSites: [],
    categories: Object.fromEntries(CATEGORIES.map((c) => [c, defaultUnderline(c)])) as Record<Category, UnderlineMode>,
    hoverDelayMs: HOVER_DELAY.default,
    knownTerms: [],
    theme: 'auto',
    textSize: 'normal',
    trainerMode: false,
    openPdfLinksInReader: false,
    language: 'auto',
  };
}

/**
 * Version 1 (the first vertical slice) stored `{ enabled, hoverDelay, disabledSites, largeText, theme }`
 * with `hoverDelay` in ms and a boolean `largeText`. v2 renames/extends; unknown old keys are dropped.
 */
export const SETTINGS_MIGRATIONS: Record<number, (old: unknown) => unknown> = {
  2: (old: unknown) => {
    const o: Record<string, unknown> = old && typeof old === 'object' ? (old as Record<string, unknown>) : {};
    const d = defaultSettings();
    return normaliseSettings({
      ...d,
      enabled: o.enabled,
      disabledSites: o.disabledSites,
      hoverDelayMs: o.hoverDelay,
      theme: o.theme,
      textSize: o.largeText === true ? 'large' : 'normal',
    });
  },
};

export type SettingsPatch = Partial<Settings>;

const SITE_RE = /^(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::\d+)?$/;

/** Lower-cases, strips scheme/path, rejects garbage. Accepts "https://www.x.org/a" → "www.x.org". */
export function normaliseSite(input: string): string | null {
  let s = input.trim().toLowerCase();
  s = s
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/^\*\./, '');
  return SITE_RE.test(s) ? s : null;
}

function list(v: unknown, field: string, norm: (s: string) => string | null): string[] {
  if (!Array.isArray(v)) throw new Error(`settings.${field} must be an array of strings`);
  if (v.length > MAX_LIST) throw new Error(`settings.${field} has ${v.length} items; maximum is ${MAX_LIST}`);
  const out = new Set<string>();
  v.forEach((x, i) => {
    const n = typeof x === 'string' ? norm(x) : null;
    if (n === null) throw new Error(`settings.${field}[${i}] is not valid: ${JSON.stringify(x)?.slice(0, 80)}`);
    out.add(n);
  });
  return [...out];
}

/**
 * Validates a patch: wrong types are errors (clear message naming the field), numbers are clamped,
 * lists normalised and de-duplicated. Unknown keys are errors so typos don't vanish silently.
 */
export function validateSettingsPatch(patch: unknown): { patch: SettingsPatch } | { error: string } {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return { error: 'settings patch must be an object' };
  const p = patch as Record<string, unknown>;
  const out: SettingsPatch = {};
  try {
    for (const [k, v] of Object.entries(p)) {
      switch (k) {
        case 'enabled':
        case 'trainerMode':
        case 'openPdfLinksInReader':
          if (typeof v !== 'boolean') throw new Error(`settings.${k} must be true or false`);
          out[k] = v;
          break;
        case 'siteMode':
          out.siteMode = oneOf(v, SITE_MODES, k);
          break;
        case 'theme':
          out.theme = oneOf(v, THEMES, k);
          break;
        case 'textSize':
          out.textSize = oneOf(v, TEXT_SIZES, k);
          break;
        case 'language':
          out.language = oneOf(v, LANGUAGE_SETTINGS, k);
          break;
        case 'hoverDelayMs': {
          const n = typeof v === 'number' ? v : NaN;
          if (!Number.isFinite(n)) throw new Error('settings.hoverDelayMs must be a number (milliseconds)');
          out.hoverDelayMs = Math.round(Math.min(HOVER_DELAY.max, Math.max(HOVER_DELAY.min, n)));
          break;
        }
        case 'disabledSites':
        case 'allowedSites':
          out[k] = list(v, k, normaliseSite);
          break;
        case 'knownTerms':
          out.knownTerms = list(v, k, (s) => (isTermId(s) ? s : null));
          break;
        case 'categories': {
          if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('settings.categories must be an object');
          const cats: Partial<Record<Category, UnderlineMode>> = {};
          for (const [c, mode] of Object.entries(v)) {
            if (!(CATEGORIES as readonly string[]).includes(c))
              throw new Error(`settings.categories: unknown category "${c}"`);
            // Settings before issue #16 stored on/off: on is the category's default, off stays off.
            if (typeof mode === 'boolean') cats[c as Category] = mode ? defaultUnderline(c as Category) : 'off';
            else cats[c as Category] = oneOf(mode, UNDERLINE_MODES, `categories.${c}`);
          }
          out.categories = cats as Record<Category, UnderlineMode>; // merged with the current value in applyPatch
          break;
        }
        default:
          throw new Error(`settings: unknown field "${k.slice(0, 40)}"`);
      }
    }
  } catch (e) {
    return { error: (e as Error).message };
  }
  return { patch: out };
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], field: string): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v))
    throw new Error(`settings.${field} must be one of ${allowed.join(', ')}`);
  return v as T;
}

/** Applies a validated patch; `categories` merges key by key. */
export function applyPatch(current: Settings, patch: SettingsPatch): Settings {
  const next = { ...current, ...patch };
  if (patch.categories) next.categories = { ...current.categories, ...patch.categories };
  return next;
}

/**
 * Repairs any stored value (hand-edited, older build, partial) into a full valid Settings:
 * each invalid field falls back to its default instead of failing the whole object.
 */
export function normaliseSettings(raw: unknown): Settings {
  let s = defaultSettings();
  if (!raw || typeof raw !== 'object') return s;
  for (const [k, v] of Object.entries(raw)) {
    if (v === undefined) continue;
    const r = validateSettingsPatch({ [k]: v });
    if ('patch' in r) s = applyPatch(s, r.patch);
  }
  return s;
}

/** Whether a site-list entry applies to a hostname: "example.org" also covers its subdomains. */
export function covers(site: string, hostname: string): boolean {
  return hostname === site || hostname.endsWith(`.${site}`);
}

/** Whether highlighting runs on a page of this hostname. */
export function isActiveOn(s: Settings, hostname: string): boolean {
  if (!s.enabled) return false;
  const h = hostname.toLowerCase();
  const on = (site: string) => covers(site, h);
  if (s.disabledSites.some(on)) return false;
  return s.siteMode === 'all' || s.allowedSites.some(on);
}

/** Hostname of a page URL if the extension can run there (http/https pages), else null. */
export function siteOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    // hostname, not host: isActiveOn compares against location.hostname (no port).
    return normaliseSite(u.hostname);
  } catch {
    return null;
  }
}
