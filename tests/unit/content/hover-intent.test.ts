import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { HoverIntent, type Clock } from '@/lib/content/hover-intent';

// Fake timers drive both the timeouts and Date.now, so the machine sees a consistent clock.
const clock: Clock = { now: () => Date.now(), setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (id) => clearTimeout(id as any) };

function setup(delay = 350) {
  const log: string[] = [];
  const seqs: number[] = [];
  const intent = new HoverIntent<string>({
    clock, showDelayMs: () => delay,
    onDwell: (t, s) => { log.push(`dwell:${t}`); seqs.push(s); },
    onShow: (t) => log.push(`show:${t}`),
    onHide: () => log.push('hide'),
  });
  return { intent, log, seqs };
}

describe('HoverIntent', () => {
  beforeEach(() => { vi.useFakeTimers(); vi.setSystemTime(1_000_000); });
  afterEach(() => vi.useRealTimers());

  it('prefetches after the dwell and shows at the configured delay, counted from entering the term', () => {
    const { intent, log } = setup(350);
    intent.move('iom', 10, 10);
    vi.advanceTimersByTime(99);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['dwell:iom']);
    expect(intent.phase).toBe('waiting');
    vi.advanceTimersByTime(249);
    expect(log).toEqual(['dwell:iom']);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['dwell:iom', 'show:iom']);
    expect(intent.phase).toBe('shown');
  });

  it('shows right at the dwell when the delay is shorter than the dwell', () => {
    const { intent, log } = setup(0);
    intent.move('iom', 10, 10);
    vi.advanceTimersByTime(100);
    expect(log).toEqual(['dwell:iom', 'show:iom']);
  });

  it('reads the delay on every hover (settings change applies live)', () => {
    let delay = 350;
    const log: string[] = [];
    const intent = new HoverIntent<string>({ clock, showDelayMs: () => delay, onDwell: () => {}, onShow: (t) => log.push(t), onHide: () => {} });
    delay = 1000;
    intent.move('a', 0, 0);
    vi.advanceTimersByTime(999);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['a']);
  });

  it('leaving before the dwell shows nothing and makes the hover stale', () => {
    const { intent, log } = setup();
    intent.move('iom', 10, 10);
    vi.advanceTimersByTime(150); // dwell fired, prefetch started
    expect(log).toEqual(['dwell:iom']);
    intent.move(null, 200, 10);
    vi.advanceTimersByTime(1000);
    expect(log).toEqual(['dwell:iom']);
    expect(intent.phase).toBe('idle');
  });

  it('drops the stale lookup: the dwell seq is no longer current once the pointer moved on', () => {
    const { intent, seqs } = setup();
    intent.move('iom', 10, 10);
    vi.advanceTimersByTime(100);
    const first = seqs[0];
    expect(intent.isCurrent(first)).toBe(true);
    intent.move('gfmd', 60, 10);
    expect(intent.isCurrent(first)).toBe(false);
    vi.advanceTimersByTime(100);
    expect(intent.isCurrent(seqs[1])).toBe(true);
  });

  it('keeps the card during the grace period, and while the pointer is on the card', () => {
    const { intent, log } = setup(100);
    intent.move('iom', 10, 10);
    vi.advanceTimersByTime(100);
    expect(log).toEqual(['dwell:iom', 'show:iom']);
    intent.move(null, 10, 40);
    expect(intent.phase).toBe('grace');
    vi.advanceTimersByTime(200);
    intent.enterCard();
    vi.advanceTimersByTime(5000);
    expect(log.includes('hide')).toBe(false);
    intent.leaveCard();
    vi.advanceTimersByTime(299);
    expect(log.includes('hide')).toBe(false);
    vi.advanceTimersByTime(1);
    expect(log.at(-1)).toBe('hide');
    expect(intent.phase).toBe('idle');
  });

  it('coming back to the term during the grace cancels the hide', () => {
    const { intent, log } = setup(100);
    intent.move('iom', 10, 10);
    vi.advanceTimersByTime(100);
    intent.move(null, 10, 40);
    vi.advanceTimersByTime(250);
    intent.move('iom', 12, 12);
    vi.advanceTimersByTime(1000);
    expect(log).toEqual(['dwell:iom', 'show:iom']);
    expect(intent.phase).toBe('shown');
  });

  it('suppresses popovers while the pointer sweeps fast across terms', () => {
    const { intent, log } = setup(350);
    // 20 px every 5 ms = 4 px/ms, across the same long term and then a second one.
    let x = 0;
    for (let i = 0; i < 40; i++) {
      intent.move(i < 30 ? 'long-term' : 'other', (x += 20), 10);
      vi.advanceTimersByTime(5);
    }
    intent.move(null, x + 20, 10);
    vi.advanceTimersByTime(2000);
    expect(log).toEqual([]);
  });

  it('a sweep that comes to rest on a term still shows it, counted from the rest', () => {
    const { intent, log } = setup(350);
    for (let i = 0; i < 10; i++) { intent.move('iom', i * 20, 10); vi.advanceTimersByTime(5); }
    vi.advanceTimersByTime(90); // 95 ms since the last fast move
    expect(log).toEqual([]); // the dwell restarted at the last fast move
    vi.advanceTimersByTime(5);
    expect(log).toEqual(['dwell:iom']);
    vi.advanceTimersByTime(250);
    expect(log).toEqual(['dwell:iom', 'show:iom']);
  });

  it('slow moves within a term do not restart the dwell', () => {
    const { intent, log } = setup(100);
    intent.move('iom', 10, 10);
    vi.advanceTimersByTime(50);
    intent.move('iom', 12, 10); // 2 px in 50 ms
    vi.advanceTimersByTime(50);
    expect(log).toEqual(['dwell:iom', 'show:iom']);
  });

  it('moving from a shown card to another term switches cards without a gap', () => {
    const { intent, log } = setup(100);
    intent.move('a', 10, 10);
    vi.advanceTimersByTime(100);
    intent.move('b', 80, 10);
    vi.advanceTimersByTime(100);
    expect(log).toEqual(['dwell:a', 'show:a', 'dwell:b', 'show:b']);
    vi.advanceTimersByTime(1000);
    expect(log.includes('hide')).toBe(false);
    expect(intent.shown).toBe('b');
  });

  it('reset forgets the hover without calling onHide', () => {
    const { intent, log } = setup(100);
    intent.move('a', 10, 10);
    vi.advanceTimersByTime(100);
    intent.reset();
    intent.move(null, 0, 0);
    vi.advanceTimersByTime(1000);
    expect(log).toEqual(['dwell:a', 'show:a']);
    expect(intent.phase).toBe('idle');
  });
});
