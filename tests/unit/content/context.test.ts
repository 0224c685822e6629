import { describe, it, expect, vi, beforeEach, afterEach, type Mock } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startContentApp } from '@/lib/content/app';
import { contextTimers, listen, manualContext, type AppContext } from '@/lib/content/context';
import type { ContentPorts } from '@/lib/content/ports';
import { compileMatcher } from '@/lib/match/compile';
import type { GlossarySource } from '@/lib/glossary/types';
import { FOCUS_NAME, HIGHLIGHT_NAME } from '@/lib/scan/highlight';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// happy-dom has neither the CSS Custom Highlight API nor layout: stub both (as tests/unit/slice does).
class FakeHighlight extends Set<AbstractRange> {
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}
const highlights = () => (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;

/** An orphaned content script: Chromium takes `runtime.id` away from it when the extension reloads. */
const RUNTIME_ID = fakeBrowser.runtime.id;
const orphan = () => {
  (fakeBrowser.runtime as { id?: string }).id = undefined;
};
// fakeBrowser.reset() leaves runtime.id as it is.
const unorphan = () => {
  fakeBrowser.runtime.id = RUNTIME_ID;
};

describe('contextTimers and listen', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    unorphan();
  });

  it('no timeout or frame scheduled before the invalidation runs after it', async () => {
    const ctx = manualContext();
    const t = contextTimers(ctx);
    const ran: string[] = [];
    t.setTimeout(() => ran.push('timeout'), 5);
    t.requestAnimationFrame(() => ran.push('frame'));
    const kept = t.setTimeout(() => ran.push('cleared'), 5);
    t.clearTimeout(kept);
    ctx.invalidate();
    t.setTimeout(() => ran.push('late'), 0);
    await sleep(60);
    expect(ran).toEqual([]);
    expect(t.isValid).toBe(false);
  });

  it('a timer that fires in an orphaned script invalidates WXT’s context instead of running', async () => {
    const ctx = new ContentScriptContext('timers');
    const ended = vi.fn();
    ctx.onInvalidated(ended);
    const t = contextTimers(ctx);
    const ran = vi.fn();
    t.setTimeout(ran, 10);
    await sleep(30);
    expect(ran).toHaveBeenCalledTimes(1); // still valid: runs
    t.setTimeout(ran, 10);
    orphan();
    await sleep(30);
    expect(ran).toHaveBeenCalledTimes(1);
    expect(ended).toHaveBeenCalledTimes(1);
    expect(ctx.isInvalid).toBe(true);
  });

  it('a listener of an orphaned script notices it: the handler does not run, and the listener is removed', () => {
    const ctx = new ContentScriptContext('listen');
    const seen = vi.fn();
    const ended = vi.fn();
    ctx.onInvalidated(ended);
    listen<KeyboardEvent>(ctx, document, 'keydown', (e) => seen(e.key));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    expect(seen).toHaveBeenCalledWith('a');
    orphan();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'b' }));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'c' }));
    expect(seen).toHaveBeenCalledTimes(1);
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('WXT’s ContentScriptContext is an AppContext (the content script passes it as is)', () => {
    const ctx: AppContext = new ContentScriptContext('type');
    const seen = vi.fn();
    listen(ctx, document, 'click', seen);
    (ctx as ContentScriptContext).notifyInvalidated();
    document.dispatchEvent(new MouseEvent('click'));
    expect(seen).not.toHaveBeenCalled();
  });
});

const glossary: GlossarySource[] = [
  { id: 'iom', label: 'IOM', expansion: 'International Organization for Migration', category: 'agency', summary: 'x' },
  {
    id: 'gfmd',
    label: 'GFMD',
    expansion: 'Global Forum on Migration and Development',
    category: 'process-forum',
    summary: 'y',
  },
];

