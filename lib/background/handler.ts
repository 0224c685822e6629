/**
 * Message handler of the background worker. Pure with respect to the browser: the entrypoint
 * wires it to runtime.onMessage, tests call it directly.
 */
import MiniSearch from 'minisearch';
import { parseRequest, type Reply, type SearchHit, type TermCard } from '../messaging/protocol';
import { PLACEHOLDER_TERMS } from '../placeholder-terms';

let index: MiniSearch<TermCard> | null = null;

function getIndex(): MiniSearch<TermCard> {
  if (!index) {
    index = new MiniSearch<TermCard>({ fields: ['label', 'expansion', 'summary'], storeFields: ['label', 'expansion'] });
    index.addAll(PLACEHOLDER_TERMS);
  }
  return index;
}

export async function handleMessage(msg: unknown): Promise<Reply<unknown>> {
  const parsed = parseRequest(msg);
  if ('error' in parsed) return { ok: false, error: parsed.error };
  const { req } = parsed;
  try {
    switch (req.type) {
      case 'lookup':
        return { ok: true, data: PLACEHOLDER_TERMS.find((t) => t.id === req.termId) ?? null };
      case 'search': {
        const hits: SearchHit[] = getIndex()
          .search(req.query, { prefix: true })
          .slice(0, req.limit ?? 20)
          .map((r) => ({ id: r.id, title: `${r.label}: ${r.expansion}`, snippet: '', cite: '', score: r.score }));
        return { ok: true, data: hits };
      }
    }
  } catch (e) {
    // Never throw at a content script: a failed lookup becomes an error reply the card can show.
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
