/**
 * The card UI bundle's loader (lib/content/card-ui.ts) and the cards before and after it arrives
 * (lib/content/lazy-cards.ts): one import in flight, a failure retried on the next use, and the one card
 * asked for while loading shown once the module is there.
 */
import { afterEach, describe, it, expect, vi } from 'vitest';
import { uiLoader, type CardUi, type UiInit, type UiModule } from '@/lib/content/card-ui';
import type { CardDeps } from '@/lib/content/card-model';
import { manualContext } from '@/lib/content/context';
import { frameCards } from '@/lib/content/frame-cards';
import { LazyCards } from '@/lib/content/lazy-cards';
import type { TextMatch } from '@/lib/scan/hittest';
import { forwardMessages, setMessageTable, t, tp } from '@/lib/i18n/t';

/** A promise the test settles. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A card UI that records the calls it gets. */
function fakeModule() {
  const calls: string[] = [];
  const inits: UiInit[] = [];
  const ui = {
    cards: [],
    hover: undefined,
    top: undefined,
    isPinnedAnchor: () => false,
    prepareHover: (m: TextMatch) => void calls.push(`prepare ${m.termId}`),
    dropPending: () => void calls.push('drop'),
    showHover: (m: TextMatch) => void calls.push(`show ${m.termId}`),
    hideHover: () => void calls.push('hide'),
    openPinned: (_m: TextMatch | null, id: string) => void calls.push(`pin ${id}`),
    showAt: (id: string, _r: DOMRect, pinned: boolean) => {
      calls.push(`showAt ${id}${pinned ? ' pinned' : ''}`);
      return { key: calls.length };
    },
    present: (m: TextMatch) => void calls.push(`present ${m.termId}`),
    refresh: () => void calls.push('refresh'),
    dispose: () => void calls.push('dispose'),
  } as unknown as CardUi;
  const module: UiModule = {
    createCardUi(init) {
      inits.push(init);
      return ui;
    },
  };
  return { module, calls, inits };
}

const match = (termId: string) => ({ termId }) as TextMatch;
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('uiLoader', () => {
  it('imports once however many ask while the import is in flight', async () => {
    const { module } = fakeModule();
    const d = deferred<UiModule>();
    const importUi = vi.fn(() => d.promise);
    const loader = uiLoader(importUi);
    const a = loader.load();
    const b = loader.load();
    expect(importUi).toHaveBeenCalledTimes(1);
    expect(loader.module).toBeNull();
    d.resolve(module);
    expect(await a).toBe(module);
    expect(await b).toBe(module);
    expect(await loader.load()).toBe(module);
    expect(importUi).toHaveBeenCalledTimes(1);
    expect(loader.module).toBe(module);
  });

  it('a failed import resolves null, is logged once, and is tried again on the next use', async () => {
    const { module } = fakeModule();
    const log = vi.fn();
    const importUi = vi
      .fn<() => Promise<UiModule>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockRejectedValueOnce(new TypeError('again'))
      .mockResolvedValueOnce(module);
    const loader = uiLoader(importUi, log);
    expect(await loader.load()).toBeNull();
    expect(await loader.load()).toBeNull();
    expect(log).toHaveBeenCalledTimes(1);
    expect(await loader.load()).toBe(module);
    expect(importUi).toHaveBeenCalledTimes(3);
  });

  it('a module without createCardUi counts as a failure', async () => {
    const log = vi.fn();
    const loader = uiLoader(async () => ({}) as UiModule, log);
    expect(await loader.load()).toBeNull();
    expect(log).toHaveBeenCalledTimes(1);
    expect(loader.module).toBeNull();
  });
});

