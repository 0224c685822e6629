/**
 * The one typed message protocol between content scripts, extension pages and the background.
 * Every message is validated on receipt (`parseRequest`) because content scripts run next to
 * hostile pages and messages may come from older builds after an update.
 */

export interface LookupRequest { type: 'lookup'; termId: string }
export interface SearchRequest { type: 'search'; query: string; filters?: SearchFilters; limit?: number }
export interface SearchFilters { agency?: string; doc?: string; section?: string; kind?: string }

export type Request = LookupRequest | SearchRequest;

export interface TermCard {
  id: string;
  label: string;
  expansion: string;
  category: string;
  summary: string;
  excerpts: { text: string; cite: string }[];
  related: { id: string; label: string }[];
  custom?: boolean;
}

export interface SearchHit { id: string; title: string; snippet: string; cite: string; score: number }

export type Ok<T> = { ok: true; data: T };
export type Err = { ok: false; error: string };
export type Reply<T> = Ok<T> | Err;

export interface ResponseMap {
  lookup: TermCard | null;
  search: SearchHit[];
}

const isStr = (v: unknown, max = 500): v is string => typeof v === 'string' && v.length <= max;

/** Validate an untrusted message. Returns the typed request or a human-readable error. */
export function parseRequest(msg: unknown): { req: Request } | { error: string } {
  if (!msg || typeof msg !== 'object') return { error: 'message must be an object' };
  const m = msg as Record<string, unknown>;
  switch (m.type) {
    case 'lookup':
      if (!isStr(m.termId, 200) || !m.termId) return { error: 'lookup: termId must be a non-empty string' };
      return { req: { type: 'lookup', termId: m.termId } };
    case 'search': {
      if (!isStr(m.query, 500)) return { error: 'search: query must be a string of at most 500 characters' };
      const f = m.filters;
      if (f !== undefined && (typeof f !== 'object' || f === null)) return { error: 'search: filters must be an object' };
      const filters: SearchFilters = {};
      for (const k of ['agency', 'doc', 'section', 'kind'] as const) {
        const v = (f as Record<string, unknown> | undefined)?.[k];
        if (v === undefined || v === '') continue;
        if (!isStr(v, 100)) return { error: `search: filters.${k} must be a string` };
        filters[k] = v;
      }
      const limit = m.limit === undefined ? undefined : Number(m.limit);
      if (limit !== undefined && !(Number.isInteger(limit) && limit > 0 && limit <= 100))
        return { error: 'search: limit must be an integer between 1 and 100' };
      return { req: { type: 'search', query: m.query, filters, limit } };
    }
    default:
      return { error: `unknown message type: ${JSON.stringify(String(m.type)).slice(0, 60)}` };
  }
}
