import { describe, it, expect, vi, afterEach } from 'vitest';
import { back, backTo, canGoBack, current, MAX_DEPTH, push, relabel, startHistory } from '@/lib/content/history';
import { CardCache } from '@/lib/content/card-cache';
import {
  countTerms,
  categoryMap,
  Cursor,
  inDocumentOrder,
  matchAtSelection,
  occurrencesOf,
  step,
} from '@/lib/content/occurrences';
import { recordFetcher, recordLabel } from '@/lib/content/record';
import { afterPaint, lastTiming, markPainted, type PaintClock, type Timing } from '@/lib/content/timing';
import type { TermCard } from '@/lib/messaging/protocol';
import type { TextMatch } from '@/lib/scan/hittest';
import { nth } from '@/tests/unit/helpers/nth';

const card = (id: string): TermCard => ({
  id,
  label: id.toUpperCase(),
  expansion: '',
  category: 'agency',
  summary: '',
  excerpts: [],
  related: [],
});

describe('card history', () => {
  it('push, back, breadcrumb jumps, relabel, revisits and the depth cap', () => {
    let h = startHistory('iom');
    expect(canGoBack(h)).toBe(false);
    h = push(h, 'gfmd', 'GFMD');
    h = push(h, 'gmg', 'GMG');
    expect(h.stack.map((c) => c.id)).toEqual(['iom', 'gfmd', 'gmg']);
    expect(current(back(h)).id).toBe('gfmd');
    expect(backTo(h, 0).stack).toHaveLength(1);
    expect(backTo(h, 2)).toBe(h); // already there
    // Revisiting an entry in the trail returns to it instead of looping.
    expect(push(h, 'iom').stack.map((c) => c.id)).toEqual(['iom']);
    expect(nth(relabel(h, 'iom', 'IOM').stack, 0).label).toBe('IOM');
    expect(back(startHistory('x')).stack).toHaveLength(1);
    let long = startHistory('t0');
    for (let i = 1; i < 30; i++) long = push(long, `t${i}`);
    expect(long.stack).toHaveLength(MAX_DEPTH);
    expect(current(long).id).toBe('t29');
  });
});

describe('CardCache', () => {
  it('shares one lookup between prefetch and show, caches results, evicts least recently used', async () => {
    const lookup = vi.fn(async (id: string) => ({ ok: true as const, data: id === 'none' ? null : card(id) }));
    const cache = new CardCache(lookup, 2);
    const [a, b] = await Promise.all([cache.get('iom'), cache.get('iom')]);
    expect(a).toBe(b);
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(cache.peek('iom')).toEqual({ status: 'ready', card: card('iom') });
    expect(await cache.get('none')).toEqual({ status: 'not-found', termId: 'none' });
    cache.peek('iom'); // iom is now the most recent
    await cache.get('gfmd'); // evicts 'none'
    expect(cache.peek('none')).toBeUndefined();
    expect(cache.peek('iom')).toBeDefined();
    expect(cache.size).toBe(2);
  });

  it('does not cache errors (the background may be back on the next hover)', async () => {
    let up = false;
    const cache = new CardCache(async (id) =>
      up ? { ok: true, data: card(id) } : { ok: false, error: 'background unreachable: x' },
    );
    expect(await cache.get('iom')).toEqual({ status: 'error', message: 'background unreachable: x' });
    up = true;
    expect((await cache.get('iom')).status).toBe('ready');
  });

  it('turns a throwing lookup into an error result', async () => {
    const cache = new CardCache(async () => {
      throw new Error('boom');
    });
    expect(await cache.get('x')).toEqual({ status: 'error', message: 'boom' });
  });
});

function matchesIn(p: HTMLElement, terms: [string, string][]): TextMatch[] {
  const out: TextMatch[] = [];
  const text = p.firstChild as Text;
  for (const [word, id] of terms) {
    let i = -1;
    while ((i = text.data.indexOf(word, i + 1)) >= 0) {
      const range = new StaticRange({
        startContainer: text,
        startOffset: i,
        endContainer: text,
        endOffset: i + word.length,
      });
      out.push({
        termId: id,
        startNode: text,
        startOffset: i,
        endNode: text,
        endOffset: i + word.length,
        nodes: [text],
        range,
        ord: i,
      });
    }
  }
  return out;
}

