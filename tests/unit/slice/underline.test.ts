import { describe, it, expect, beforeEach, vi } from 'vitest';
import { labelFinder } from '@/tests/unit/helpers/label-finder';
import { PageScanner } from '@/lib/scan/page-scanner';
import { hitTest } from '@/lib/scan/hittest';
import { HIGHLIGHT_NAME } from '@/lib/scan/highlight';
import { UnderlineRule, modeByCategory, underlinedInTextOrder, type UnderlineMode } from '@/lib/scan/underline';

const modes: Record<string, UnderlineMode> = { iom: 'every', remit: 'first', gone: 'off' };
const modeOf = (id: string) => modes[id] ?? 'every';
const occ = (termId: string, ord: number) => ({ termId, ord });

describe('underline rule', () => {
  it('names at every occurrence, a first-occurrence term once, an off term never', () => {
    const ms = [occ('remit', 1), occ('iom', 2), occ('remit', 3), occ('gone', 4), occ('iom', 5), occ('remit', 6)];
    expect(underlinedInTextOrder(ms, modeOf).map((m) => m.ord)).toEqual([1, 2, 5]);
  });

  it('finds the first in text order whatever order the matches arrive in (viewport first)', () => {
    const ms = [occ('remit', 30), occ('remit', 40), occ('remit', 10), occ('remit', 20)];
    const rule = new UnderlineRule<(typeof ms)[number]>(modeOf);
    const changes = ms.map((m) => rule.offer(m));
    expect(changes[0]).toEqual({ paint: ms[0] });
    expect(changes[1]).toEqual({});
    expect(changes[2]).toEqual({ paint: ms[2], unpaint: ms[0] });
    expect(changes[3]).toEqual({});
    expect(ms.filter((m) => rule.isUnderlined(m)).map((m) => m.ord)).toEqual([10]);
  });

  it('once settled, a later-added earlier occurrence does not move it; a removed one passes on', () => {
    const a = occ('remit', 10);
    const b = occ('remit', 20);
    const rule = new UnderlineRule<ReturnType<typeof occ>>(modeOf);
    rule.offer(b);
    rule.settle();
    expect(rule.offer(a)).toEqual({});
    expect(rule.isUnderlined(b)).toBe(true);
    expect(rule.remove(a)).toBe(false);
    expect(rule.remove(b)).toBe(true);
    const c = occ('remit', 30);
    expect(rule.refill([c, a])).toEqual([a]);
    expect(rule.isUnderlined(a)).toBe(true);
    expect(rule.refill([c])).toEqual([]);
  });

  it('takes a term’s mode from its category; symbols are documents, unknown ids "other"', () => {
    const of = modeByCategory(
      { name: 'every', concept: 'first', document: 'off', other: 'first', odd: 'bogus' },
      new Map([
        ['iom', 'name'],
        ['remit', 'concept'],
        ['weird', 'odd'],
        ['unset', 'nowhere'],
      ]),
    );
    const ids = ['iom', 'remit', 'sym:A/RES/65/170', 'not-in-glossary', 'weird', 'unset'];
    expect(ids.map(of)).toEqual(['every', 'first', 'off', 'first', 'every', 'every']);
  });
});

// happy-dom has neither the CSS Custom Highlight API nor caret*FromPoint: stub both (as content.test.ts).
class FakeHighlight extends Set<AbstractRange> {
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}
const finder = labelFinder([
  { id: 'iom', label: 'IOM' },
  { id: 'remit', label: 'remittances' },
]);
const painted = () => [...((CSS.highlights.get(HIGHLIGHT_NAME) as Set<StaticRange> | undefined) ?? [])];

describe('scanner with the first-occurrence rule', () => {
  beforeEach(() => {
    vi.stubGlobal('Highlight', FakeHighlight);
    vi.stubGlobal('CSS', { escape: (s: string) => s, supports: () => false, highlights: new Map() });
    document.body.innerHTML = `<p id="a">IOM studies remittances.</p><p id="b">More remittances and IOM.</p>
      <p id="c">And remittances again.</p>`;
  });

  it('paints one underline per first-occurrence term and keeps every match for the side panel', async () => {
    const scanner = new PageScanner(document, { finder, underline: modeOf, debounceMs: 10 });
    await scanner.start();
    expect(scanner.matches.size).toBe(5);
    const ranges = painted();
    expect(ranges.length).toBe(3);
    const remits = ranges.filter((r) => (r.startContainer.textContent ?? '').slice(r.startOffset).startsWith('remit'));
    expect(remits.map((r) => r.startContainer.parentElement?.id)).toEqual(['a']);
    scanner.stop();
  });

  it('an occurrence that is not underlined is not hit by the pointer', async () => {
    const scanner = new PageScanner(document, { finder, underline: modeOf });
    await scanner.start();
    const second = document.getElementById('b')!.firstChild as Text;
    (document as unknown as Record<string, unknown>).caretPositionFromPoint = () => ({ offsetNode: second, offset: 7 });
    const rect = { left: 0, right: 100, top: 0, bottom: 30, width: 100, height: 30 } as DOMRect;
    vi.spyOn(Range.prototype, 'getBoundingClientRect').mockReturnValue(rect);
    expect(hitTest(scanner.index, document, 10, 10)?.termId).toBe('remit');
    expect(hitTest(scanner.index, document, 10, 10, [], (m) => scanner.isUnderlined(m))).toBeNull();
    delete (document as unknown as Record<string, unknown>).caretPositionFromPoint;
    scanner.stop();
  });

  it('when the underlined occurrence leaves the page, the next one is underlined; an added earlier one is not', async () => {
    const scanner = new PageScanner(document, { finder, underline: modeOf, debounceMs: 10 });
    await scanner.start();
    document.getElementById('a')!.remove();
    await vi.waitFor(() => expect(scanner.stats.rescans).toBe(1));
    const under = () =>
      [...scanner.matches].filter((m) => m.termId === 'remit' && scanner.isUnderlined(m)).map((m) => m.startNode);
    expect(under()).toEqual([document.getElementById('b')!.firstChild]);
    const early = document.createElement('p');
    early.textContent = 'Early remittances.';
    document.body.prepend(early);
    await vi.waitFor(() => expect(scanner.stats.rescans).toBe(2));
    expect(under()).toEqual([document.getElementById('b')!.firstChild]);
    expect(painted().length).toBe(2); // remittances once, IOM (left only in #b) once
    scanner.stop();
  });
});
