/** Parses the real sources once per test file (parsing is ~100 ms; sharing keeps files fast). */
import { resolve } from 'node:path';
import { parseAll } from '../../../lib/pipeline/kb/build';
import type { KbRecord } from '../../../lib/kb/types';

export const ROOT = resolve(__dirname, '../../..');

let cache: ReturnType<typeof parseAll> | undefined;
export function kb(): ReturnType<typeof parseAll> {
  cache ??= parseAll(ROOT);
  return cache;
}

export function rec(id: string): KbRecord {
  const r = kb().records.find((x) => x.id === id);
  if (!r) throw new Error(`no record ${id}`);
  return r;
}

/** All text a reader would see for a record (body + sub-items), without footnotes or context. */
export function visibleText(r: KbRecord): string {
  return [r.text, ...(r.subItems ?? []).map((s) => s.text)].join('\n');
}
