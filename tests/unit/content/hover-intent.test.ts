import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import {
  FRAME_FALLBACK_MS,
  FRAME_LEAD_MS,
  FRAME_SLACK_MS,
  HoverIntent,
  realClock,
  type Clock,
  type ShowTiming,
} from '@/lib/content/hover-intent';
import { nth } from '@/tests/unit/helpers/nth';

// Fake timers drive both the timeouts and Date.now, so the machine sees a consistent clock. Animation
// frames are explicit: a frame callback waits until the test runs a frame with `frame()`.
let frames: { fn: (inFrame: boolean) => void }[] = [];
const clock: Clock = {
  now: () => Date.now(),
  setTimeout: (f, ms) => setTimeout(f, ms),
  clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
  frame: (fn) => {
    const h = { fn };
    frames.push(h);
    return h;
  },
  cancelFrame: (h) => {
    frames = frames.filter((x) => x !== h);
  },
};
/** One animation frame: runs the callbacks requested before it. */
function frame(): void {
  const due = frames;
  frames = [];
  for (const h of due) h.fn(true);
}
/** Fake time passes, then the next frame runs (what a real page does: frames keep coming). */
function tick(ms: number): void {
  vi.advanceTimersByTime(ms);
  frame();
}

function setup(delay = 350) {
  const log: string[] = [];
  const seqs: number[] = [];
  const shows: ShowTiming[] = [];
  const intent = new HoverIntent<string>({
    clock,
    showDelayMs: () => delay,
    onDwell: (t, s) => {
      log.push(`dwell:${t}`);
      seqs.push(s);
    },
    onShow: (t, _s, when) => {
      log.push(`show:${t}`);
      shows.push(when);
    },
    onHide: () => log.push('hide'),
    onCancel: () => log.push('cancel'),
  });
  return { intent, log, seqs, shows };
}

