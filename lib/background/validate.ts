/**
 * Shape checks for what we read back from IndexedDB. Storage can hold anything (older builds,
 * partial writes by other browsers' bugs, manual tampering), so reads are validated and a bad
 * record triggers a rebuild from the package instead of a crash at render time.
 */
import type { GlossaryEntry } from '../glossary/types';
import { isDocKey } from '../kb/documents';
import type { KbBundle, KbRecord } from '../kb/types';

const KINDS = new Set(['mandate', 'recommendation', 'passage']);
const str = (v: unknown): v is string => typeof v === 'string';
const obj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export function isKbRecord(v: unknown): v is KbRecord {
  if (!obj(v) || !str(v.id) || !v.id || !KINDS.has(v.kind as string) || !str(v.text)) return false;
  const c = v.citation;
  if (!obj(c) || !isDocKey(c.doc) || !str(c.section)) return false;
  const l = c.lines;
  return Array.isArray(l) && l.length === 2 && Number.isInteger(l[0]) && Number.isInteger(l[1]);
}

export function isGlossaryEntry(v: unknown): v is GlossaryEntry {
  if (!obj(v) || !str(v.id) || !v.id || !str(v.label) || !str(v.expansion) || !str(v.category) || !str(v.summary))
    return false;
  if (!Array.isArray(v.related) || !v.related.every(str)) return false;
  if (
    !Array.isArray(v.excerpts) ||
    !v.excerpts.every((e) => obj(e) && str(e.text) && str(e.recordId) && obj(e.citation))
  )
    return false;
  return v.aliases === undefined || (Array.isArray(v.aliases) && v.aliases.every(str));
}

/** First problem found in a package, or null. Keeps a broken build from being installed. */
export function checkPackage(p: { bundle: KbBundle; glossary: GlossaryEntry[] }): string | null {
  const b = p?.bundle;
  if (!obj(b) || !str(b.hash) || !b.hash || !Array.isArray(b.records) || !Array.isArray(b.documents) || b.index == null)
    return 'bundle must have hash, documents, records and index';
  const bad = b.records.findIndex((r) => !isKbRecord(r));
  if (bad >= 0) return `bundle record ${bad} is malformed`;
  if (!Array.isArray(p.glossary)) return 'glossary must be an array';
  const badG = p.glossary.findIndex((g) => !isGlossaryEntry(g));
  return badG >= 0 ? `glossary entry ${badG} is malformed` : null;
}