describe('content app lifetime', () => {
  let send: Mock<(msg: unknown) => Promise<unknown>>;
  let ports: ContentPorts;
  let unlisten: Mock<() => void>;
  let unwatch: Mock<() => void>;
  let watching: Set<unknown>;
  let sheetsBefore: number;

  /** Pointer at the first term of the page's first paragraph (caret and word box stubbed). */
  const pointAtTerm = () => {
    const text = document.getElementById('p')!.firstChild as Text;
    (document as unknown as { caretPositionFromPoint: unknown }).caretPositionFromPoint = () => ({
      offsetNode: text,
      offset: 5,
    });
    const rect = { left: 0, right: 100, top: 0, bottom: 40, width: 100, height: 40, x: 0, y: 0 } as DOMRect;
    vi.spyOn(Range.prototype, 'getBoundingClientRect').mockReturnValue(rect);
  };
  const move = () => document.dispatchEvent(new MouseEvent('mousemove', { clientX: 20, clientY: 20, bubbles: true }));
  const lookups = () => send.mock.calls.filter(([m]) => (m as { type: string }).type === 'lookup').length;
  const host = () => document.querySelector('migration-lens-host');
  const cardShown = () => !!host()?.shadowRoot?.querySelector('[data-testid=ml-popover]');

  async function start(ctx: AppContext): Promise<void> {
    startContentApp(ctx, ports);
    await vi.waitFor(() => expect(highlights().get(HIGHLIGHT_NAME)?.size).toBe(2));
    pointAtTerm();
  }

  /** Everything the app put on the page is gone, and nothing comes back. */
  async function expectQuiet(): Promise<void> {
    expect(host()).toBeNull();
    expect(highlights().has(HIGHLIGHT_NAME)).toBe(false);
    expect(highlights().has(FOCUS_NAME)).toBe(false);
    expect(document.adoptedStyleSheets.length).toBe(sheetsBefore);
    expect(unlisten).toHaveBeenCalledTimes(1);
    expect(unwatch).toHaveBeenCalledTimes(2);
    expect(watching.size).toBe(0);
    const before = send.mock.calls.length;
    move();
    document.dispatchEvent(new MouseEvent('click', { clientX: 20, clientY: 20, button: 0, bubbles: true }));
    const p = document.createElement('p');
    p.textContent = 'Later the GFMD met again.';
    document.body.append(p);
    // Past the dwell, the hover delay and the rescan debounce.
    await sleep(700);
    expect(send.mock.calls.length).toBe(before);
    expect(host()).toBeNull();
    expect(highlights().size).toBe(0);
  }

  beforeEach(async () => {
    fakeBrowser.reset();
    unorphan();
    (globalThis as unknown as { Highlight: unknown }).Highlight = FakeHighlight;
    vi.stubGlobal('CSS', { escape: (s: string) => s, supports: () => false, highlights: new Map() });
    document.body.innerHTML = '<p id="p">The IOM and the GFMD met on migration.</p>';
    sheetsBefore = document.adoptedStyleSheets.length;
    const matcher = JSON.parse(JSON.stringify(compileMatcher(glossary))) as unknown;
    send = vi.fn(async (msg: unknown): Promise<unknown> => {
      const m = msg as { type: string; termId?: string };
      if (m.type === 'terms') return { ok: true, data: { version: 't', matcher, uncompiled: [] } };
      if (m.type === 'lookup') {
        const g = glossary.find((e) => e.id === m.termId)!;
        return {
          ok: true,
          data: {
            id: g.id,
            label: g.label,
            expansion: g.expansion,
            category: g.category,
            summary: g.summary,
            excerpts: [],
            related: [],
          },
        };
      }
      return { ok: false, error: 'not in this test' };
    });
    unlisten = vi.fn<() => void>();
    ports = {
      send,
      onMessage: () => unlisten,
      openSearch: vi.fn(),
      loadUi: () => import('@/lib/content/card-ui-module'),
    };
    // The session's storage watches (settings and the glossary version) are storage.onChanged listeners.
    watching = new Set();
    unwatch = vi.fn<() => void>();
    const onChanged = fakeBrowser.storage.onChanged;
    const add = onChanged.addListener.bind(onChanged);
    const remove = onChanged.removeListener.bind(onChanged);
    vi.spyOn(onChanged, 'addListener').mockImplementation((cb) => {
      watching.add(cb);
      add(cb);
    });
    vi.spyOn(onChanged, 'removeListener').mockImplementation((cb) => {
      if (watching.delete(cb)) unwatch();
      remove(cb);
    });
  });

  afterEach(() => {
    host()?.remove();
    delete (document as unknown as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('shows cards while the context lives; its invalidation removes cards, host, highlights and listeners', async () => {
    const ctx = new ContentScriptContext('app');
    await start(ctx);
    move();
    await vi.waitFor(() => expect(cardShown()).toBe(true), { timeout: 3000 });
    expect(lookups()).toBe(1);
    ctx.notifyInvalidated();
    await expectQuiet();
  });

  it('a hover in progress when the context ends neither looks the term up nor shows a card', async () => {
    const ctx = manualContext();
    await start(ctx);
    move(); // the dwell timer is pending
    ctx.invalidate();
    await expectQuiet();
    expect(lookups()).toBe(0);
  });

  it('an orphaned script goes quiet at the next key press: a pinned card closes without taking the key', async () => {
    const ctx = new ContentScriptContext('orphan');
    await start(ctx);
    document.dispatchEvent(new MouseEvent('click', { clientX: 20, clientY: 20, button: 0, bubbles: true }));
    await vi.waitFor(() => expect(cardShown()).toBe(true));
    orphan();
    const esc = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    document.dispatchEvent(esc);
    expect(esc.defaultPrevented).toBe(false); // our handler did not run: the page keeps its Esc
    expect(ctx.isValid).toBe(false);
    await expectQuiet();
  });

  it('an orphaned script goes quiet at the next pointer move, before any lookup', async () => {
    const ctx = new ContentScriptContext('orphan-move');
    await start(ctx);
    orphan();
    move();
    expect(ctx.isValid).toBe(false);
    await expectQuiet();
    expect(lookups()).toBe(0);
  });
});
