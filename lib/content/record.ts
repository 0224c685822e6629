/**
 * Full KB record by id (agency mandate, recommendation items). Uses the background's `record` message
 * when this build has one; older/other builds answer "unknown message type" and we fall back to what
 * the card already carries, so the card never breaks over it.
 */

export interface RecordView {
  id: string;
  text: string;
  cite: string;
  label?: string;
  context?: string;
  subItems?: { label: string; text: string }[];
}

/** "002:ch7:recommendations:(b)" → "(b)". */
export function recordLabel(id: string): string {
  const last = id.split(':').pop() ?? id;
  return last;
}

function parse(data: unknown, id: string): RecordView | null {
  if (!data || typeof data !== 'object') return null;
  const d = data as Record<string, unknown>;
  // Accept both `{ record: KbRecord, cite }` and a flat KbRecord-with-cite.
  const rec = (d.record && typeof d.record === 'object' ? d.record : d) as Record<string, unknown>;
  if (typeof rec.text !== 'string') return null;
  const cit = rec.citation as { label?: unknown } | undefined;
  const out: RecordView = {
    id,
    text: rec.text,
    cite: typeof d.cite === 'string' ? d.cite : typeof rec.cite === 'string' ? rec.cite : '',
  };
  if (cit && typeof cit.label === 'string') out.label = cit.label;
  if (typeof rec.context === 'string') out.context = rec.context;
  if (Array.isArray(rec.subItems))
    out.subItems = rec.subItems.filter(
      (s): s is { label: string; text: string } => !!s && typeof s.label === 'string' && typeof s.text === 'string',
    );
  return out;
}

export type RecordFetch = (id: string) => Promise<RecordView | null>;

/** Build a fetcher over a runtime.sendMessage-like function. Remembers that `record` is unsupported. */
export function recordFetcher(send: (msg: unknown) => Promise<unknown>): RecordFetch {
  let unsupported = false;
  const cache = new Map<string, RecordView | null>();
  return async (id) => {
    if (unsupported) return null;
    if (cache.has(id)) return cache.get(id)!;
    try {
      const r = (await send({ type: 'record', id })) as { ok?: boolean; data?: unknown; error?: string } | undefined;
      if (!r || r.ok !== true) {
        if (r && typeof r.error === 'string' && r.error.startsWith('unknown message type')) unsupported = true;
        return null;
      }
      const v = parse(r.data, id);
      cache.set(id, v);
      return v;
    } catch {
      return null;
    }
  };
}
