/**
 * Painting through the CSS Custom Highlight API: the page DOM is never touched. The ::highlight rules
 * go into one constructed stylesheet adopted by the document (and by open shadow roots, since
 * ::highlight styles are scoped to a tree), so no <style> element is ever added.
 */
import type { TextMatch } from './hittest';
import { globalTimers, type Timers } from './timers';

export const HIGHLIGHT_NAME = 'migration-lens-term';
/** Trainer mode: every occurrence of one chosen term. */
export const FOCUS_NAME = 'migration-lens-focus';
/** Short flash when jumping to an occurrence. */
export const FLASH_NAME = 'migration-lens-flash';
/** The term the next/previous-term key focused: a visible ring without touching the page. */
export const RING_NAME = 'migration-lens-ring';

const STYLE = `
::highlight(${HIGHLIGHT_NAME}) { text-decoration: underline dotted 2px; text-decoration-color: #1a6fb5; text-underline-offset: 3px; }
::highlight(${FOCUS_NAME}) { background-color: rgba(255, 213, 79, .55); color: inherit; }
::highlight(${FLASH_NAME}) { background-color: rgba(255, 152, 0, .75); color: #000; }
::highlight(${RING_NAME}) { background-color: rgba(26, 111, 181, .2); text-decoration: underline solid 3px; text-decoration-color: #1a6fb5; text-underline-offset: 3px; }
@media (forced-colors: active) { ::highlight(${RING_NAME}) { background-color: Highlight; color: HighlightText; } }
`;

let sheet: CSSStyleSheet | null = null;

type Registry = Map<string, Set<AbstractRange>>;
const registry = (): Registry | null =>
  typeof CSS !== 'undefined' && (CSS as unknown as { highlights?: Registry }).highlights
    ? (CSS as unknown as { highlights: Registry }).highlights
    : null;

/** The highlights this script registered, by name (another script may register the same names). */
const registered = new Map<string, Set<AbstractRange>>();

function register(reg: Registry, name: string, hl: Set<AbstractRange>): void {
  reg.set(name, hl);
  registered.set(name, hl);
}

/**
 * Unregister every highlight this script registered and is still registered, and take our stylesheet
 * back from `targets`: what a script whose context ended leaves behind for the one that replaces it.
 */
export function releaseHighlights(targets: (Document | ShadowRoot)[] = []): void {
  const reg = registry();
  for (const [name, hl] of registered) if (reg?.get(name) === hl) reg.delete(name);
  registered.clear();
  for (const t of targets) {
    try {
      if (sheet && t.adoptedStyleSheets.includes(sheet))
        t.adoptedStyleSheets = t.adoptedStyleSheets.filter((s) => s !== sheet);
    } catch {
      /* as in adoptHighlightStyle */
    }
  }
}

export function highlightSupported(): boolean {
  return !!registry() && typeof (globalThis as { Highlight?: unknown }).Highlight === 'function';
}

function newHighlight(ranges: AbstractRange[] = []): Set<AbstractRange> {
  const H = (globalThis as unknown as { Highlight: new (...r: AbstractRange[]) => Set<AbstractRange> }).Highlight;
  return new H(...ranges);
}

/**
 * Adopt our ::highlight rules into a document or shadow root (idempotent). Returns true when the sheet
 * was newly adopted: the browser must then recompute the tree's style, which a layout read in the same
 * task would force synchronously.
 */
export function adoptHighlightStyle(target: Document | ShadowRoot): boolean {
  try {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLE);
    }
    if (target.adoptedStyleSheets.includes(sheet)) return false;
    target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
    return true;
  } catch {
    // Constructable stylesheets can be unavailable in odd frames; the underline is then simply absent.
    return false;
  }
}

/** Up to this many matches every one is registered; beyond it only those near the viewport are. */
export const PAINT_ALL_LIMIT = 4000;
/** Matches painted around the viewport in windowed mode. */
const WINDOW_BEFORE = 400;
const WINDOW_MAX = 3000;

/**
 * Owns the registered Highlight for our terms. Browsers re-process every registered range whenever a
 * highlight changes, so cost grows with the total: small pages get every match painted (batched per
 * slice); a page with more than PAINT_ALL_LIMIT matches switches to windowed painting, where only the
 * matches around the viewport are registered and the window follows scrolling.
 */
