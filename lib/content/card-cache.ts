/**
 * Card lookups for the content script: a small LRU of finished cards plus de-duplication of lookups
 * in flight, so the prefetch started at dwell and the show a few hundred ms later share one message,
 * and re-hovering a term paints from memory (the dwell→paint budget is one frame).
 */
import type { Reply, TermCard } from '../messaging/protocol';

export type LookupResult =
  { status: 'ready'; card: TermCard } | { status: 'not-found'; termId: string } | { status: 'error'; message: string };

/** How the reader met the term (lib/content/reader-hint.ts): the card may show its names in that language. */
export interface ReaderHint {
  surface?: string;
  lang?: string;
  /** The language of the text around the match (lib/content/reader-hint.ts). */
  pageLang?: string;
}

export type LookupFn = (termId: string, hint?: ReaderHint) => Promise<Reply<TermCard | null>>;

/** One cache slot per term and way of meeting it: "OIM" and "IOM" give different cards. */
const keyOf = (termId: string, hint?: ReaderHint): string =>
  hint ? `${termId}\n${hint.lang ?? ''}\n${hint.pageLang ?? ''}\n${hint.surface?.toLowerCase() ?? ''}` : termId;

export class CardCache {
  private done = new Map<string, LookupResult>();
  private inflight = new Map<string, Promise<LookupResult>>();

  constructor(
    private readonly lookup: LookupFn,
    private readonly max = 32,
  ) {}

  /** The finished result, synchronously, if cached (refreshes its LRU position). */
  peek(termId: string, hint?: ReaderHint): LookupResult | undefined {
    const key = keyOf(termId, hint);
    const r = this.done.get(key);
    if (r) {
      this.done.delete(key);
      this.done.set(key, r);
    }
    return r;
  }

  /** Start (or join) the lookup. Errors are not cached: the background may be back next time. */
  get(termId: string, hint?: ReaderHint): Promise<LookupResult> {
    const hit = this.peek(termId, hint);
    if (hit) return Promise.resolve(hit);
    const key = keyOf(termId, hint);
    const running = this.inflight.get(key);
    if (running) return running;
    const p = (hint ? this.lookup(termId, hint) : this.lookup(termId))
      .then(
        (reply): LookupResult => {
          if (!reply.ok) return { status: 'error', message: reply.error };
          return reply.data ? { status: 'ready', card: reply.data } : { status: 'not-found', termId };
        },
        (e: unknown): LookupResult => ({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
      )
      .then((r) => {
        this.inflight.delete(key);
        if (r.status !== 'error') this.store(key, r);
        return r;
      });
    this.inflight.set(key, p);
    return p;
  }

  /** Custom glossary or data changed: cards may be outdated. */
  clear(): void {
    this.done.clear();
  }

  get size(): number {
    return this.done.size;
  }

  private store(termId: string, r: LookupResult): void {
    this.done.delete(termId);
    this.done.set(termId, r);
    while (this.done.size > this.max) this.done.delete(this.done.keys().next().value as string);
  }
}
