/**
 * Painting through the CSS Custom Highlight API: the page DOM is never touched. The ::highlight
 * rule goes into a constructed stylesheet adopted by the document, so no <style> element is added.
 */
export const HIGHLIGHT_NAME = 'migration-lens-term';

const STYLE = `::highlight(${HIGHLIGHT_NAME}) { text-decoration: underline dotted 2px; text-decoration-color: #1a6fb5; text-underline-offset: 3px; }`;

let sheet: CSSStyleSheet | null = null;

export function highlightSupported(): boolean {
  return typeof CSS !== 'undefined' && !!(CSS as any).highlights && typeof (globalThis as any).Highlight === 'function';
}

export function injectHighlightStyle(doc: Document = document): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
  }
  if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}

/** Replace the painted set with `ranges`. */
export function paint(ranges: AbstractRange[]): void {
  if (!highlightSupported()) return;
  const registry = (CSS as any).highlights as Map<string, Set<AbstractRange>>;
  registry.set(HIGHLIGHT_NAME, new (globalThis as any).Highlight(...ranges));
}

export function clearPaint(): void {
  if (highlightSupported()) ((CSS as any).highlights as Map<string, unknown>).delete(HIGHLIGHT_NAME);
}
