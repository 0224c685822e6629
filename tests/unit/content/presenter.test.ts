import { describe, expect, it } from 'vitest';
import { keyAction, cardKeyAction, type KeyInput } from '@/lib/content/keys';
import { Presenter, presenterKey, termsInReadingOrder } from '@/lib/content/presenter';
import type { TextMatch } from '@/lib/scan/hittest';

function page(html: string, terms: [string, string][]): TextMatch[] {
  document.body.innerHTML = html;
  const out: TextMatch[] = [];
  const tw = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let n = tw.nextNode(); n; n = tw.nextNode()) texts.push(n as Text);
  for (const [word, termId] of terms)
    for (const t of texts)
      for (let i = t.data.indexOf(word); i >= 0; i = t.data.indexOf(word, i + 1))
        out.push({
          termId,
          startNode: t,
          startOffset: i,
          endNode: t,
          endOffset: i + word.length,
          nodes: [t],
          ord: out.length,
          range: new StaticRange({ startContainer: t, startOffset: i, endContainer: t, endOffset: i + word.length }),
        });
  // The scanner reports matches near the viewport first: not in reading order.
  return out.reverse();
}

const key = (k: Partial<KeyInput>): KeyInput => ({
  key: '',
  code: '',
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...k,
});

describe('presenter', () => {
  const matches = () =>
    page('<p>The GFMD met. IOM and UNHCR spoke.</p><p>Later the IOM and the GFMD again; finally ILO.</p>', [
      ['IOM', 'iom'],
      ['GFMD', 'gfmd'],
      ['UNHCR', 'unhcr'],
      ['ILO', 'ilo'],
    ]);

  it('each term once, at its first occurrence, in reading order', () => {
    const terms = termsInReadingOrder(matches());
    expect(terms.map((m) => m.termId)).toEqual(['gfmd', 'iom', 'unhcr', 'ilo']);
    expect(terms[1]!.startOffset).toBe('The GFMD met. '.length);
  });

  it('steps forward and back, wrapping around, and starts again after a reset', () => {
    const ms = matches();
    const p = new Presenter(() => ms);
    const ids = (n: number, dir: 1 | -1) => Array.from({ length: n }, () => p.step(dir)?.match.termId);
    expect(ids(5, 1)).toEqual(['gfmd', 'iom', 'unhcr', 'ilo', 'gfmd']);
    expect(ids(2, -1)).toEqual(['ilo', 'unhcr']);
    expect(p.step(1)).toMatchObject({ index: 3, count: 4 });
    p.reset();
    expect(p.step(-1)?.match.termId).toBe('ilo');
    expect(new Presenter(() => []).step(1)).toBeNull();
  });

  it('Alt+Shift+. / Alt+Shift+, in trainer mode only, never while typing in a page field', () => {
    const next = key({ altKey: true, shiftKey: true, code: 'Period', key: '>' });
    const prev = key({ altKey: true, shiftKey: true, code: 'Comma', key: '<' });
    const base = { trainer: true, editable: false, inCard: false };
    expect(presenterKey(next, base)).toBe(1);
    expect(presenterKey(prev, base)).toBe(-1);
    expect(presenterKey(next, { ...base, trainer: false })).toBeNull();
    expect(presenterKey(next, { ...base, editable: true })).toBeNull();
    expect(presenterKey({ ...next, ctrlKey: true }, base)).toBeNull();
    // The page-level rules call it first, with no card open; Alt+. without Shift still steps occurrences.
    const ctx = { cardOpen: false, inCard: false, editable: false, trainer: true, anyPinned: false };
    expect(keyAction(next, ctx)).toBe('present-next');
    expect(keyAction(prev, { ...ctx, cardOpen: true, anyPinned: true })).toBe('present-prev');
    expect(keyAction(key({ altKey: true, code: 'Period' }), { ...ctx, cardOpen: true, anyPinned: true })).toBe('next');
  });

  it('in a docked card: Alt+↑ / Alt+↓ move it, M moves the column; elsewhere they do nothing', () => {
    const docked = { trainer: true, canGoBack: false, editable: false, docked: true };
    expect(cardKeyAction(key({ altKey: true, key: 'ArrowUp' }), docked)).toBe('up');
    expect(cardKeyAction(key({ altKey: true, key: 'ArrowDown' }), docked)).toBe('down');
    expect(cardKeyAction(key({ key: 'm' }), docked)).toBe('side');
    expect(cardKeyAction(key({ key: 'm' }), { ...docked, editable: true })).toBeNull();
    expect(cardKeyAction(key({ altKey: true, key: 'ArrowUp' }), { ...docked, docked: false })).toBeNull();
    expect(cardKeyAction(key({ key: 'M' }), { ...docked, docked: false })).toBeNull();
  });
});
