/**
 * Hover intent: decides WHEN a hover card is prefetched, shown and hidden, from pointer samples.
 * Pure (clock injected) so the timing rules are unit-tested with fake timers:
 *  - dwell: the pointer rests ~100 ms on a term → `onDwell` (prefetch the card, start the paint clock);
 *  - show: at the user's delay (settings.hoverDelayMs, counted from entering the term) → `onShow`;
 *  - grace: leaving the term or the card hides only after ~300 ms, so the pointer can travel to the card;
 *  - sweep: while the pointer moves faster than `sweepPxPerMs` the dwell restarts, so brushing across
 *    underlined text on the way elsewhere never pops anything up.
 */

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

export const realClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
};

export interface HoverIntentOptions<T> {
  clock?: Clock;
  dwellMs?: number;
  /** Read on every hover so a settings change applies to the next one. */
  showDelayMs: () => number;
  graceMs?: number;
  /** Pointer speed (px per ms) above which we consider it a sweep. 1.5 px/ms = 1500 px/s. */
  sweepPxPerMs?: number;
  /** `seq` identifies this hover: a lookup started here is stale once `isCurrent(seq)` is false. */
  onDwell(target: T, seq: number): void;
  onShow(target: T, seq: number): void;
  onHide(): void;
}

export type IntentPhase = 'idle' | 'dwelling' | 'waiting' | 'shown' | 'grace';

export class HoverIntent<T> {
  /** Progress of the pending (not yet shown) hover. */
  private stage: 'none' | 'dwelling' | 'waiting' = 'none';
  /** The term under the pointer (or the one shown while in grace). */
  target: T | null = null;
  /** The term whose card is on screen, if any. */
  shown: T | null = null;
  private seq = 0;
  private timer: unknown = null;
  private graceTimer: unknown = null;
  private enteredAt = 0;
  private last: { x: number; y: number; t: number } | null = null;
  private onCard = false;
  private readonly clock: Clock;
  private readonly dwellMs: number;
  private readonly graceMs: number;
  private readonly sweep: number;

  constructor(private readonly o: HoverIntentOptions<T>) {
    this.clock = o.clock ?? realClock;
    this.dwellMs = o.dwellMs ?? 100;
    this.graceMs = o.graceMs ?? 300;
    this.sweep = o.sweepPxPerMs ?? 1.5;
  }

  /** True while `seq` is the hover in progress (or on screen); false once the pointer moved on. */
  isCurrent(seq: number): boolean { return seq === this.seq; }

  get phase(): IntentPhase {
    if (this.shown !== null && this.target === this.shown) return this.graceTimer !== null ? 'grace' : 'shown';
    if (this.stage !== 'none') return this.stage;
    return this.shown !== null ? (this.graceTimer !== null ? 'grace' : 'shown') : 'idle';
  }

  /** A pointer sample over the page: `target` is the term under it (null: no term). */
  move(target: T | null, x: number, y: number): void {
    const t = this.clock.now();
    const prev = this.last;
    this.last = { x, y, t };
    const dt = prev ? t - prev.t : Infinity;
    const fast = prev !== null && dt > 0 && Math.hypot(x - prev.x, y - prev.y) / dt > this.sweep;

    if (target === null) return this.leaveTarget();
    if (target !== this.target) {
      this.clearTimer();
      this.target = target;
      this.seq++;
      this.enteredAt = t;
      this.stage = 'none';
      if (target === this.shown) { this.cancelGrace(); return; }
      if (this.shown !== null) this.startGrace(); // the old card fades unless the pointer reaches it
      this.startDwell();
      return;
    }
    // Same term: a fast move means we are being swept across, so the rest period starts over.
    if (fast && this.stage === 'dwelling') { this.enteredAt = t; this.startDwell(); }
    if (target === this.shown && !this.onCard) this.cancelGrace();
  }

  /** The pointer entered / left the card itself. */
  enterCard(): void {
    this.onCard = true;
    if (this.shown !== null) { this.cancelGrace(); this.clearTimer(); this.stage = 'none'; this.target = this.shown; }
  }

  leaveCard(): void {
    this.onCard = false;
    if (this.shown !== null) this.startGrace();
  }

  /** Forget everything without calling onHide (the card was pinned or closed by other means). */
  reset(): void {
    this.clearTimer();
    this.cancelGrace();
    this.seq++;
    this.stage = 'none';
    this.target = this.shown = null;
    this.onCard = false;
  }

  private leaveTarget(): void {
    if (this.target === null) return;
    this.clearTimer();
    this.stage = 'none';
    if (this.shown !== null) {
      if (this.target !== this.shown) this.seq++; // a pending lookup for another term is stale
      this.target = this.shown;
      if (!this.onCard) this.startGrace();
      return;
    }
    // Left before the card showed: whatever was prefetched for it is stale now.
    this.seq++;
    this.target = null;
  }

  private startDwell(): void {
    this.clearTimer();
    this.stage = 'dwelling';
    const seq = this.seq;
    const target = this.target as T;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.o.onDwell(target, seq);
      const rest = Math.max(0, this.o.showDelayMs() - (this.clock.now() - this.enteredAt));
      this.stage = 'waiting';
      if (rest === 0) return this.show(target, seq);
      this.timer = this.clock.setTimeout(() => { this.timer = null; this.show(target, seq); }, rest);
    }, this.dwellMs);
  }

  private show(target: T, seq: number): void {
    if (seq !== this.seq) return;
    this.cancelGrace();
    this.shown = target;
    this.stage = 'none';
    this.o.onShow(target, seq);
  }

  private startGrace(): void {
    this.cancelGrace();
    this.graceTimer = this.clock.setTimeout(() => {
      this.graceTimer = null;
      if (this.onCard) return;
      const pendingOther = this.target !== null && this.target !== this.shown;
      this.shown = null;
      if (!pendingOther) { this.target = null; this.seq++; }
      this.o.onHide();
    }, this.graceMs);
  }

  private cancelGrace(): void {
    if (this.graceTimer !== null) { this.clock.clearTimeout(this.graceTimer); this.graceTimer = null; }
  }

  private clearTimer(): void {
    if (this.timer !== null) { this.clock.clearTimeout(this.timer); this.timer = null; }
  }
}
