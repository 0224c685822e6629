/**
 * Settings changes as operations. Every context (content script, popup, options) sends one of these to
 * the background, which applies it to the settings as stored at that moment, one at a time. A context
 * never sends a whole list computed from its own snapshot: two quick changes from two contexts would
 * then overwrite each other.
 */
import { MAX_LIST, applyPatch, covers, normaliseSite, validateSettingsPatch, type Settings } from './schema';

/** Fields a `patch` may set: each is replaced as a whole value (categories merge key by key). */
export const SCALAR_FIELDS = [
  'enabled',
  'siteMode',
  'theme',
  'textSize',
  'hoverDelayMs',
  'trainerMode',
  'openPdfLinksInReader',
  'categories',
  'language',
] as const;
export type ScalarField = (typeof SCALAR_FIELDS)[number];
export type ScalarPatch = Partial<Pick<Settings, ScalarField>>;
export type SiteListName = 'disabledSites' | 'allowedSites';

export type SettingsOp =
  | { op: 'patch'; patch: ScalarPatch }
  /** Mark a glossary entry as known; `at` puts it back at its old place (Undo in the options list). */
  | { op: 'knowTerm'; termId: string; at?: number }
  | { op: 'unknowTerm'; termId: string }
  /** The per-site switch: on/off for this hostname, whatever entry (a parent domain too) covers it. */
  | { op: 'setSite'; host: string; on: boolean }
  /** Add or remove one hostname in an editable site list (options page). */
  | { op: 'siteList'; list: SiteListName; site: string; add: boolean };

export const SETTINGS_OPS = ['patch', 'knowTerm', 'unknowTerm', 'setSite', 'siteList'] as const;

const SITE_LISTS: readonly SiteListName[] = ['disabledSites', 'allowedSites'];

function only(m: Record<string, unknown>, allowed: string[]): string | null {
  const extra = Object.keys(m).find((k) => k !== 'type' && k !== 'op' && !allowed.includes(k));
  return extra ? `settings.${String(m.op)}: unexpected field "${extra.slice(0, 40)}"` : null;
}

function site(v: unknown, what: string): string | { error: string } {
  const s = typeof v === 'string' && v.length <= 300 ? normaliseSite(v) : null;
  return s ?? { error: `settings.${what}: ${JSON.stringify(v)?.slice(0, 80)} is not a hostname` };
}

/** Validates an untrusted operation (the fields next to `op` in a `settings` message). */
export function parseSettingsOp(m: Record<string, unknown>): { op: SettingsOp } | { error: string } {
  let e: string | null;
  switch (m.op) {
    case 'patch': {
      if ((e = only(m, ['patch']))) return { error: e };
      const p = m.patch;
      if (p && typeof p === 'object' && !Array.isArray(p)) {
        const list = Object.keys(p).find((k) => ['knownTerms', 'disabledSites', 'allowedSites'].includes(k));
        if (list) return { error: `settings.patch: "${list}" changes one item at a time (knowTerm, siteList…)` };
      }
      const r = validateSettingsPatch(p);
      return 'error' in r ? r : { op: { op: 'patch', patch: r.patch as ScalarPatch } };
    }
    case 'knowTerm':
    case 'unknowTerm': {
      if ((e = only(m, m.op === 'knowTerm' ? ['termId', 'at'] : ['termId']))) return { error: e };
      // The stored list's own rule decides what a glossary id is.
      if (
        typeof m.termId !== 'string' ||
        m.termId.length > 200 ||
        'error' in validateSettingsPatch({ knownTerms: [m.termId] })
      )
        return { error: `settings.${m.op}: termId must be a glossary id` };
      if (m.op === 'unknowTerm') return { op: { op: 'unknowTerm', termId: m.termId } };
      if (m.at !== undefined && !(typeof m.at === 'number' && Number.isInteger(m.at) && m.at >= 0))
        return { error: 'settings.knowTerm: at must be a whole number ≥ 0' };
      return { op: { op: 'knowTerm', termId: m.termId, ...(m.at === undefined ? {} : { at: m.at }) } };
    }
    case 'setSite': {
      if ((e = only(m, ['host', 'on']))) return { error: e };
      const host = site(m.host, 'setSite');
      if (typeof host !== 'string') return host;
      if (typeof m.on !== 'boolean') return { error: 'settings.setSite: on must be true or false' };
      return { op: { op: 'setSite', host, on: m.on } };
    }
    case 'siteList': {
      if ((e = only(m, ['list', 'site', 'add']))) return { error: e };
      if (!SITE_LISTS.includes(m.list as SiteListName))
        return { error: `settings.siteList: list must be one of ${SITE_LISTS.join(', ')}` };
      const s = site(m.site, 'siteList');
      if (typeof s !== 'string') return s;
      if (typeof m.add !== 'boolean') return { error: 'settings.siteList: add must be true or false' };
      return { op: { op: 'siteList', list: m.list as SiteListName, site: s, add: m.add } };
    }
    default:
      return { error: `settings: op must be "get" or one of ${SETTINGS_OPS.join(', ')}` };
  }
}

function withItem(list: string[], item: string, field: string, at?: number): string[] {
  if (list.includes(item)) return list;
  if (list.length >= MAX_LIST) throw new Error(`settings.${field} already has ${MAX_LIST} items; remove some first`);
  const next = [...list];
  next.splice(at === undefined ? next.length : Math.min(at, next.length), 0, item);
  return next;
}

/** The per-site switch as a change of the site lists (only the lists that change). */
export function siteToggle(s: Settings, host: string, on: boolean): Partial<Pick<Settings, SiteListName>> {
  // Remove every entry covering the host (a parent domain too): otherwise switching on would not stick.
  const disabledSites = s.disabledSites.filter((d) => !covers(d, host));
  if (on) {
    const change: Partial<Pick<Settings, SiteListName>> = { disabledSites };
    if (s.siteMode === 'allow-list' && !s.allowedSites.some((a) => covers(a, host)))
      change.allowedSites = withItem(s.allowedSites, host, 'allowedSites');
    return change;
  }
  return s.siteMode === 'allow-list'
    ? { allowedSites: s.allowedSites.filter((a) => !covers(a, host)), disabledSites }
    : { disabledSites: withItem(disabledSites, host, 'disabledSites') };
}

/** Applies a validated operation to the current settings. Throws Error with a clear message when it cannot. */
export function applySettingsOp(s: Settings, o: SettingsOp): Settings {
  switch (o.op) {
    case 'patch':
      return applyPatch(s, o.patch);
    case 'knowTerm':
      return { ...s, knownTerms: withItem(s.knownTerms, o.termId, 'knownTerms', o.at) };
    case 'unknowTerm':
      return { ...s, knownTerms: s.knownTerms.filter((k) => k !== o.termId) };
    case 'setSite':
      return { ...s, ...siteToggle(s, o.host, o.on) };
    case 'siteList':
      return {
        ...s,
        [o.list]: o.add ? withItem(s[o.list], o.site, o.list) : s[o.list].filter((x) => x !== o.site),
      };
  }
}
