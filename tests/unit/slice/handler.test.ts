import { describe, it, expect, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';

// fake-browser's sendMessage passes an empty sender; trigger the listener with a realistic one.
const send = async (msg: unknown, sender: object) => (await fakeBrowser.runtime.onMessage.trigger(msg, sender)).find((r: unknown) => r !== undefined);

describe('background entrypoint', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers a typed lookup from our own extension and rejects malformed messages', async () => {
    background.main();
    const own = { id: fakeBrowser.runtime.id };
    const ok: any = await send({ type: 'lookup', termId: 'gfmd' }, own);
    expect(ok.ok).toBe(true);
    expect(ok.data.expansion).toBe('Global Forum on Migration and Development');
    expect(await send({ type: 'lookup' }, own)).toEqual({ ok: false, error: expect.stringMatching(/termId/) });
  });

  it('ignores messages from other extensions', async () => {
    background.main();
    expect(await send({ type: 'lookup', termId: 'gfmd' }, { id: 'someone-else' })).toBeUndefined();
  });
});
