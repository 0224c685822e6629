import { describe, it, expect, beforeEach, vi } from 'vitest';
import { scan, labelMatcher } from '@/lib/scan/scanner';
import { hitTest } from '@/lib/scan/hittest';
import { paint, HIGHLIGHT_NAME } from '@/lib/scan/highlight';

// happy-dom has neither the CSS Custom Highlight API nor caret*FromPoint: stub both.
class FakeHighlight extends Set<AbstractRange> {
  constructor(...ranges: AbstractRange[]) { super(ranges); }
}

const matcher = labelMatcher([{ id: 'gfmd', label: 'GFMD' }, { id: 'iom', label: 'IOM' }]);

describe('scanner + highlight + hit-test', () => {
  beforeEach(() => {
    (globalThis as any).Highlight = FakeHighlight;
    vi.stubGlobal('CSS', { escape: (s: string) => s, supports: () => false, highlights: new Map() });
    document.body.innerHTML = `<p id="p">About the <b>GFMD</b> and IOM, not GFMDX.</p>
      <textarea>GFMD in a form</textarea><div contenteditable="true">GFMD editable</div>
      <script>var GFMD = 1;</script>`;
  });

  it('indexes matches per text node, skipping form fields, editable regions and scripts', () => {
    const before = document.body.innerHTML;
    const index = scan(document.body, matcher);
    const found = [...index.values()].flat().map((m) => m.node.data.slice(m.start, m.end));
    expect(found).toEqual(['GFMD', 'IOM']);
    paint([...index.values()].flat().map((m) => { const r = document.createRange(); r.setStart(m.node, m.start); r.setEnd(m.node, m.end); return r; }));
    expect((CSS as any).highlights.get(HIGHLIGHT_NAME).size).toBe(2);
    expect(document.body.innerHTML).toBe(before);
  });

  it('hit-tests the term under the pointer and nothing beside it', () => {
    const index = scan(document.body, matcher);
    const gfmdText = document.querySelector('b')!.firstChild as Text;
    (document as any).caretPositionFromPoint = () => ({ offsetNode: gfmdText, offset: 2 });
    const rect = { left: 10, right: 50, top: 10, bottom: 30, width: 40, height: 20, x: 10, y: 10, toJSON() {} } as DOMRect;
    vi.spyOn(Range.prototype, 'getBoundingClientRect').mockReturnValue(rect);
    expect(hitTest(index, document, 20, 20)?.termId).toBe('gfmd');
    // Same caret, but the point lies outside the word's box (e.g. blank space at the end of the line).
    expect(hitTest(index, document, 200, 20)).toBeNull();
    delete (document as any).caretPositionFromPoint;
  });
});
