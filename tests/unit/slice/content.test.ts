import { describe, it, expect, beforeEach, vi } from 'vitest';
import { labelFinder } from '@/tests/unit/helpers/label-finder';
import { PageScanner } from '@/lib/scan/page-scanner';
import { hitTest } from '@/lib/scan/hittest';
import { HIGHLIGHT_NAME } from '@/lib/scan/highlight';
import { nth } from '@/tests/unit/helpers/nth';

// happy-dom has neither the CSS Custom Highlight API nor caret*FromPoint: stub both.
class FakeHighlight extends Set<AbstractRange> {
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

/** Own properties set on the document shadow (or add) its methods for one test, then are deleted. */
const patchable = (doc: Document) => doc as unknown as Record<string, unknown>;

const finder = labelFinder([
  { id: 'gfmd', label: 'GFMD' },
  { id: 'iom', label: 'IOM' },
  { id: 'pkd', label: 'ICAO PKD' },
]);

describe('page scanner + highlight + hit-test', () => {
  beforeEach(() => {
    vi.stubGlobal('Highlight', FakeHighlight);
    vi.stubGlobal('CSS', { escape: (s: string) => s, supports: () => false, highlights: new Map() });
    document.body.innerHTML = `<p id="p">About the <b>GFMD</b> and IOM, not GFMDX. States join the <b>ICAO</b> PKD.</p>
      <textarea>GFMD in a form</textarea><div contenteditable="true">GFMD editable</div><input value="IOM">
      <script>var GFMD = 1;</script><div hidden>GFMD hidden</div>`;
  });

  it('indexes matches, across inline elements, skipping form fields, editable regions and scripts', async () => {
    const before = document.body.innerHTML;
    const scanner = new PageScanner(document, { finder });
    await scanner.start();
    const texts = [...scanner.matches].map((m) => [m.termId, m.range.startContainer === m.range.endContainer]);
    expect(texts).toEqual([
      ['gfmd', true],
      ['iom', true],
      ['pkd', false],
    ]);
    expect(CSS.highlights.get(HIGHLIGHT_NAME)?.size).toBe(3);
    // The cross-element match is indexed under both text nodes it covers.
    const icao = nth(document.querySelectorAll('b'), 1).firstChild as Text;
    expect(scanner.index.get(icao)?.[0]?.termId).toBe('pkd');
    expect(document.body.innerHTML).toBe(before);
    scanner.stop();
  });

  it('hit-tests the term under the pointer and nothing beside it', async () => {
    const scanner = new PageScanner(document, { finder });
    await scanner.start();
    const gfmdText = document.querySelector('b')!.firstChild as Text;
    patchable(document).caretPositionFromPoint = () => ({ offsetNode: gfmdText, offset: 2 });
    const rect = {
      left: 10,
      right: 50,
      top: 10,
      bottom: 30,
      width: 40,
      height: 20,
      x: 10,
      y: 10,
      toJSON() {},
    } as DOMRect;
    vi.spyOn(Range.prototype, 'getBoundingClientRect').mockReturnValue(rect);
    expect(hitTest(scanner.index, document, 20, 20)?.termId).toBe('gfmd');
    // Same caret, but the point lies outside the word's box (e.g. blank space at the end of the line).
    expect(hitTest(scanner.index, document, 200, 20)).toBeNull();
    delete patchable(document).caretPositionFromPoint;
    scanner.stop();
  });

  it('rescans only what changed when the page adds or removes content', async () => {
    const scanner = new PageScanner(document, { finder, debounceMs: 10 });
    await scanner.start();
    const p = document.createElement('p');
    p.textContent = 'New text about IOM.';
    document.body.append(p);
    document.getElementById('p')!.remove();
    await vi.waitFor(() => expect(scanner.stats.rescans).toBeGreaterThan(0));
    expect([...scanner.matches].map((m) => m.termId)).toEqual(['iom']);
    expect(CSS.highlights.get(HIGHLIGHT_NAME)?.size).toBe(1);
    scanner.stop();
  });
});

describe('windowed painting on pages with very many matches', () => {
  beforeEach(() => {
    vi.stubGlobal('Highlight', FakeHighlight);
    vi.stubGlobal('CSS', { escape: (s: string) => s, supports: () => false, highlights: new Map() });
  });

  it('registers only the matches around the viewport, and every match stays hit-testable', async () => {
    const { PAINT_ALL_LIMIT } = await import('@/lib/scan/highlight');
    const n = PAINT_ALL_LIMIT + 1500;
    document.body.innerHTML = Array.from({ length: n }, (_, i) => `<p id="p${i}">Item ${i}: the GFMD met.</p>`).join(
      '',
    );
    // happy-dom has no layout: the element at the top of the viewport is the first paragraph.
    patchable(document).elementFromPoint = () => document.getElementById('p0');
    const scanner = new PageScanner(document, { finder });
    await scanner.start();
    expect(scanner.matches.size).toBe(n);
    const painted = CSS.highlights.get(HIGHLIGHT_NAME) as Set<AbstractRange>;
    expect(painted.size).toBeGreaterThan(0);
    expect(painted.size).toBeLessThanOrEqual(3000);
    expect(nth([...painted], 0).startContainer).toBe(document.getElementById('p0')!.firstChild);
    // Scrolling to the end moves the window: the last paragraph gets painted.
    patchable(document).elementFromPoint = () => document.getElementById(`p${n - 1}`);
    window.dispatchEvent(new Event('scroll'));
    await vi.waitFor(() =>
      expect([...painted].some((r) => r.startContainer === document.getElementById(`p${n - 1}`)!.firstChild)).toBe(
        true,
      ),
    );
    expect(scanner.index.size).toBe(n);
    scanner.stop();
    delete patchable(document).elementFromPoint;
  });
});
