import { describe, expect, it } from 'vitest';
import { Dock, dockSide, dropIndex, overlap } from '@/lib/content/dock';

const at = (left: number, width = 40) => ({ left, right: left + width });

describe('trainer dock side', () => {
  it('starts away from the active occurrence, right when there is none', () => {
    expect(dockSide(null, null, 300, 1200)).toBe('right');
    expect(dockSide(null, at(100), 300, 1200)).toBe('right');
    expect(dockSide(null, at(900), 300, 1200)).toBe('left');
  });

  it('first time, beside the text: the side covering less of the block of the occurrence wins', () => {
    // The paragraph spans 40–800 of 1400; the occurrence sits right of the middle.
    expect(dockSide(null, at(700), 580, 1400, { left: 40, right: 800 })).toBe('right');
    expect(dockSide(null, at(700), 580, 1400)).toBe('left');
    // A paragraph as wide as the viewport: away from the occurrence.
    expect(dockSide(null, at(900), 300, 1200, { left: 0, right: 1200 })).toBe('left');
  });

  it('stays where the reader put it unless the occurrence would be under it', () => {
    expect(dockSide('left', at(700), 300, 1200)).toBe('left');
    expect(dockSide('left', at(200), 300, 1200)).toBe('right');
    expect(dockSide('right', at(1000), 300, 1200)).toBe('left');
    // Under neither column: no move.
    expect(dockSide('right', at(500), 300, 1200)).toBe('right');
  });

  it('on a narrow viewport covered on both sides, takes the side that covers less', () => {
    // 400 px viewport, 250 px columns (8 px from the edge): an occurrence at 240–280 is under both.
    expect(overlap(at(240), 'left', 250, 400)).toBe(18);
    expect(overlap(at(240), 'right', 250, 400)).toBe(40);
    expect(dockSide('right', at(240), 250, 400)).toBe('left');
    expect(dockSide('left', at(240), 250, 400)).toBe('left');
  });
});

describe('trainer dock order', () => {
  it('keeps the order of known cards; new ones go to the bottom; closed ones leave', () => {
    const d = new Dock();
    expect(d.sync([3, 1])).toEqual([3, 1]);
    expect(d.sync([1, 3, 7])).toEqual([3, 1, 7]);
    expect(d.sync([7, 3])).toEqual([3, 7]);
  });

  it('moves a card up and down, clamped at the ends; an empty dock forgets its side', () => {
    const d = new Dock();
    d.sync([1, 2, 3]);
    expect(d.move(3, -1)).toBe(true);
    expect(d.order).toEqual([1, 3, 2]);
    expect(d.move(1, -1)).toBe(false);
    expect(d.moveTo(1, 9)).toBe(true);
    expect(d.order).toEqual([3, 2, 1]);
    expect(d.move(9, 1)).toBe(false);
    d.side = 'left';
    expect(d.flip()).toBe('right');
    d.held = true;
    d.sync([]);
    expect(d.side).toBeNull();
    expect(d.held).toBe(false);
  });

  it('a drag lands after every card whose middle (or first 48 px) it passed', () => {
    const boxes = [
      { top: 0, bottom: 100 },
      { top: 110, bottom: 300 },
    ];
    expect(dropIndex(10, boxes)).toBe(0);
    expect(dropIndex(60, boxes)).toBe(1);
    expect(dropIndex(150, boxes)).toBe(1);
    expect(dropIndex(170, boxes)).toBe(2);
  });
});
