import { describe, it, expect, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IDBFactory } from 'fake-indexeddb';
import background from '@/entrypoints/background';
import type { Ok, TermCard } from '@/lib/messaging/protocol';
import { makePackage } from '../background/fixtures';

// fake-browser's sendMessage passes an empty sender; trigger the listener with a realistic one.
const send = async (msg: unknown, sender: object) =>
  (await fakeBrowser.runtime.onMessage.trigger(msg, sender)).find((r: unknown) => r !== undefined);

describe('background entrypoint wiring', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // fake-browser implements neither commands.onCommand, runtime.onConnect nor runtime.getManifest.
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation(() => undefined);
    // The PDF ways in (context menu, redirect sync on permission changes) use APIs the fake lacks.
    vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'Migration Lens',
      version: '0.1.0',
    });
    globalThis.indexedDB = new IDBFactory();
    // The entrypoint fetches the packaged kb/*.json files from the extension; serve a small fixture.
    const pkg = makePackage();
    const files: Record<string, unknown> = {
      'kb/bundle.json': pkg.bundle,
      'kb/glossary.json': pkg.glossary,
      'kb/matcher.json': pkg.matcher,
    };
    vi.stubGlobal('fetch', async (url: string) => {
      const key = Object.keys(files).find((k) => String(url).endsWith(k));
      return key ? new Response(JSON.stringify(files[key])) : new Response('missing', { status: 404 });
    });
  });

  it('answers a typed lookup from our own extension with packaged data, and rejects malformed messages', async () => {
    background.main();
    const own = { id: fakeBrowser.runtime.id };
    const ok = (await send({ type: 'lookup', termId: 'gfmd' }, own)) as Ok<TermCard>;
    expect(ok.ok).toBe(true);
    expect(ok.data.expansion).toBe('Global Forum on Migration and Development');
    expect(ok.data.excerpts[0]?.cite).toMatch(/2015/);
    expect(await send({ type: 'lookup' }, own)).toEqual({ ok: false, error: expect.stringMatching(/termId/) });
  });

  it('ignores messages from other extensions and from web pages', async () => {
    background.main();
    expect(await send({ type: 'lookup', termId: 'gfmd' }, { id: 'someone-else' })).toBeUndefined();
    expect(await send({ type: 'lookup', termId: 'gfmd' }, {})).toBeUndefined();
  });
});
