/** The popup's per-site switch: which hostname a tab shows. Switching is the background's `setSite` operation. */
import { isActiveOn, normaliseSite } from '@/lib/settings/schema';

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

export { isActiveOn };