describe('LazyCards', () => {
  const setup = (importUi: () => Promise<UiModule>) => {
    const ctx = manualContext();
    const cards = new LazyCards(
      document,
      ctx,
      {} as CardDeps,
      uiLoader(importUi, () => undefined),
    );
    return { ctx, cards };
  };

  it('creates no UI before it is needed, and hands it our host, deps and translator', async () => {
    const f = fakeModule();
    const importUi = vi.fn(async () => f.module);
    const { cards } = setup(importUi);
    expect(cards.host.tagName.toLowerCase()).toBe('migration-lens-host');
    expect(cards.host.isConnected).toBe(false);
    expect(cards.cards).toEqual([]);
    cards.refresh();
    expect(importUi).not.toHaveBeenCalled();
    cards.warm();
    await tick();
    expect(cards.loaded).toBe(true);
    expect(f.inits).toHaveLength(1);
    expect(f.inits[0]!.host).toBe(cards.host);
    expect(f.inits[0]!.t).toBe(t);
    cards.warm();
    await tick();
    expect(f.inits).toHaveLength(1);
  });

  it('the hover asked for while loading is shown once the UI is there; the latest wins', async () => {
    const f = fakeModule();
    const d = deferred<UiModule>();
    const { cards } = setup(() => d.promise);
    cards.prepareHover(match('iom'), () => true);
    cards.showHover(match('iom'), null);
    cards.showHover(match('gfmd'), null);
    d.resolve(f.module);
    await tick();
    expect(f.calls).toEqual(['show gfmd']);
    cards.hideHover();
    expect(f.calls).toEqual(['show gfmd', 'hide']);
  });

  it('a hover given up while loading shows nothing; a pinned card is not replaced by a hover', async () => {
    const f = fakeModule();
    const d = deferred<UiModule>();
    const { cards } = setup(() => d.promise);
    cards.showHover(match('iom'), null);
    cards.hideHover();
    cards.openPinned(match('gfmd'), 'gfmd');
    cards.dropPending(); // the hover intent's cancel: not the pinned card's
    cards.prepareHover(match('iom'), () => true);
    d.resolve(f.module);
    await tick();
    expect(f.calls).toEqual(['pin gfmd']);
  });

  it('a prepared hover that is no longer current when the UI arrives is not prepared', async () => {
    const f = fakeModule();
    const d = deferred<UiModule>();
    const { cards } = setup(() => d.promise);
    let current = true;
    cards.prepareHover(match('iom'), () => current);
    current = false;
    d.resolve(f.module);
    await tick();
    expect(f.calls).toEqual([]);
  });

  it('after a failed load nothing shows, and the next card asked for loads it again', async () => {
    const f = fakeModule();
    const importUi = vi
      .fn<() => Promise<UiModule>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce(f.module);
    const { cards } = setup(importUi);
    cards.showHover(match('iom'), null);
    await tick();
    expect(cards.loaded).toBe(false);
    expect(f.calls).toEqual([]);
    cards.showHover(match('gfmd'), null);
    await tick();
    expect(importUi).toHaveBeenCalledTimes(2);
    expect(f.calls).toEqual(['show gfmd']);
  });

  it('a UI that arrives after the app ended is never created', async () => {
    const f = fakeModule();
    const d = deferred<UiModule>();
    const { ctx, cards } = setup(() => d.promise);
    cards.openPinned(null, 'iom');
    ctx.invalidate();
    cards.dispose();
    d.resolve(f.module);
    await tick();
    expect(f.inits).toEqual([]);
    expect(await cards.ready()).toBeNull();
  });
});

describe("the card UI bundle's messages (lib/i18n/t.ts)", () => {
  afterEach(() => {
    forwardMessages(null);
    setMessageTable(null, true);
  });

  it("its copy of t answers through the content app's t, plurals included", () => {
    const app = vi.fn((key: string, ...subs: (string | number)[]) => `app:${key}:${subs.join(',')}`);
    forwardMessages(app);
    expect(t('card_pin')).toBe('app:card_pin:');
    expect(tp('common_occurrences', 3)).toMatch(/^app:common_occurrences_(one|other):3$/);
    expect(app).toHaveBeenCalled();
  });

  it('forwarding to itself (a page that bundles both) keeps its own table and does not loop', () => {
    setMessageTable({ card_pin: 'Épingler' }, true);
    forwardMessages(t);
    expect(t('card_pin')).toBe('Épingler');
  });
});

describe('cards the top frame draws for a frame, before the card UI is loaded', () => {
  const show = (termId: string) => ({
    type: 'frameCard',
    op: 'show',
    termId,
    rect: { x: 1, y: 2, width: 30, height: 10 },
    pinned: false,
    src: '',
    view: { w: 300, h: 150 },
    from: 3,
  });
  const setup = (importUi: () => Promise<UiModule>) => {
    document.body.innerHTML = '<iframe style="width:300px;height:150px"></iframe>';
    const cards = new LazyCards(
      document,
      manualContext(),
      {} as CardDeps,
      uiLoader(importUi, () => undefined),
    );
    const intent = { enterCard: vi.fn(), leaveCard: vi.fn() };
    return frameCards(window, async () => ({ ok: true }), cards, intent);
  };

  it('waits for the UI, then shows; a hide that came meanwhile wins', async () => {
    const f = fakeModule();
    const d = deferred<UiModule>();
    const frames = setup(() => d.promise);
    const first = frames.handle(show('iom'));
    await frames.handle({ type: 'frameCard', op: 'hide', from: 3 });
    d.resolve(f.module);
    expect(await first).toEqual({ ok: true });
    expect(f.calls).toEqual([]);
    expect(await frames.handle(show('gfmd'))).toEqual({ ok: true });
    expect(f.calls).toEqual(['showAt gfmd']);
  });

  it('answers not shown when the UI cannot load, so the frame draws its own card', async () => {
    const frames = setup(() => Promise.reject(new Error('refused')));
    expect(await frames.handle(show('iom'))).toEqual({ ok: false });
  });
});
