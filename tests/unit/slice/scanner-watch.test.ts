import { describe, it, expect, beforeEach, vi } from 'vitest';
import { labelFinder } from '@/tests/unit/helpers/label-finder';
import { PageScanner, type FoundTerm, type TermFinder } from '@/lib/scan/page-scanner';

// happy-dom has no CSS Custom Highlight API: a Set stands in for Highlight.
class FakeHighlight extends Set<AbstractRange> {
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

const labels = labelFinder([
  { id: 'gfmd', label: 'GFMD' },
  { id: 'iom', label: 'IOM' },
]);

/** The label finder, with `during` run once, from inside the scanner's first pass (first block prepared). */
function finderThat(during: () => void, slowMs = 0): TermFinder<null, FoundTerm[]> {
  let fired = false;
  return {
    ...labels,
    prepare(text) {
      if (!fired) {
        fired = true;
        during();
      }
      // Work that takes a while, so the pass spans several tasks.
      for (const t = performance.now(); performance.now() - t < slowMs;);
      return labels.prepare(text);
    },
  };
}

const para = (text: string, parent: Node = document.body) => {
  const p = document.createElement('p');
  p.textContent = text;
  parent.appendChild(p);
  return p;
};
const terms = (s: PageScanner) => [...s.matches].map((m) => m.termId).sort();

describe('the scanner watches the page from before its first pass', () => {
  beforeEach(() => {
    vi.stubGlobal('Highlight', FakeHighlight);
    vi.stubGlobal('CSS', { escape: (s: string) => s, supports: () => false, highlights: new Map() });
    document.body.innerHTML = '<p>The GFMD met.</p><p>Nothing here.</p>';
  });

  it('reads text added synchronously while the first pass runs', async () => {
    const scanner = new PageScanner(document, { finder: finderThat(() => para('Added: IOM.')), debounceMs: 10 });
    await scanner.start();
    await vi.waitFor(() => expect(terms(scanner)).toEqual(['gfmd', 'iom']));
    scanner.stop();
  });

  it('reads text added by another task while the first pass runs', async () => {
    for (let i = 0; i < 30; i++) para(`Filler paragraph ${i}.`);
    let running = true;
    let addedWhileRunning: boolean | null = null;
    const finder = finderThat(
      () =>
        setTimeout(() => {
          addedWhileRunning = running;
          para('Later: IOM.');
        }, 0),
      2,
    );
    const scanner = new PageScanner(document, { finder, debounceMs: 10 });
    await scanner.start();
    running = false;
    // The check has to be about the race: the text really came while the pass ran.
    expect(addedWhileRunning).toBe(true);
    await vi.waitFor(() => expect(terms(scanner)).toEqual(['gfmd', 'iom']));
    scanner.stop();
  });

  it('watches a shadow root from when the walk finds it', async () => {
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    para('Inside: nothing yet.', shadow);
    document.body.prepend(host);
    // The walk has found the shadow root before blocks are prepared; text lands in it after that.
    const scanner = new PageScanner(document, {
      finder: finderThat(() => para('Shadow IOM.', shadow)),
      debounceMs: 10,
    });
    await scanner.start();
    await vi.waitFor(() => expect(terms(scanner)).toEqual(['gfmd', 'iom']));
    scanner.stop();
  });

  it('watches a shadow root first found by a rescan', async () => {
    const scanner = new PageScanner(document, { finder: labels, debounceMs: 10 });
    await scanner.start();
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    para('Nothing yet.', shadow);
    document.body.append(host);
    await vi.waitFor(() => expect(scanner.shadowRoots).toContain(shadow));
    para('Now IOM.', shadow);
    await vi.waitFor(() => expect(terms(scanner)).toEqual(['gfmd', 'iom']));
    scanner.stop();
  });

  it('reads a change after a quiet spell at once, not after the batching window', async () => {
    const scanner = new PageScanner(document, { finder: labels, debounceMs: 60_000 });
    await scanner.start();
    para('Rendered now: IOM.');
    await vi.waitFor(() => expect(terms(scanner)).toEqual(['gfmd', 'iom']), { timeout: 1000 });
    scanner.stop();
  });

  it('counts each occurrence once when text it already collected changes during the pass', async () => {
    const second = document.body.lastElementChild as HTMLElement;
    const finder = finderThat(() => {
      (second.firstChild as Text).data = 'IOM and GFMD here.';
    });
    const scanner = new PageScanner(document, { finder, debounceMs: 10 });
    await scanner.start();
    await vi.waitFor(() => expect(scanner.stats.rescans).toBeGreaterThan(0));
    expect(terms(scanner)).toEqual(['gfmd', 'gfmd', 'iom']);
    expect(scanner.index.get(second.firstChild as Text)?.length).toBe(2);
    scanner.stop();
  });

  it('forgets what changed before stop() and reads nothing after it', async () => {
    const scanner = new PageScanner(document, { finder: labels, debounceMs: 10 });
    await scanner.start();
    para('Too late: IOM.');
    scanner.stop();
    await new Promise((r) => setTimeout(r, 50));
    expect(scanner.matches.size).toBe(0);
    expect(scanner.stats.rescans).toBe(0);
  });
});

describe('with no batching window (the PDF reader)', () => {
  beforeEach(() => {
    vi.stubGlobal('Highlight', FakeHighlight);
    vi.stubGlobal('CSS', { escape: (s: string) => s, supports: () => false, highlights: new Map() });
    document.body.innerHTML = '<p>The GFMD met.</p>';
  });

  it('reads a change before the next task runs', async () => {
    const scanner = new PageScanner(document, { finder: labels, debounceMs: 0 });
    await scanner.start();
    para('A text layer with IOM.');
    // A task queued right after the change (pdf.js rendering the next page) finds the text read already.
    const seen = await new Promise<string[]>((resolve) => setTimeout(() => resolve(terms(scanner)), 0));
    expect(seen).toEqual(['gfmd', 'iom']);
    scanner.stop();
  });
});
