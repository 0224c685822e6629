import { describe, it, expect, vi, afterEach } from 'vitest';
import { CardController, type CardDeps } from '@/lib/content/card-controller';
import { CardCache } from '@/lib/content/card-cache';
import { manualContext } from '@/lib/content/context';
import { CARD_CSS } from '@/components/card/styles';
import type { Reply, TermCard } from '@/lib/messaging/protocol';
import type { TextMatch } from '@/lib/scan/hittest';
import { nth } from '@/tests/unit/helpers/nth';
import { current } from '@/lib/content/history';

const card = (id: string, related: string[] = []): TermCard => ({
  id,
  label: id.toUpperCase(),
  expansion: `${id} expansion`,
  category: 'agency',
  summary: `About ${id}`,
  excerpts: [{ text: `Excerpt ${id}`, cite: `Doc 2013, line 1` }],
  related: related.map((r) => ({ id: r, label: r.toUpperCase() })),
});

function setup(opts: { trainer?: boolean } = {}) {
  document.body.innerHTML = '<p id="p">The IOM and GFMD.</p><button id="b">b</button>';
  const text = document.getElementById('p')!.firstChild as Text;
  const match = (termId: string, start: number, end: number): TextMatch => ({
    termId,
    startNode: text,
    startOffset: start,
    endNode: text,
    endOffset: end,
    nodes: [text],
    ord: start,
    range: new StaticRange({ startContainer: text, startOffset: start, endContainer: text, endOffset: end }),
  });
  // Lookups resolve when the test says so, to exercise loading and stale results.
  const pending = new Map<string, (r: Reply<TermCard | null>) => void>();
  const cache = new CardCache((id) => new Promise((res) => pending.set(id, res)));
  const resolve = async (id: string, data: TermCard | null = card(id, ['gfmd'])) => {
    pending.get(id)!({ ok: true, data });
    await new Promise((r) => setTimeout(r, 0));
  };
  const deps: CardDeps = {
    cache,
    fetchRecord: async () => null,
    trainer: () => opts.trainer ?? false,
    hostAttrs: () => ({ theme: 'dark', textSize: null }),
    know: vi.fn(),
    openSearch: vi.fn(),
    occurrenceCount: () => 2,
    step: vi.fn(() => 0),
    focusAll: vi.fn(),
  };
  const c = new CardController(document, manualContext(), deps);
  const sr = c.host.shadowRoot!;
  const cardsIn = () => Array.from(sr.querySelectorAll<HTMLElement>('[data-testid=ml-popover]'));
  return { c, deps, resolve, cardsIn, sr, iom: match('iom', 4, 7), gfmd: match('gfmd', 12, 16) };
}

afterEach(() => {
  document.documentElement.querySelector('migration-lens-host')?.remove();
  vi.useRealTimers();
});

