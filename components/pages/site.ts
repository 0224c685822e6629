/** Per-site switch logic (pure): what settings patch turns the extension on/off for one hostname. */
import { isActiveOn, normaliseSite, type Settings, type SettingsPatch } from '@/lib/settings/schema';

/** Hostname of a page URL if the extension can run there (http/https/file pages), else null. */
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

const covers = (site: string, host: string) => host === site || host.endsWith(`.${site}`);

export function siteToggle(s: Settings, host: string, on: boolean): SettingsPatch {
  // Remove every entry covering the host (a parent domain too): otherwise switching on would not stick.
  const disabled = s.disabledSites.filter((d) => !covers(d, host));
  if (on) {
    const patch: SettingsPatch = { disabledSites: disabled };
    if (s.siteMode === 'allow-list' && !s.allowedSites.some((a) => covers(a, host)))
      patch.allowedSites = [...s.allowedSites, host];
    return patch;
  }
  return s.siteMode === 'allow-list'
    ? { allowedSites: s.allowedSites.filter((a) => !covers(a, host)), disabledSites: disabled }
    : { disabledSites: [...disabled, host] };
}

export { isActiveOn };