describe('occurrences', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('counts per term with categories from the compiled matcher', () => {
    document.body.innerHTML = '<p>IOM and GFMD and IOM and UNHCR</p>';
    const ms = matchesIn(document.querySelector('p')!, [
      ['IOM', 'iom'],
      ['GFMD', 'gfmd'],
      ['UNHCR', 'unhcr'],
    ]);
    const cats = categoryMap({ ids: ['iom', 'gfmd'], cats: ['agency', 'forum'], cat: [0, 1] });
    expect(countTerms(ms, cats)).toEqual([
      { id: 'iom', count: 2, category: 'agency' },
      { id: 'gfmd', count: 1, category: 'forum' },
      { id: 'unhcr', count: 1, category: 'other' },
    ]);
    expect(categoryMap(null).size).toBe(0);
  });

  it('orders occurrences in document order (the scanner reports viewport-first)', () => {
    document.body.innerHTML = '<p id="a">IOM one</p><p id="b">IOM two IOM</p>';
    const a = matchesIn(document.getElementById('a')!, [['IOM', 'iom']]);
    const b = matchesIn(document.getElementById('b')!, [['IOM', 'iom']]);
    const ordered = inDocumentOrder([nth(b, 1), nth(a, 0), nth(b, 0)]);
    expect(ordered).toEqual([a[0], b[0], b[1]]);
    expect(occurrencesOf([nth(b, 1), nth(a, 0), nth(b, 0)], 'iom')).toHaveLength(3);
  });

  it('steps with wrap-around and remembers the position per term', () => {
    expect(step(-1, 1, 3)).toBe(0);
    expect(step(-1, -1, 3)).toBe(2);
    expect(step(2, 1, 3)).toBe(0);
    expect(step(0, -1, 3)).toBe(2);
    expect(step(0, 1, 0)).toBe(-1);
    const c = new Cursor();
    expect(c.next('iom', 3)).toBe(0);
    expect(c.next('iom', 3)).toBe(1);
    expect(c.next('gfmd', 2)).toBe(0);
    expect(c.next('iom', 3, undefined, -1)).toBe(0);
    expect(c.next('iom', 3, 7)).toBe(2); // clamped explicit index
    expect(c.get('iom')).toBe(2);
  });

  it('finds the match at a selection or caret', () => {
    document.body.innerHTML = '<p>See the GFMD and IOM here</p>';
    const p = document.querySelector('p')!;
    const ms = matchesIn(p, [
      ['GFMD', 'gfmd'],
      ['IOM', 'iom'],
    ]);
    const index = new Map<Text, TextMatch[]>([[p.firstChild as Text, ms]]);
    const t = p.firstChild as Text;
    const at = (off: number, end = off) =>
      matchAtSelection(index, { anchorNode: t, anchorOffset: off, focusNode: t, focusOffset: end });
    expect(at(10)?.termId).toBe('gfmd'); // caret inside
    expect(at(8)?.termId).toBe('gfmd'); // caret at its start
    expect(at(17, 20)?.termId).toBe('iom'); // selection
    expect(at(2)).toBeNull();
    expect(matchAtSelection(index, null)).toBeNull();
  });
});

describe('record fetcher', () => {
  it('parses `record` replies, caches them, and stops asking when the message is unknown', async () => {
    expect(recordLabel('002:ch7:recommendations:(b)')).toBe('(b)');
    const send = vi.fn(async (m: unknown) => ({
      ok: true,
      data: {
        record: {
          id: (m as { id: string }).id,
          text: 'T',
          citation: { label: '(b)' },
          subItems: [{ label: '(i)', text: 'x' }],
        },
        cite: 'C',
      },
    }));
    const f = recordFetcher(send);
    expect(await f('r1')).toEqual({
      id: 'r1',
      text: 'T',
      cite: 'C',
      label: '(b)',
      subItems: [{ label: '(i)', text: 'x' }],
    });
    await f('r1');
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({ type: 'record', id: 'r1' });
    const old = vi.fn(async () => ({ ok: false, error: 'unknown message type: "record"' }));
    const g = recordFetcher(old);
    expect(await g('a')).toBeNull();
    expect(await g('b')).toBeNull();
    expect(old).toHaveBeenCalledTimes(1);
    expect(
      await recordFetcher(async () => {
        throw new Error('x');
      })('a'),
    ).toBeNull();
  });
});

describe('timing', () => {
  afterEach(() => {
    document.documentElement.removeAttribute('data-ml-bench');
    vi.unstubAllGlobals();
  });

  const clockAt = (inFrame: boolean, over: Partial<PaintClock> = {}): PaintClock => ({
    dwellAt: performance.now() - 5,
    showAt: performance.now(),
    dueAt: performance.now() - 1,
    inFrame,
    cached: true,
    prepared: true,
    ...over,
  });

  it('dispatches migration-lens:timing only on pages with data-ml-bench', async () => {
    const seen: Timing[] = [];
    const on = (e: Event) => seen.push((e as CustomEvent).detail);
    document.addEventListener('migration-lens:timing', on);
    const frame = () => new Promise((r) => setTimeout(r, 40));
    markPainted(document, clockAt(false));
    await frame();
    expect(seen).toEqual([]);
    expect(lastTiming.dwellToPaintMs).toBeGreaterThanOrEqual(5);
    expect(lastTiming.dueToPaintMs).toBeGreaterThanOrEqual(1);
    document.documentElement.setAttribute('data-ml-bench', '');
    markPainted(document, clockAt(true, { cached: false, prepared: false }));
    await frame();
    expect(seen).toHaveLength(1);
    expect(typeof nth(seen, 0).dwellToPaintMs).toBe('number');
    expect(seen[0]).toMatchObject({ cached: false, prepared: false, inFrame: true });
    document.removeEventListener('migration-lens:timing', on);
  });

  it('afterPaint: inside a frame callback a posted message (this frame); from a task the next frame first', async () => {
    const order: string[] = [];
    let frameCb: FrameRequestCallback | null = null;
    const win = {
      requestAnimationFrame: (cb: FrameRequestCallback) => {
        frameCb = cb;
        order.push('raf');
        return 1;
      },
    } as unknown as Window;
    afterPaint(win, true, () => order.push('in-frame painted'));
    expect(order).toEqual([]); // a task after this one, not now, and no extra frame
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual(['in-frame painted']);
    afterPaint(win, false, () => order.push('task painted'));
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual(['in-frame painted', 'raf']); // waits for the frame that paints the change
    frameCb!(0);
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual(['in-frame painted', 'raf', 'task painted']);
  });
});
