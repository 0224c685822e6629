/**
 * The lifetime the content app runs in. Every listener, observer and timer of the app ends with it, so
 * a content script orphaned by an extension reload, update or removal goes quiet instead of showing
 * cards that cannot reach the background. The content script passes WXT's ContentScriptContext, which
 * satisfies this interface structurally (no WXT import here); pages that host the app themselves (the
 * demo) and tests pass `manualContext()`.
 */
import type { Timers } from '@/lib/scan/timers';

export interface AppContext {
  /**
   * False once the context ended. Reading it is also how WXT's context notices an orphaned script
   * (`runtime.id` is gone after a reload) and runs the `onInvalidated` callbacks, so the app reads it
   * whenever an event, observer or timer of ours fires.
   */
  readonly isValid: boolean;
  /** `cb` runs once when the context ends; returns a function that unregisters it. */
  onInvalidated(cb: () => void): () => void;
  /** `target.addEventListener`, removed when the context ends. */
  addEventListener(
    target: EventTarget,
    type: string,
    handler: (event: Event) => void,
    options?: AddEventListenerOptions,
  ): void;
}

/** A context that ends only when `invalidate()` is called (never, for a page that hosts the app). */
export function manualContext(): AppContext & { invalidate(): void } {
  const ac = new AbortController();
  const { signal } = ac;
  return {
    get isValid() {
      return !signal.aborted;
    },
    onInvalidated(cb) {
      signal.addEventListener('abort', cb);
      return () => signal.removeEventListener('abort', cb);
    },
    addEventListener(target, type, handler, options) {
      if (!signal.aborted) target.addEventListener(type, handler, { ...options, signal });
    },
    invalidate: () => ac.abort(),
  };
}

/**
 * `ctx.addEventListener` whose handler first asks the context whether it is still valid: WXT's context
 * removes its listeners only once something notices the reload, and this check is what notices it.
 * Capture goes in `{ capture: true }`: a boolean `options` would be lost when the abort signal is added.
 */
export function listen<E extends Event>(
  ctx: AppContext,
  target: EventTarget,
  type: string,
  handler: (event: E) => void,
  options?: AddEventListenerOptions,
): void {
  ctx.addEventListener(
    target,
    type,
    (e) => {
      if (ctx.isValid) handler(e as E);
    },
    options,
  );
}

/**
 * Timers that end with `ctx`. Not WXT's `ctx.setTimeout` / `ctx.requestAnimationFrame`: those add an
 * `onInvalidated` callback per call that stays registered after the timer ran, and the hover intent and
 * the windowed painter (one frame per scroll event) schedule thousands over a tab's life. Here only the
 * pending ids are kept, and one callback clears them.
 */
export function contextTimers(ctx: AppContext): Timers {
  const timeouts = new Set<number>();
  const frames = new Set<number>();
  ctx.onInvalidated(() => {
    for (const id of timeouts) clearTimeout(id);
    for (const id of frames) cancelAnimationFrame(id);
    timeouts.clear();
    frames.clear();
  });
  return {
    get isValid() {
      return ctx.isValid;
    },
    setTimeout(fn, ms) {
      const id = setTimeout(() => {
        timeouts.delete(id);
        if (ctx.isValid) fn();
      }, ms) as unknown as number;
      timeouts.add(id);
      return id;
    },
    clearTimeout(id) {
      if (id == null) return;
      timeouts.delete(id);
      clearTimeout(id);
    },
    requestAnimationFrame(cb) {
      const id = requestAnimationFrame((t) => {
        frames.delete(id);
        if (ctx.isValid) cb(t);
      });
      frames.add(id);
      return id;
    },
    cancelAnimationFrame(id) {
      frames.delete(id);
      cancelAnimationFrame(id);
    },
  };
}
