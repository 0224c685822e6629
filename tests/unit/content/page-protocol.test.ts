import { describe, expect, it } from 'vitest';
import { parsePageRequest } from '@/lib/messaging/page-protocol';

describe('page protocol: term keys and the side panel jump (issue #16)', () => {
  it('stepTerm carries a direction of 1 or -1, nothing else', () => {
    expect(parsePageRequest({ type: 'stepTerm', dir: 1 })).toEqual({ type: 'stepTerm', dir: 1 });
    expect(parsePageRequest({ type: 'stepTerm', dir: -1 })).toEqual({ type: 'stepTerm', dir: -1 });
    expect(parsePageRequest({ type: 'stepTerm', dir: 2 })).toBeNull();
    expect(parsePageRequest({ type: 'stepTerm' })).toBeNull();
  });

  it('jumpTo may ask to open the card; a non-boolean open is refused', () => {
    expect(parsePageRequest({ type: 'jumpTo', termId: 'iom', index: 0, open: true })).toEqual({
      type: 'jumpTo',
      termId: 'iom',
      index: 0,
      open: true,
    });
    expect(parsePageRequest({ type: 'jumpTo', termId: 'iom' })).toEqual({
      type: 'jumpTo',
      termId: 'iom',
      index: undefined,
    });
    expect(parsePageRequest({ type: 'jumpTo', termId: 'iom', open: 'yes' })).toBeNull();
  });
});
