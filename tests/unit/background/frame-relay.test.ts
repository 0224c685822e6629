import { describe, it, expect, vi } from 'vitest';
import { relayFrameCard } from '@/lib/background/frame-relay';
import { parseFrameCard, parseFrameDelivery } from '@/lib/messaging/frame-protocol';

const show = {
  type: 'frameCard',
  op: 'show',
  termId: 'iom',
  rect: { x: 10, y: 20, width: 30, height: 16 },
  pinned: false,
  src: 'http://127.0.0.2/f.html',
  view: { w: 370, h: 70 },
};

describe('frameCard messages', () => {
  it('accepts only well-formed ones', () => {
    expect(parseFrameCard(show)).toEqual(show);
    expect(parseFrameCard({ ...show, rect: { x: 'a' } })).toBeNull();
    expect(parseFrameCard({ ...show, op: 'explode' })).toBeNull();
    expect(parseFrameCard({ type: 'frameCard', op: 'enter', to: -1 })).toBeNull();
    expect(parseFrameDelivery({ ...show })).toBeNull(); // no sender frame id
    expect(parseFrameDelivery({ ...show, from: 3 })?.from).toBe(3);
  });

  it('a frame reaches the top frame only, stamped with its own frame id', async () => {
    const send = vi.fn(async () => ({ ok: true }));
    expect(await relayFrameCard({ ...show, to: 5 }, { tab: { id: 7 }, frameId: 3 }, send)).toEqual({ ok: true });
    expect(send).toHaveBeenCalledWith(7, { ...show, to: 5, from: 3 }, 0);
  });

  it('the top frame reaches the frame it names; nothing else is relayed', async () => {
    const send = vi.fn(async () => ({ ok: true }));
    await relayFrameCard({ type: 'frameCard', op: 'enter', to: 3 }, { tab: { id: 7 }, frameId: 0 }, send);
    expect(send).toHaveBeenCalledWith(7, { type: 'frameCard', op: 'enter', to: 3, from: 0 }, 3);
    send.mockClear();
    expect(await relayFrameCard({ type: 'frameCard', op: 'enter' }, { tab: { id: 7 }, frameId: 0 }, send)).toEqual({
      ok: false,
    });
    expect(await relayFrameCard({ ...show, type: 'lookup' }, { tab: { id: 7 }, frameId: 3 }, send)).toEqual({
      ok: false,
    });
    expect(send).not.toHaveBeenCalled();
  });

  it('no content script in the top frame: the reply says so and the frame draws its own card', async () => {
    const send = vi.fn(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    expect(await relayFrameCard(show, { tab: { id: 7 }, frameId: 3 }, send)).toEqual({ ok: false });
  });
});
