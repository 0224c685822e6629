import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Session } from '@/lib/content/session';
import { hasWords, whenWords } from '@/lib/content/text-gate';
import { globalTimers } from '@/lib/scan/timers';
import { sessionWithBackground, stubHighlights } from '../helpers/session';

describe('text gate', () => {
  it('sees words in text and open shadow roots, not in skipped elements, whitespace or our host', () => {
    const host = document.createElement('div');
    document.head.innerHTML = '<title>Advertisement</title>';
    document.body.innerHTML = '<div> \n </div><script>var ab = 1</script><style>p{}</style><span>.</span>x';
    expect(hasWords(document.documentElement, host)).toBe(false);
    host.textContent = 'Our own card text';
    document.body.append(host);
    expect(hasWords(document.documentElement, host)).toBe(false);
    const el = document.createElement('div');
    el.attachShadow({ mode: 'open' }).innerHTML = '<p>IOM</p>';
    document.body.append(el);
    expect(hasWords(document.documentElement, host)).toBe(true);
    el.remove();
    document.body.append(document.createTextNode('ok'));
    expect(hasWords(document.documentElement, host)).toBe(true);
  });

  it('waits for the first words and can be cancelled', async () => {
    document.head.innerHTML = '';
    document.body.innerHTML = '<div id="slot"></div>';
    const gate = whenWords(document, null, globalTimers, 10);
    let opened = false;
    void gate.ready.then((v) => (opened = v));
    document.getElementById('slot')!.append(' ');
    await new Promise((r) => setTimeout(r, 50));
    expect(opened).toBe(false);
    document.getElementById('slot')!.append('Hello');
    await vi.waitFor(() => expect(opened).toBe(true));
    const other = whenWords(document, null, globalTimers);
    await expect(other.ready).resolves.toBe(true);
    document.body.innerHTML = '';
    const cancelled = whenWords(document, null, globalTimers);
    cancelled.cancel();
    await expect(cancelled.ready).resolves.toBe(false);
  });
});

describe('session on a page without words', () => {
  let session: Session | null = null;
  beforeEach(() => {
    fakeBrowser.reset();
    stubHighlights();
    document.head.innerHTML = '';
    document.body.innerHTML = '<div style="width:300px;height:250px"></div>';
  });
  afterEach(() => {
    session?.stop();
    session = null;
    vi.unstubAllGlobals();
  });

  it('asks the background for nothing until words arrive, then underlines them', async () => {
    const { send, session: s, found } = sessionWithBackground();
    session = s;
    void session.start();
    await new Promise((r) => setTimeout(r, 400));
    expect(send).not.toHaveBeenCalled();
    expect(session.matcher).toBeNull();
    document.body.insertAdjacentHTML('beforeend', '<p>The IOM opened an office.</p>');
    await vi.waitFor(() => expect(found.at(-1)).toEqual(['iom']), { timeout: 3000 });
    expect(send.mock.calls.map(([m]) => (m as { type: string }).type)).toEqual(['terms']);
  });

  it('stop() ends the wait: no request afterwards', async () => {
    const send = vi.fn(() => Promise.resolve({ ok: false, error: 'unused' }));
    session = new Session(document.createElement('div'), send);
    void session.start();
    await new Promise((r) => setTimeout(r, 20));
    session.stop();
    document.body.insertAdjacentHTML('beforeend', '<p>The IOM opened an office.</p>');
    await new Promise((r) => setTimeout(r, 400));
    expect(send).not.toHaveBeenCalled();
  });
});
