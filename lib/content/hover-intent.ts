/**
 * Hover intent: decides WHEN a hover card is prefetched, shown and hidden, from pointer samples.
 * Pure (clock injected) so the timing rules are unit-tested with fake timers:
 *  - dwell: the pointer rests ~100 ms on a term → `onDwell` (prefetch the card, start the paint clock);
 *  - show: at the user's delay (settings.hoverDelayMs, counted from entering the term), in the first
 *    animation frame that runs once it is over → `onShow`. Nothing can be painted before that frame
 *    anyway, and a change made in its requestAnimationFrame callback is painted in that same frame. The
 *    card was prepared (rendered hidden) at the dwell, so the show is a visibility flip that does not
 *    hold that frame up;
 *  - grace: leaving the term or the card hides only after ~300 ms, so the pointer can travel to the card;
 *  - sweep: while the pointer moves faster than `sweepPxPerMs` the dwell restarts, so brushing across
 *    underlined text on the way elsewhere never pops anything up.
 */
import { globalTimers, type Timers } from '@/lib/scan/timers';

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
  /**
   * Run `fn` in the next animation frame's callback (DOM changes made there are painted in that frame).
   * `inFrame` is false when it ran outside one (see FRAME_FALLBACK_MS).
   */
  frame(fn: (inFrame: boolean) => void): unknown;
  cancelFrame(id: unknown): void;
}

/**
 * A document that renders no frames (a background tab, a throttled iframe) may not run animation frame
 * callbacks for a long time; the card still shows, from a timer, after this long.
 */
export const FRAME_FALLBACK_MS = 100;

/**
 * How long before the delay ends the show starts watching animation frames (more than one frame at
 * 60 Hz). A timer set for the end of the delay itself would fire just after the frame we want began:
 * pointer events are dispatched with a frame (just before its callbacks), so a delay counted from one
 * ends at that same point of a later frame (350 ms is exactly 21 frames at 60 Hz), and the card would
 * wait a whole frame.
 */
export const FRAME_LEAD_MS = 20;

/**
 * A frame whose callback runs at most this long before the delay ends still shows the card: what it
 * paints reaches the screen after the delay anyway. Without it the frame we want is usually missed by
 * a fraction of a millisecond: frame intervals alternate 16.6/16.7 ms (21 of them are a little under
 * 350 ms) and clocks are coarsened (0.1 ms in Chromium, 1 ms in Firefox).
 */
export const FRAME_SLACK_MS = 2;

interface FrameHandle {
  raf: number;
  timer: number | undefined;
  done: boolean;
}

/** The clock of the page, on `timers` (the content app passes ones that end with its context). */
export function timerClock(timers: Timers): Clock {
  const clock: Clock = {
    now: () => performance.now(),
    setTimeout: (fn, ms) => timers.setTimeout(fn, ms),
    clearTimeout: (id) => timers.clearTimeout(id as number),
    frame(fn) {
      const h: FrameHandle = { raf: 0, timer: undefined, done: false };
      const run = (inFrame: boolean) => {
        if (h.done) return;
        clock.cancelFrame(h);
        fn(inFrame);
      };
      h.raf = timers.requestAnimationFrame(() => run(true));
      h.timer = timers.setTimeout(() => run(false), FRAME_FALLBACK_MS);
      return h;
    },
    cancelFrame(id) {
      const h = id as FrameHandle;
      h.done = true;
      timers.cancelAnimationFrame(h.raf);
      timers.clearTimeout(h.timer);
    },
  };
  return clock;
}

export const realClock: Clock = timerClock(globalTimers);

/** When a show happened, for the dwell→paint hook (lib/content/timing.ts). */
export interface ShowTiming {
  /** When the hover delay elapsed (entering the term + the delay). */
  dueAt: number;
  /** The frame-aligned show started (`onShow` was called). */
  at: number;
  /** `onShow` runs inside an animation frame callback: changes made now are painted in this frame. */
  inFrame: boolean;
}

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
  onShow(target: T, seq: number, when: ShowTiming): void;
  onHide(): void;
  /** A hover whose dwell fired (prefetched, maybe prepared) was given up before its card showed. */
  onCancel?(): void;
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
  /** The animation frame the show waits for, once the delay elapsed. */
  private frameId: unknown = null;
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
  isCurrent(seq: number): boolean {
    return seq === this.seq;
  }

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
      if (target === this.shown) {
        this.cancelGrace();
        return;
      }
      if (this.shown !== null) this.startGrace(); // the old card fades unless the pointer reaches it
      this.startDwell();
      return;
    }
    // Same term: a fast move means we are being swept across, so the rest period starts over.
    if (fast && this.stage === 'dwelling') {
      this.enteredAt = t;
      this.startDwell();
    }
    if (target === this.shown && !this.onCard) this.cancelGrace();
  }

  /** The pointer entered / left the card itself. */
  enterCard(): void {
    this.onCard = true;
    if (this.shown !== null) {
      this.cancelGrace();
      this.clearTimer();
      this.stage = 'none';
      this.target = this.shown;
    }
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
      this.stage = 'waiting';
      this.o.onDwell(target, seq);
      if (seq !== this.seq) return; // onDwell gave the hover up (reset)
      const dueAt = this.enteredAt + this.o.showDelayMs();
      const lead = dueAt - FRAME_LEAD_MS - this.clock.now();
      if (lead <= 0) return this.showInFrame(target, seq, dueAt);
      this.timer = this.clock.setTimeout(() => {
        this.timer = null;
        this.showInFrame(target, seq, dueAt);
      }, lead);
    }, this.dwellMs);
  }

  /**
   * Show in the first animation frame that runs once the delay is over (`dueAt`, less FRAME_SLACK_MS);
   * earlier frames only ask for the next one. The hover stays 'waiting' meanwhile, so leaving the term
   * cancels it.
   */
  private showInFrame(target: T, seq: number, dueAt: number): void {
    this.frameId = this.clock.frame((inFrame) => {
      this.frameId = null;
      const now = this.clock.now();
      if (now < dueAt - FRAME_SLACK_MS) return this.showInFrame(target, seq, dueAt);
      this.show(target, seq, { dueAt, at: now, inFrame });
    });
  }

  private show(target: T, seq: number, when: ShowTiming): void {
    if (seq !== this.seq) return;
    this.cancelGrace();
    this.shown = target;
    this.stage = 'none';
    this.o.onShow(target, seq, when);
  }

  private startGrace(): void {
    this.cancelGrace();
    this.graceTimer = this.clock.setTimeout(() => {
      this.graceTimer = null;
      if (this.onCard) return;
      const pendingOther = this.target !== null && this.target !== this.shown;
      this.shown = null;
      if (!pendingOther) {
        this.target = null;
        this.seq++;
      }
      this.o.onHide();
    }, this.graceMs);
  }

  private cancelGrace(): void {
    if (this.graceTimer !== null) {
      this.clock.clearTimeout(this.graceTimer);
      this.graceTimer = null;
    }
  }

  /** Stops the pending dwell or show. Every path that gives up a hover goes through here. */
  private clearTimer(): void {
    if (this.timer !== null) {
      this.clock.clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.frameId !== null) {
      this.clock.cancelFrame(this.frameId);
      this.frameId = null;
    }
    if (this.stage === 'waiting') {
      this.stage = 'none';
      this.o.onCancel?.();
    }
  }
}