describe('CardController', () => {
  it('joins the page only when a card is shown; loading, then ready; theme on the host', async () => {
    const { c, resolve, cardsIn, iom } = setup();
    expect(document.querySelector('migration-lens-host')).toBeNull();
    c.showHover(iom, null);
    expect(c.host.parentNode).toBe(document.documentElement);
    expect(c.host.getAttribute('data-theme')).toBe('dark');
    expect(nth(cardsIn(), 0).dataset.state).toBe('loading');
    await resolve('iom');
    expect(nth(cardsIn(), 0).dataset.state).toBe('ready');
    expect(nth(cardsIn(), 0).querySelector('h2')!.textContent).toBe('IOM');
    c.hideHover();
    expect(cardsIn()).toHaveLength(0);
  });

  it('drops a stale lookup: a result for a card that was replaced is not rendered', async () => {
    const { c, resolve, cardsIn, iom, gfmd } = setup();
    c.showHover(iom, null);
    c.showHover(gfmd, null);
    await resolve('iom');
    expect(cardsIn()).toHaveLength(1);
    expect(nth(cardsIn(), 0).dataset.state).toBe('loading');
    await resolve('gfmd', card('gfmd'));
    expect(nth(cardsIn(), 0).querySelector('h2')!.textContent).toBe('GFMD');
  });

  it('re-hovering paints synchronously from the cache', async () => {
    const { c, resolve, cardsIn, iom } = setup();
    c.showHover(iom, null);
    await resolve('iom');
    c.hideHover();
    c.showHover(iom, null);
    expect(nth(cardsIn(), 0).dataset.state).toBe('ready');
  });

  it('pin turns the hover card into a focused dialog; close returns focus', async () => {
    const { c, resolve, cardsIn, iom, sr } = setup();
    const b = document.getElementById('b')!;
    b.focus();
    c.showHover(iom, null);
    await resolve('iom');
    c.pin(c.hover!);
    const el = nth(cardsIn(), 0);
    expect(el.getAttribute('role')).toBe('dialog');
    expect(sr.activeElement).toBe(el);
    expect(c.isPinnedAnchor(iom)).toBe(true);
    expect(c.closeTop()).toBe(true);
    expect(cardsIn()).toHaveLength(0);
    expect(document.activeElement).toBe(b);
    expect(c.closeTop()).toBe(false);
  });

  it('navigates to a related entry inside the card and back', async () => {
    const { c, resolve, cardsIn, iom } = setup();
    const pinned = c.openPinned(iom, 'iom');
    await resolve('iom');
    nth(cardsIn(), 0).querySelector<HTMLButtonElement>('[data-testid=ml-related] button')!.click();
    expect(pinned.history.stack.map((x) => x.id)).toEqual(['iom', 'gfmd']);
    await resolve('gfmd', card('gfmd'));
    expect(nth(cardsIn(), 0).querySelector('h2')!.textContent).toBe('GFMD');
    nth(cardsIn(), 0).querySelector<HTMLButtonElement>('[data-testid=ml-back]')!.click();
    expect(nth(cardsIn(), 0).querySelector('h2')!.textContent).toBe('IOM'); // from the cache
    expect(cardsIn()).toHaveLength(1);
  });

  it('"I know this term" saves the id, offers Undo for a few seconds, Undo reverts', async () => {
    vi.useFakeTimers();
    const { c, deps, cardsIn, iom } = setup();
    c.openPinned(iom, 'iom');
    // Show the ready state directly: with fake timers the lookup promise would need manual flushing.
    nth((c as unknown as { cards: { state: unknown }[] }).cards, 0).state = { status: 'ready', card: card('iom') };
    c.render();
    nth(cardsIn(), 0).querySelector<HTMLButtonElement>('[data-testid=ml-know]')!.click();
    expect(deps.know).toHaveBeenCalledWith('iom', true);
    expect(nth(cardsIn(), 0).querySelector('[data-testid=ml-undo]')).not.toBeNull();
    vi.advanceTimersByTime(7000);
    expect(nth(cardsIn(), 0).querySelector('[data-testid=ml-undo]')).toBeNull();
    nth(cardsIn(), 0).querySelector<HTMLButtonElement>('[data-testid=ml-know]')!.click();
    Array.from(nth(cardsIn(), 0).querySelectorAll('button'))
      .find((b) => b.textContent === 'Undo')!
      .click();
    expect(deps.know).toHaveBeenLastCalledWith('iom', false);
    expect(nth(cardsIn(), 0).querySelector('[data-testid=ml-undo]')).toBeNull();
  });

  it('one pinned card normally; several in trainer mode, with the x-large preset handled by hostAttrs', async () => {
    const normal = setup();
    normal.c.openPinned(normal.iom, 'iom');
    normal.c.openPinned(normal.gfmd, 'gfmd');
    expect(normal.c.cards.map((x) => nth(x.history.stack, 0).id)).toEqual(['gfmd']);
    normal.c.host.remove();
    const tr = setup({ trainer: true });
    tr.c.openPinned(tr.iom, 'iom');
    tr.c.openPinned(tr.gfmd, 'gfmd');
    expect(tr.c.cards.map((x) => nth(x.history.stack, 0).id)).toEqual(['iom', 'gfmd']);
    expect(nth(tr.c.cards, 0).occ).toEqual({ index: -1, count: 2, focused: false });
  });

  it('trainer mode: pinned cards dock in one column; Alt+↑ and M move them; the hover card floats', async () => {
    const { c, sr, iom, gfmd, resolve } = setup({ trainer: true });
    c.openPinned(iom, 'iom');
    c.openPinned(gfmd, 'gfmd');
    await resolve('iom');
    await resolve('gfmd');
    const dock = () => sr.querySelector<HTMLElement>('[data-testid=ml-dock]');
    const docked = () => Array.from(dock()!.querySelectorAll<HTMLElement>(':scope > .ml-card'));
    const titles = () => docked().map((el) => el.querySelector('h2')?.textContent);
    expect(titles()).toEqual(['IOM', 'GFMD']);
    expect(docked().every((el) => el.querySelector('[data-testid=ml-handle]'))).toBe(true);
    const side = dock()!.dataset.side;
    const press = (el: HTMLElement, key: string, altKey = false) =>
      el.dispatchEvent(new KeyboardEvent('keydown', { key, altKey, bubbles: true, cancelable: true }));
    press(nth(docked(), 1), 'ArrowUp', true);
    expect(titles()).toEqual(['GFMD', 'IOM']);
    expect(sr.activeElement?.querySelector('h2')?.textContent).toBe('GFMD'); // focus stays with the moved card
    expect(dock()!.querySelector('[role=status]')!.textContent).toBe(
      `Card 1 of 2, ${side === 'left' ? 'left' : 'right'} side`,
    );
    press(nth(docked(), 0), 'm');
    expect(dock()!.dataset.side).toBe(side === 'left' ? 'right' : 'left');
    // Closing a card leaves the other docked.
    c.close(nth(c.cards, 0));
    expect(titles()).toEqual(['GFMD']);
  });

  it('presenter: the card of each term opens docked with its place; the previous presenter card goes', async () => {
    const { c, sr, iom, gfmd, resolve } = setup({ trainer: true });
    c.present(gfmd, 0, 2);
    await resolve('gfmd');
    const line = () => Array.from(sr.querySelectorAll('[data-testid=ml-presenting]')).map((el) => el.textContent);
    expect(line()).toEqual(['Term 1 of 2 (Alt+Shift+. next)']);
    c.present(iom, 1, 2);
    await resolve('iom');
    expect(c.cards.map((x) => current(x.history).id)).toEqual(['iom']);
    expect(line()).toEqual(['Term 2 of 2 (Alt+Shift+. next)']);
    expect(sr.querySelector('[data-testid=ml-dock] h2')?.textContent).toBe('IOM');
  });

  // ---- hover cards prepared at the dwell ----

  const pendingIn = (sr: ShadowRoot) => Array.from(sr.querySelectorAll<HTMLElement>('.ml-card[data-pending]'));
  const inFrame = { dueAt: 0, at: 0, inFrame: true };

  it('prepares the hover card hidden at the dwell; the show reveals that same element', async () => {
    const { c, resolve, cardsIn, sr, iom } = setup();
    c.prepareHover(iom, () => true);
    expect(pendingIn(sr)).toHaveLength(0); // nothing to render until the lookup answers
    await resolve('iom');
    const hidden = nth(pendingIn(sr), 0);
    expect(hidden.dataset.state).toBe('ready');
    expect(hidden.querySelector('h2')!.textContent).toBe('IOM');
    expect(cardsIn()).toHaveLength(0); // not a popover yet: no test id
    expect(c.cards).toHaveLength(0); // Esc, P and the keys do not see it
    expect(c.closeTop()).toBe(false);
    expect(CARD_CSS).toMatch(/\.ml-card\[data-pending\] \{ visibility: hidden; \}/);
    c.showHover(iom, null, inFrame);
    expect(cardsIn()).toEqual([hidden]); // revealed, not rendered again
    expect(hidden.hasAttribute('data-pending')).toBe(false);
    expect(c.hover?.anchor).toBe(iom);
    c.render(); // Preact's next render agrees with the attributes the reveal set
    expect(cardsIn()).toEqual([hidden]);
    expect(hidden.hasAttribute('data-pending')).toBe(false);
  });

  it('from the cache the card is prepared synchronously at the dwell', async () => {
    const { c, resolve, sr, iom } = setup();
    c.prepareHover(iom, () => true);
    await resolve('iom');
    c.dropPending();
    expect(pendingIn(sr)).toHaveLength(0);
    c.prepareHover(iom, () => true);
    expect(pendingIn(sr)).toHaveLength(1);
  });

  it('drops stale preparations: the hover moved on, or another term was prepared meanwhile', async () => {
    const { c, resolve, sr, iom, gfmd } = setup();
    c.prepareHover(iom, () => false);
    await resolve('iom');
    expect(pendingIn(sr)).toHaveLength(0);
    c.prepareHover(gfmd, () => true); // lookup in flight…
    c.prepareHover(iom, () => true); // …when the pointer rests on IOM (cached: prepared at once)
    await resolve('gfmd', card('gfmd'));
    expect(pendingIn(sr).map((e) => e.querySelector('h2')!.textContent)).toEqual(['IOM']);
  });

  it('a show before the lookup answered renders loading, then the answer, as without preparation', async () => {
    const { c, resolve, cardsIn, sr, iom } = setup();
    c.prepareHover(iom, () => true);
    c.showHover(iom, null, inFrame);
    expect(nth(cardsIn(), 0).dataset.state).toBe('loading');
    await resolve('iom');
    expect(nth(cardsIn(), 0).dataset.state).toBe('ready');
    expect(pendingIn(sr)).toHaveLength(0);
  });

  it('the shown card stays while the next term is prepared; showing it replaces the old one', async () => {
    const { c, resolve, cardsIn, sr, iom, gfmd } = setup();
    c.showHover(iom, null);
    await resolve('iom');
    c.prepareHover(gfmd, () => true);
    await resolve('gfmd', card('gfmd'));
    expect(cardsIn().map((e) => e.querySelector('h2')!.textContent)).toEqual(['IOM']);
    expect(pendingIn(sr)).toHaveLength(1);
    c.hideHover(); // grace over for the old card: the prepared one is kept
    expect(pendingIn(sr)).toHaveLength(1);
    c.showHover(gfmd, null, inFrame);
    expect(cardsIn().map((e) => e.querySelector('h2')!.textContent)).toEqual(['GFMD']);
    expect(pendingIn(sr)).toHaveLength(0);
  });

  it('pinning by click drops the prepared hover card', async () => {
    const { c, resolve, cardsIn, sr, iom, gfmd } = setup();
    c.prepareHover(gfmd, () => true);
    await resolve('gfmd', card('gfmd'));
    c.openPinned(iom, 'iom');
    expect(pendingIn(sr)).toHaveLength(0);
    expect(cardsIn()).toHaveLength(1);
  });
});
