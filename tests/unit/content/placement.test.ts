import { describe, it, expect, vi } from 'vitest';

// Count floating-ui passes; the position it answers is fixed.
const computePosition = vi.fn(async () => ({ x: 10.4, y: 20.6 }));
vi.mock('@floating-ui/dom', () => ({
  computePosition,
  flip: () => ({}),
  offset: () => ({}),
  shift: () => ({}),
  size: () => ({}),
}));
const { place } = await import('@/lib/content/placement');

const rect = (x: number, y: number) =>
  ({ x, y, width: 40, height: 16, top: y, left: x, right: x + 40, bottom: y + 16, toJSON: () => ({}) }) as DOMRect;
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('place', () => {
  it('places next to the anchor, and skips the floating-ui pass while nothing it depends on changed', async () => {
    const el = document.createElement('div');
    document.body.append(el);
    place(el, () => rect(5, 5));
    await settle();
    expect(el.style.left).toBe('10px');
    expect(el.style.top).toBe('21px');
    expect(computePosition).toHaveBeenCalledTimes(1);
    place(el, () => rect(5, 5)); // the show of a prepared card: same anchor, same size
    await settle();
    expect(computePosition).toHaveBeenCalledTimes(1);
    place(el, () => rect(5, 45)); // the page scrolled
    await settle();
    expect(computePosition).toHaveBeenCalledTimes(2);
    Object.defineProperty(el, 'offsetHeight', { configurable: true, get: () => 300 }); // the card grew
    place(el, () => rect(5, 45));
    await settle();
    expect(computePosition).toHaveBeenCalledTimes(3);
    el.remove();
  });
});