describe('HoverIntent', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
    frames = [];
  });
  afterEach(() => vi.useRealTimers());

  it('prefetches after the dwell and shows at the configured delay, counted from entering the term', () => {
    const { intent, log } = setup(350);
    intent.move('iom', 10, 10);
    tick(99);
    expect(log).toEqual([]);
    tick(1);
    expect(log).toEqual(['dwell:iom']);
    expect(intent.phase).toBe('waiting');
    tick(249 - FRAME_SLACK_MS); // (a frame up to FRAME_SLACK_MS early counts, see below)
    expect(log).toEqual(['dwell:iom']);
    tick(FRAME_SLACK_MS + 1);
    expect(log).toEqual(['dwell:iom', 'show:iom']);
    expect(intent.phase).toBe('shown');
  });

  it('shows right at the dwell when the delay is shorter than the dwell', () => {
    const { intent, log } = setup(0);
    intent.move('iom', 10, 10);
    tick(100);
    expect(log).toEqual(['dwell:iom', 'show:iom']);
  });

  it('reads the delay on every hover (settings change applies live)', () => {
    let delay = 350;
    const log: string[] = [];
    const intent = new HoverIntent<string>({
      clock,
      showDelayMs: () => delay,
      onDwell: () => {},
      onShow: (t) => log.push(t),
      onHide: () => {},
    });
    delay = 1000;
    intent.move('a', 0, 0);
    tick(999 - FRAME_SLACK_MS);
    expect(log).toEqual([]);
    tick(FRAME_SLACK_MS + 1);
    expect(log).toEqual(['a']);
  });

  it('leaving before the dwell shows nothing and makes the hover stale', () => {
    const { intent, log } = setup();
    intent.move('iom', 10, 10);
    tick(150); // dwell fired, prefetch started
    expect(log).toEqual(['dwell:iom']);
    intent.move(null, 200, 10);
    tick(1000);
    expect(log).toEqual(['dwell:iom', 'cancel']); // the prepared card is dropped
    expect(intent.phase).toBe('idle');
  });

  it('drops the stale lookup: the dwell seq is no longer current once the pointer moved on', () => {
    const { intent, seqs } = setup();
    intent.move('iom', 10, 10);
    tick(100);
    const first = nth(seqs, 0);
    expect(intent.isCurrent(first)).toBe(true);
    intent.move('gfmd', 60, 10);
    expect(intent.isCurrent(first)).toBe(false);
    tick(100);
    expect(intent.isCurrent(nth(seqs, 1))).toBe(true);
  });

  it('keeps the card during the grace period, and while the pointer is on the card', () => {
    const { intent, log } = setup(100);
    intent.move('iom', 10, 10);
    tick(100);
    expect(log).toEqual(['dwell:iom', 'show:iom']);
    intent.move(null, 10, 40);
    expect(intent.phase).toBe('grace');
    tick(200);
    intent.enterCard();
    tick(5000);
    expect(log.includes('hide')).toBe(false);
    intent.leaveCard();
    tick(299);
    expect(log.includes('hide')).toBe(false);
    tick(1);
    expect(log.at(-1)).toBe('hide');
    expect(intent.phase).toBe('idle');
  });

  it('coming back to the term during the grace cancels the hide', () => {
    const { intent, log } = setup(100);
    intent.move('iom', 10, 10);
    tick(100);
    intent.move(null, 10, 40);
    tick(250);
    intent.move('iom', 12, 12);
    tick(1000);
    expect(log).toEqual(['dwell:iom', 'show:iom']);
    expect(intent.phase).toBe('shown');
  });

  it('suppresses popovers while the pointer sweeps fast across terms', () => {
    const { intent, log } = setup(350);
    // 20 px every 5 ms = 4 px/ms, across the same long term and then a second one.
    let x = 0;
    for (let i = 0; i < 40; i++) {
      intent.move(i < 30 ? 'long-term' : 'other', (x += 20), 10);
      tick(5);
    }
    intent.move(null, x + 20, 10);
    tick(2000);
    expect(log).toEqual([]);
  });

  it('a sweep that comes to rest on a term still shows it, counted from the rest', () => {
    const { intent, log } = setup(350);
    for (let i = 0; i < 10; i++) {
      intent.move('iom', i * 20, 10);
      tick(5);
    }
    tick(90); // 95 ms since the last fast move
    expect(log).toEqual([]); // the dwell restarted at the last fast move
    tick(5);
    expect(log).toEqual(['dwell:iom']);
    tick(250);
    expect(log).toEqual(['dwell:iom', 'show:iom']);
  });

  it('slow moves within a term do not restart the dwell', () => {
    const { intent, log } = setup(100);
    intent.move('iom', 10, 10);
    tick(50);
    intent.move('iom', 12, 10); // 2 px in 50 ms
    tick(50);
    expect(log).toEqual(['dwell:iom', 'show:iom']);
  });

  it('moving from a shown card to another term switches cards without a gap', () => {
    const { intent, log } = setup(100);
    intent.move('a', 10, 10);
    tick(100);
    intent.move('b', 80, 10);
    tick(100);
    expect(log).toEqual(['dwell:a', 'show:a', 'dwell:b', 'show:b']);
    tick(1000);
    expect(log.includes('hide')).toBe(false);
    expect(intent.shown).toBe('b');
  });

  it('reset forgets the hover without calling onHide', () => {
    const { intent, log } = setup(100);
    intent.move('a', 10, 10);
    tick(100);
    intent.reset();
    intent.move(null, 0, 0);
    tick(1000);
    expect(log).toEqual(['dwell:a', 'show:a']);
    expect(intent.phase).toBe('idle');
  });

  // ---- the show is frame-aligned ----

  it('shows in the first animation frame that runs after the delay, never from the timer', () => {
    const { intent, log, shows } = setup(350);
    intent.move('iom', 10, 10);
    vi.advanceTimersByTime(350 - FRAME_LEAD_MS - 1);
    expect(frames).toHaveLength(0); // no frame wanted until shortly before the delay ends
    vi.advanceTimersByTime(1);
    expect(frames).toHaveLength(1);
    vi.advanceTimersByTime(FRAME_LEAD_MS - FRAME_SLACK_MS - 1);
    frame(); // a frame that runs too early asks for the next one
    expect(log).toEqual(['dwell:iom']);
    expect(frames).toHaveLength(1);
    vi.advanceTimersByTime(FRAME_SLACK_MS + 1 + 7); // the delay is over; no frame yet (7 ms to go)
    expect(log).toEqual(['dwell:iom']);
    expect(intent.phase).toBe('waiting');
    frame();
    expect(log).toEqual(['dwell:iom', 'show:iom']);
    expect(intent.phase).toBe('shown');
    // dueAt: when the delay elapsed; at: the frame callback; inFrame: DOM changes now land in this frame.
    expect(shows).toEqual([{ dueAt: 1_000_350, at: 1_000_357, inFrame: true }]);
  });

  it('frames before the delay do not show the card (the delay is honoured, to FRAME_SLACK_MS)', () => {
    const { intent, log, shows } = setup(350);
    intent.move('iom', 10, 10);
    for (let t = 0; t < 350 - FRAME_SLACK_MS - 1; t++) tick(1); // a frame every ms, far more than any display
    expect(log).toEqual(['dwell:iom']);
    tick(1);
    expect(log).toEqual(['dwell:iom', 'show:iom']);
    // A frame that begins just before the delay ends is the one to catch: it is painted after it.
    expect(nth(shows, 0).dueAt - nth(shows, 0).at).toBe(FRAME_SLACK_MS);
  });

  it('leaving between the delay and the frame cancels the show', () => {
    const { intent, log } = setup(350);
    intent.move('iom', 10, 10);
    vi.advanceTimersByTime(350);
    expect(frames).toHaveLength(1);
    intent.move(null, 300, 10);
    expect(frames).toHaveLength(0);
    tick(1000);
    expect(log).toEqual(['dwell:iom', 'cancel']);
    expect(intent.phase).toBe('idle');
  });

  it('moving to another term between the delay and the frame shows only the new term, at its own delay', () => {
    const { intent, log } = setup(350);
    intent.move('a', 10, 10);
    vi.advanceTimersByTime(350);
    intent.move('b', 80, 10); // 70 px in one sample, but a new term: a new dwell
    frame();
    expect(log).toEqual(['dwell:a', 'cancel']);
    tick(349 - FRAME_SLACK_MS);
    expect(log).toEqual(['dwell:a', 'cancel', 'dwell:b']);
    tick(FRAME_SLACK_MS + 1);
    expect(log).toEqual(['dwell:a', 'cancel', 'dwell:b', 'show:b']);
  });

  it("reaching the shown card between the delay and the frame cancels the other term's show", () => {
    const { intent, log } = setup(100);
    intent.move('a', 10, 10);
    tick(100);
    intent.move('b', 60, 10);
    vi.advanceTimersByTime(100);
    intent.enterCard();
    frame();
    expect(log).toEqual(['dwell:a', 'show:a', 'dwell:b', 'cancel']);
    expect(intent.shown).toBe('a');
  });

  it('onCancel only for hovers whose dwell fired and that never showed', () => {
    const { intent, log } = setup(350);
    intent.move('a', 10, 10);
    tick(50);
    intent.move(null, 300, 10); // before the dwell: nothing was prefetched
    tick(400);
    intent.move('a', 10, 10);
    tick(350);
    intent.move(null, 300, 10); // shown: grace and hide, no cancel
    tick(400);
    expect(log).toEqual(['dwell:a', 'show:a', 'hide']);
  });
});

