/**
 * Dwell→paint measurement for the bench. No performance marks: a content script shares the page's
 * performance timeline, so a mark would tell every page that the reader has us and hovers. The last
 * durations stay on `lastTiming`, and the `migration-lens:timing` event is dispatched only on pages that opt in
 * with <html data-ml-bench> (dispatching an event is not a DOM change, but ordinary pages get nothing).
 *
 * "Painted" = the first task after the rendering update (style, layout, paint) of the frame that
 * contains the card. tests/bench/README.md explains why, and applies the same point to its floor.
 */

export interface Timing {
  /** From the dwell (pointer rested ~100 ms; prefetch starts) to painted. */
  dwellToPaintMs: number | null;
  /** From the frame-aligned show (the hover delay elapsed, then the next frame began) to painted: the latency we add. */
  showToPaintMs: number | null;
  /** From the moment the hover delay elapsed (show timer fired) to painted: also counts the wait for the frame. */
  dueToPaintMs: number | null;
  /** Whether the card data came from the in-page cache (prefetched at the dwell). */
  cached: boolean;
  /** Whether the card was already rendered hidden (prepared at the dwell), so the show only revealed it. */
  prepared: boolean;
  /** Whether the ready card was committed inside an animation frame callback (else in a task before one). */
  inFrame: boolean;
}

export const lastTiming: Timing = {
  dwellToPaintMs: null,
  showToPaintMs: null,
  dueToPaintMs: null,
  cached: false,
  prepared: false,
  inFrame: false,
};

export interface PaintClock {
  dwellAt: number | null;
  showAt: number;
  dueAt: number | null;
  /** The card is committed right now, inside an animation frame callback. */
  inFrame: boolean;
  cached: boolean;
  prepared: boolean;
}

export function markDwell(): number {
  return performance.now();
}

/**
 * `cb(now)` in the first task after the paint of the frame that shows a DOM change made just now.
 * Inside an animation frame callback that frame is the current one: a message posted now is handled
 * once its rendering update (style, layout, paint) is over; waiting for another requestAnimationFrame
 * would add a whole frame. From an ordinary task the change is painted in the next frame, so wait for
 * its callback first, then post.
 */
export function afterPaint(win: Window, inFrame: boolean, cb: (now: number) => void): void {
  const post = () => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      cb(performance.now());
    };
    ch.port2.postMessage(0);
  };
  if (inFrame) post();
  else win.requestAnimationFrame(post);
}

/** Bench pages only: tell the page an event (the Firefox content-script clone of `detail` included). */
function benchEvent(doc: Document, type: string, detail: object): void {
  if (!doc.documentElement?.hasAttribute('data-ml-bench')) return;
  // Firefox content scripts must clone the detail into the page's compartment or the page can't read it.
  const clone = (globalThis as { cloneInto?: (o: object, w: object) => object }).cloneInto;
  doc.dispatchEvent(
    new CustomEvent(type, { detail: clone && doc.defaultView ? clone(detail, doc.defaultView) : detail }),
  );
}

/**
 * The card UI bundle was loaded (lib/content/card-ui.ts), `loadMs` after it was asked for: the
 * `migration-lens:card-ui` event on bench pages, so the bench and the E2E can tell when (and whether)
 * a page paid for it.
 */
export function markUiLoaded(doc: Document, loadMs: number): void {
  benchEvent(doc, 'migration-lens:card-ui', { loadMs });
}

/** Call right after the ready card was committed (rendered, or revealed); measures once it is painted. */
export function markPainted(doc: Document, c: PaintClock): void {
  afterPaint(doc.defaultView ?? window, c.inFrame, (now) => {
    lastTiming.dwellToPaintMs = c.dwellAt === null ? null : now - c.dwellAt;
    lastTiming.showToPaintMs = now - c.showAt;
    lastTiming.dueToPaintMs = c.dueAt === null ? null : now - c.dueAt;
    lastTiming.cached = c.cached;
    lastTiming.prepared = c.prepared;
    lastTiming.inFrame = c.inFrame;
    benchEvent(doc, 'migration-lens:timing', { ...lastTiming });
  });
}
