/**
 * The last page read, per document. Only the reader writes the `readerPositions` key of
 * storage.local (settings keep their single writer, the background). Documents from the web are known
 * by their address (without the fragment), local files by pdf.js's fingerprint of their content.
 */

export const POSITIONS_KEY = 'readerPositions';
/** Oldest entries go first beyond this many documents. */
export const MAX_POSITIONS = 200;

export interface Position {
  page: number;
  /** ms since epoch of the last visit, to drop the oldest. */
  at: number;
}
export type Positions = Record<string, Position>;

export function positionKey(source: { url: string } | { fingerprint: string }): string {
  if ('url' in source) return `url:${source.url.split('#')[0]}`;
  return `fp:${source.fingerprint}`;
}

/** A stored value as Positions, dropping anything malformed. */
export function parsePositions(raw: unknown): Positions {
  const out: Positions = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    const p = v as Partial<Position> | null;
    if (p && Number.isInteger(p.page) && p.page! >= 1 && typeof p.at === 'number') out[k] = { page: p.page!, at: p.at };
  }
  return out;
}

/** `positions` with `key` at `page`, capped at `max` documents (the least recently read go). */
export function remember(positions: Positions, key: string, page: number, now: number, max = MAX_POSITIONS): Positions {
  const next: Positions = { ...positions, [key]: { page, at: now } };
  const keys = Object.keys(next);
  if (keys.length <= max) return next;
  keys.sort((a, b) => next[a]!.at - next[b]!.at);
  for (const k of keys.slice(0, keys.length - max)) delete next[k];
  return next;
}

/** The page to open at: `#page=N` first, then the remembered page, else 1; always within 1..pages. */
export function startPage(hashPage: number | null, remembered: number | null, pages: number): number {
  const want = hashPage ?? remembered ?? 1;
  return Math.min(Math.max(1, want), Math.max(1, pages));
}