describe('realClock.frame', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    frames = [];
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('with a 16 ms display (fake requestAnimationFrame) the card shows at the first frame after the delay', () => {
    const log: { t: number; when: ShowTiming }[] = [];
    const intent = new HoverIntent<string>({
      showDelayMs: () => 350,
      onDwell: () => {},
      onShow: (_t, _s, when) => log.push({ t: performance.now(), when }),
      onHide: () => {},
    });
    vi.advanceTimersByTime(16 - (performance.now() % 16) + 5); // 5 ms into a frame
    const t0 = performance.now();
    intent.move('iom', 10, 10);
    vi.advanceTimersByTime(350);
    expect(log).toEqual([]); // the delay elapsed between two frames
    const nextFrame = 16 - (performance.now() % 16);
    vi.advanceTimersByTime(nextFrame - 1);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(log).toHaveLength(1);
    expect(nth(log, 0).when.inFrame).toBe(true);
    expect(nth(log, 0).when.dueAt - t0).toBe(350);
    expect(nth(log, 0).t - t0).toBe(350 + nextFrame);
  });

  it('with a 16 ms display and the pointer arriving at a frame start, the show is not a frame late', () => {
    const log: number[] = [];
    const intent = new HoverIntent<string>({
      showDelayMs: () => 352,
      onDwell: () => {},
      onShow: () => log.push(performance.now()),
      onHide: () => {},
    });
    vi.advanceTimersByTime(16 - (performance.now() % 16)); // a frame boundary
    const t0 = performance.now();
    intent.move('iom', 10, 10);
    vi.advanceTimersByTime(352); // 22 frames: a frame starts exactly as the delay ends
    expect(log.map((t) => t - t0)).toEqual([352]);
  });

  it('falls back to a timer when no frame comes (a document that is not rendering)', () => {
    vi.stubGlobal('requestAnimationFrame', () => 1);
    vi.stubGlobal('cancelAnimationFrame', () => {});
    const seen: boolean[] = [];
    realClock.frame((inFrame) => seen.push(inFrame));
    vi.advanceTimersByTime(FRAME_FALLBACK_MS - 1);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual([false]);
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([false]); // once
  });

  it('a frame runs the callback once and cancels the fallback; cancelFrame stops both', () => {
    const seen: boolean[] = [];
    realClock.frame((inFrame) => seen.push(inFrame));
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([true]);
    const h = realClock.frame((inFrame) => seen.push(inFrame));
    realClock.cancelFrame(h);
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([true]);
  });
});
