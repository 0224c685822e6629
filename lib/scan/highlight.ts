/**
 * Painting through the CSS Custom Highlight API: the page DOM is never touched. The ::highlight rules
 * go into one constructed stylesheet adopted by the document (and by open shadow roots, since
 * ::highlight styles are scoped to a tree), so no <style> element is ever added.
 */
import type { TextMatch } from './hittest';

export const HIGHLIGHT_NAME = 'migration-lens-term';
/** Trainer mode: every occurrence of one chosen term. */
export const FOCUS_NAME = 'migration-lens-focus';
/** Short flash when jumping to an occurrence. */
export const FLASH_NAME = 'migration-lens-flash';

const STYLE = `
::highlight(${HIGHLIGHT_NAME}) { text-decoration: underline dotted 2px; text-decoration-color: #1a6fb5; text-underline-offset: 3px; }
::highlight(${FOCUS_NAME}) { background-color: rgba(255, 213, 79, .55); color: inherit; }
::highlight(${FLASH_NAME}) { background-color: rgba(255, 152, 0, .75); color: #000; }
`;

let sheet: CSSStyleSheet | null = null;

type Registry = Map<string, Set<AbstractRange>>;
const registry = (): Registry | null =>
  typeof CSS !== 'undefined' && (CSS as unknown as { highlights?: Registry }).highlights ? (CSS as unknown as { highlights: Registry }).highlights : null;

export function highlightSupported(): boolean {
  return !!registry() && typeof (globalThis as { Highlight?: unknown }).Highlight === 'function';
}

function newHighlight(ranges: AbstractRange[] = []): Set<AbstractRange> {
  const H = (globalThis as unknown as { Highlight: new (...r: AbstractRange[]) => Set<AbstractRange> }).Highlight;
  return new H(...ranges);
}

/** Adopt our ::highlight rules into a document or shadow root (idempotent). */
export function adoptHighlightStyle(target: Document | ShadowRoot): void {
  try {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLE);
    }
    if (!target.adoptedStyleSheets.includes(sheet)) target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
  } catch {
    // Constructable stylesheets can be unavailable in odd frames; the underline is then simply absent.
  }
}

/** Owns the registered Highlight for our terms; batches additions so each slice paints once. */
export class Painter {
  private hl: Set<AbstractRange> | null = null;
  private queue: AbstractRange[] = [];

  constructor(private readonly name = HIGHLIGHT_NAME) {}

  add(m: TextMatch): void { this.queue.push(m.range); }

  remove(m: TextMatch): void { this.hl?.delete(m.range); }

  private lastFlush = -Infinity;

  /**
   * Register queued ranges. Browsers re-process a highlight's whole range set when it changes, so on
   * pages with tens of thousands of matches frequent small additions cost O(n²): unless `force`, at
   * most one flush per `minGapMs` (the first one, with the on-screen blocks, is immediate).
   */
  flush(force = true, minGapMs = 400): void {
    if (!this.queue.length) return;
    const t = performance.now();
    if (!force && t - this.lastFlush < minGapMs) return;
    this.lastFlush = t;
    const reg = registry();
    if (!reg || !highlightSupported()) { this.queue = []; return; }
    // Re-register if the page (or another frame of ours) removed our highlight.
    if (!this.hl || reg.get(this.name) !== this.hl) {
      this.hl = newHighlight(this.hl ? [...this.hl] : []);
      reg.set(this.name, this.hl);
    }
    for (const r of this.queue) this.hl.add(r);
    this.queue = [];
  }

  clear(): void {
    this.queue = [];
    this.hl?.clear();
  }
}

/** Replace a whole named highlight (trainer focus, flash). */
export function paintOnly(name: string, ranges: AbstractRange[]): void {
  const reg = registry();
  if (!reg || !highlightSupported()) return;
  if (ranges.length) reg.set(name, newHighlight(ranges)); else reg.delete(name);
}
