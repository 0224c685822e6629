/**
 * Term labels for the side panel list, fetched with `lookup` in small batches and cached for the
 * panel's lifetime (a page may list a hundred terms; the worker should not get a hundred requests at once).
 */
import type { Send } from './api';

export interface TermLabel {
  label: string;
  expansion: string;
}
const BATCH = 8;

export function createLabelCache(send: Send) {
  const cache = new Map<string, TermLabel>();
  return {
    get: (id: string) => cache.get(id),
    async load(ids: string[]): Promise<Map<string, TermLabel>> {
      const todo = [...new Set(ids)].filter((id) => !cache.has(id));
      for (let i = 0; i < todo.length; i += BATCH) {
        await Promise.all(
          todo.slice(i, i + BATCH).map(async (id) => {
            const r = await send({ type: 'lookup', termId: id });
            // Unknown ids (e.g. a custom entry deleted meanwhile) fall back to the id itself.
            cache.set(
              id,
              r.ok && r.data ? { label: r.data.label, expansion: r.data.expansion } : { label: id, expansion: '' },
            );
          }),
        );
      }
      return new Map(ids.map((id) => [id, cache.get(id)!]));
    },
  };
}
export type LabelCache = ReturnType<typeof createLabelCache>;
