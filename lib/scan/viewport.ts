/** The page scanner's reading order (./page-scanner.ts): blocks near the viewport first. */
import type { Block } from './blocks';

/**
 * Blocks on or near the screen first, so what the reader sees is underlined first. Document order is
 * close enough to visual order to binary-search the on-screen stretch with a few dozen rect reads
 * (one read per block cost more than matching a small page); where it is not (fixed headers, hidden
 * blocks), some visible block is merely painted a slice later. `screen`: the blocks on the screen itself
 * (the scanner's first glance).
 */
export function viewportFirst(blocks: Block[], h: number): { order: Block[]; screen: Block[] } {
  const top = (i: number) => blocks[i]!.el.getBoundingClientRect();
  // First block whose bottom reaches one screen above the viewport, first whose top is two screens below.
  const search = (pred: (i: number) => boolean) => {
    let lo = 0,
      hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pred(mid)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const a = search((i) => top(i).bottom >= -h);
  const b = Math.min(
    search((i) => top(i).top > 2 * h),
    a + 400,
  );
  // The blocks on the screen itself, [0, h], within that stretch.
  const screen = blocks.slice(
    search((i) => i >= a && top(i).bottom >= 0),
    Math.min(
      search((i) => i >= b || top(i).top > h),
      b,
    ),
  );
  if (a === 0 || a >= b) return { order: blocks, screen };
  return { order: blocks.slice(a, b).concat(blocks.slice(0, a), blocks.slice(b)), screen };
}