export class Painter {
  private hl: Set<AbstractRange> | null = null;
  private queue: TextMatch[] = [];
  private all: TextMatch[] = [];
  private sorted = true;
  private windowed = false;
  private lastFlush = -Infinity;
  private raf = 0;
  private readonly onScroll = () => {
    if (this.raf || !this.timers.isValid) return;
    this.raf = this.timers.requestAnimationFrame(() => {
      this.raf = 0;
      this.paintWindow();
    });
  };

  constructor(
    private readonly doc: Document = document,
    private readonly name = HIGHLIGHT_NAME,
    private readonly timers: Timers = globalTimers,
  ) {}

  add(m: TextMatch): void {
    this.queue.push(m);
    if (this.all.length && this.all[this.all.length - 1]!.ord > m.ord) this.sorted = false;
    this.all.push(m);
  }

  remove(m: TextMatch): void {
    this.hl?.delete(m.range);
    // Still queued when the underline moves to an earlier occurrence within one slice.
    const q = this.queue.indexOf(m);
    if (q >= 0) this.queue.splice(q, 1);
    const i = this.all.indexOf(m);
    if (i >= 0) this.all.splice(i, 1);
  }

  /** Register queued ranges; unless `force`, at most one flush per `minGapMs`. */
  flush(force = true, minGapMs = 400): void {
    if (!this.queue.length) return;
    const t = performance.now();
    if (!force && t - this.lastFlush < minGapMs) return;
    this.lastFlush = t;
    const hl = this.highlight();
    if (!hl) {
      this.queue = [];
      return;
    }
    if (this.all.length > PAINT_ALL_LIMIT) {
      this.queue = [];
      if (!this.windowed) {
        this.windowed = true;
        this.doc.defaultView?.addEventListener('scroll', this.onScroll, { passive: true, capture: true });
        this.doc.defaultView?.addEventListener('resize', this.onScroll, { passive: true });
      }
      this.paintWindow();
      return;
    }
    for (const m of this.queue) hl.add(m.range);
    this.queue = [];
  }

  clear(): void {
    this.queue = [];
    this.all = [];
    this.sorted = true;
    this.hl?.clear();
    if (this.raf) this.timers.cancelAnimationFrame(this.raf);
    this.raf = 0;
    if (this.windowed) {
      this.windowed = false;
      this.doc.defaultView?.removeEventListener('scroll', this.onScroll, { capture: true });
      this.doc.defaultView?.removeEventListener('resize', this.onScroll);
    }
  }

  private highlight(): Set<AbstractRange> | null {
    const reg = registry();
    if (!reg || !highlightSupported()) return null;
    // Re-register if the page (or another frame of ours) removed our highlight.
    if (!this.hl || reg.get(this.name) !== this.hl) {
      this.hl = newHighlight(this.hl ? [...this.hl] : []);
      register(reg, this.name, this.hl);
    }
    return this.hl;
  }

  /** Paint the matches around the viewport: binary search on document order from the node at the top. */
  private paintWindow(): void {
    const hl = this.highlight();
    const win = this.doc.defaultView;
    if (!hl || !win) return;
    if (!this.sorted) {
      this.all.sort((a, b) => a.ord - b.ord);
      this.sorted = true;
    }
    const top = this.doc.elementFromPoint(win.innerWidth / 2, 1) ?? this.doc.body;
    let lo = 0,
      hi = this.all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const n = this.all[mid]!.startNode;
      // Before the viewport's first element (and not inside it): search right.
      if (top && !top.contains(n) && top.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_PRECEDING) lo = mid + 1;
      else hi = mid;
    }
    const from = Math.max(0, lo - WINDOW_BEFORE);
    hl.clear();
    for (let i = from; i < Math.min(this.all.length, from + WINDOW_MAX); i++) hl.add(this.all[i]!.range);
  }
}

/** Replace a whole named highlight (trainer focus, flash). */
export function paintOnly(name: string, ranges: AbstractRange[]): void {
  const reg = registry();
  if (!reg || !highlightSupported()) return;
  if (ranges.length) register(reg, name, newHighlight(ranges));
  else {
    reg.delete(name);
    registered.delete(name);
  }
}
