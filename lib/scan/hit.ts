/** Pieces of the page scanner (./page-scanner.ts): its match type and its yield to the event loop. */
import type { TextMatch } from './hittest';

/**
 * A match whose StaticRange is created on first use: on pages with 100k+ matches, eager ranges are
 * most of the scan's garbage, and windowed painting only ever needs a few thousand of them.
 */
export class Hit implements TextMatch {
  readonly startNode: Text;
  readonly startOffset: number;
  readonly endNode: Text;
  readonly endOffset: number;
  /** The text nodes, kept only when there are several: most terms lie in one node, and an array per
   * match was a quarter of a dense page's scanner heap (issue #17). */
  private readonly more: Text[] | null;
  private r: StaticRange | null = null;
  constructor(
    readonly termId: string,
    loc: { startNode: Text; startOffset: number; endNode: Text; endOffset: number; nodes: Text[] },
    readonly ord: number,
  ) {
    this.startNode = loc.startNode;
    this.startOffset = loc.startOffset;
    this.endNode = loc.endNode;
    this.endOffset = loc.endOffset;
    this.more = loc.nodes.length > 1 ? loc.nodes : null;
  }
  get nodes(): Text[] {
    return this.more ?? [this.startNode];
  }
  get range(): StaticRange {
    return (this.r ??= new StaticRange({
      startContainer: this.startNode,
      startOffset: this.startOffset,
      endContainer: this.endNode,
      endOffset: this.endOffset,
    }));
  }
}

/**
 * Yield to the event loop without the 4 ms clamp of nested setTimeout. Until the document has loaded,
 * a plain posted task: `scheduler.yield()` continuations run ahead of the page's own tasks
 * (https://wicg.github.io/scheduling-apis/#sec-scheduler-yield), so a scan sliced with them ran
 * before the `load` event's dispatch and delayed it by the whole scan (issue #17: +110 ms on a dense
 * page, `dense_load_delay_ms` in `npm run bench`).
 */
export function yieldTask(doc: Document): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield && doc.readyState === 'complete') return s.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}
