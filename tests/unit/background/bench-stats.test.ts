import { describe, expect, it } from 'vitest';
import { median, p95 } from '../../bench/lib/stats.mjs';

describe('bench statistics (tests/bench/lib/stats.mjs)', () => {
  it('p95 is the nearest-rank value, always one that was observed', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(p95(hundred)).toBe(95);
    expect(p95(Array.from({ length: 20 }, (_, i) => i + 1))).toBe(19);
    expect(p95([0.5, 7, 2])).toBe(7);
    expect(p95([4])).toBe(4);
    expect(p95([])).toBeNaN();
  });
  it('median is the lower middle value, not an average', () => {
    expect(median([4, 1, 3, 2])).toBe(2);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([])).toBeNaN();
  });
});
