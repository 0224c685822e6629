/**
 * Timers and animation frames that end with their owner. The content app passes ones that end with the
 * content script (lib/content/context.ts `contextTimers`): a callback never runs once the script was
 * orphaned by an extension reload, and reading `isValid` is how the orphaning is noticed. Code used on
 * its own (tests, bench) gets `globalTimers`, which never end.
 */
export interface Timers {
  /** False once the owner ended; callbacks scheduled here no longer run then. */
  readonly isValid: boolean;
  setTimeout(fn: () => void, ms?: number): number;
  clearTimeout(id: number | null | undefined): void;
  requestAnimationFrame(cb: FrameRequestCallback): number;
  cancelAnimationFrame(id: number): void;
}

export const globalTimers: Timers = {
  isValid: true,
  setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as number,
  clearTimeout: (id) => clearTimeout(id ?? undefined),
  requestAnimationFrame: (cb) => requestAnimationFrame(cb),
  cancelAnimationFrame: (id) => cancelAnimationFrame(id),
};
