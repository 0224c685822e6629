/**
 * Full KB record by id (agency mandate, recommendation items), through the typed `record` request.
 * A background of another build may answer "unknown message type": the card then keeps what it
 * already carries, so it never breaks over it.
 */
import { request, type RecordReply } from '@/lib/messaging/protocol';
import type { Send } from './ports';

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

function view(reply: RecordReply | null, id: string): RecordView | null {
  const rec = reply?.record;
  if (!rec || typeof rec.text !== 'string') return null;
  const out: RecordView = { id, text: rec.text, cite: reply.cite };
  if (typeof rec.citation?.label === 'string') out.label = rec.citation.label;
  if (rec.context) out.context = rec.context;
  if (rec.subItems) out.subItems = rec.subItems;
  return out;
}

export type RecordFetch = (id: string) => Promise<RecordView | null>;

/** Build a fetcher over the typed request client. Remembers that `record` is unsupported. */
export function recordFetcher(send: Send): RecordFetch {
  let unsupported = false;
  const cache = new Map<string, RecordView | null>();
  return async (id) => {
    if (unsupported) return null;
    if (cache.has(id)) return cache.get(id)!;
    const r = await request(send, { type: 'record', id });
    if (!r.ok) {
      if (r.error.startsWith('unknown message type')) unsupported = true;
      return null;
    }
    const v = view(r.data, id);
    cache.set(id, v);
    return v;
  };
}
