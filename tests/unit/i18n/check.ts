/**
 * What the locale-completeness test checks in the message catalogues (public/_locales/<lang>/messages.json):
 * the same keys in every language, the same placeholders, no empty message, and the limits browsers set.
 */
import type { Catalogue } from '@/lib/i18n/catalogues';

export interface Problem {
  lang: string;
  key: string;
  what: string;
}

const used = (message: string) =>
  new Set([...message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase()));
const defined = (e: Catalogue[string]) => new Set(Object.keys(e.placeholders ?? {}).map((k) => k.toLowerCase()));
const same = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));
const list = (s: Set<string>) => [...s].sort().join(', ') || 'none';

/** Chrome's limit on the manifest description (https://developer.chrome.com/docs/extensions/reference/manifest/description). */
export const MAX_DESCRIPTION = 132;

/**
 * `catalogues` by language code, English ("en", the default locale) the reference. A `_one` plural form
 * may leave its count out ("Afficher sa recommandation" says "one" without the number); every other
 * message uses exactly the placeholders English uses.
 */
export function checkCatalogues(catalogues: Record<string, Catalogue>): Problem[] {
  const en = catalogues.en;
  if (!en) return [{ lang: 'en', key: '', what: 'no English catalogue' }];
  const out: Problem[] = [];
  for (const [lang, cat] of Object.entries(catalogues)) {
    for (const key of Object.keys(en))
      if (!Object.hasOwn(cat, key)) out.push({ lang, key, what: 'missing (English has it)' });
    for (const [key, e] of Object.entries(cat)) {
      if (!/^[A-Za-z0-9_]+$/.test(key)) out.push({ lang, key, what: 'key has characters browsers reject' });
      const ref = en[key];
      if (!ref) {
        out.push({ lang, key, what: 'English has no such key' });
        continue;
      }
      if (typeof e.message !== 'string' || !e.message.trim()) {
        out.push({ lang, key, what: 'empty message' });
        continue;
      }
      const u = used(e.message);
      const d = defined(e);
      for (const name of u) if (!d.has(name)) out.push({ lang, key, what: `$${name.toUpperCase()}$ is not defined` });
      if (!same(d, defined(ref)))
        out.push({ lang, key, what: `placeholders ${list(d)} ≠ English ${list(defined(ref))}` });
      const want = used(ref.message);
      const oneWithoutCount = key.endsWith('_one') && same(u, new Set([...want].filter((x) => x !== 'count')));
      if (!same(u, want) && !oneWithoutCount)
        out.push({ lang, key, what: `uses ${list(u)} where English uses ${list(want)}` });
    }
    if (cat.lang?.message !== lang) out.push({ lang, key: 'lang', what: `must be "${lang}"` });
    if ((cat.extDescription?.message.length ?? 0) > MAX_DESCRIPTION)
      out.push({ lang, key: 'extDescription', what: `longer than ${MAX_DESCRIPTION} characters` });
  }
  return out;
}
