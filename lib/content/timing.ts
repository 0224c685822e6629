/**
 * Dwell→paint measurement for the bench. Marks go to the performance timeline; the last durations
 * stay on `lastTiming`, and the `migration-lens:timing` event is dispatched only on pages that opt in
 * with <html data-ml-bench> (dispatching an event is not a DOM change, but ordinary pages get nothing).
 */

export interface Timing {
  /** From the dwell (pointer rested ~100 ms; prefetch starts) to the frame after the ready card rendered. */
  dwellToPaintMs: number | null;
  /** From the moment the card was due (the user's hover delay) to that frame: the latency we add. */
  showToPaintMs: number | null;
  /** Whether the card came from the in-page cache. */
  cached: boolean;
}

export const lastTiming: Timing = { dwellToPaintMs: null, showToPaintMs: null, cached: false };

export function markDwell(): number {
  try { performance.mark('ml-dwell'); } catch { /* marks unavailable: timing only */ }
  return performance.now();
}

/** Call once the ready card is in the DOM; measures in the next animation frame. */
export function markPaintedNextFrame(doc: Document, dwellAt: number | null, showAt: number, cached: boolean): void {
  const raf = doc.defaultView?.requestAnimationFrame?.bind(doc.defaultView) ?? ((cb: FrameRequestCallback) => setTimeout(() => cb(performance.now()), 16));
  raf(() => {
    try { performance.mark('ml-painted'); } catch { /* ignore */ }
    const now = performance.now();
    lastTiming.dwellToPaintMs = dwellAt === null ? null : now - dwellAt;
    lastTiming.showToPaintMs = now - showAt;
    lastTiming.cached = cached;
    if (doc.documentElement?.hasAttribute('data-ml-bench')) {
      // Firefox content scripts must clone the detail into the page's compartment or the page can't read it.
      const clone = (globalThis as { cloneInto?: (o: object, w: object) => object }).cloneInto;
      const detail = { ...lastTiming };
      doc.dispatchEvent(new CustomEvent('migration-lens:timing', { detail: clone && doc.defaultView ? clone(detail, doc.defaultView) : detail }));
    }
  });
}
