/**
 * pdf.js ends each line of its text layer with a <br> and no space, so the last word of one line and
 * the first of the next would read as one word ("IOMsupports") and a term at either end of a line
 * would not be recognised. The text layer is the reader's own DOM, so a line that does not already end
 * in whitespace gets one space appended; the span is transparent, so nothing visible changes (copying
 * a selection gets the space the PDF implies too).
 */

/** Append a space to every line of `layer` that ends without one. Returns how many were added. */
export function spaceLineEnds(layer: Element): number {
  if (!layer.querySelector('br')) return 0;
  let added = 0;
  // One walk for all lines: text nodes in order, each line end attributed to the text just before it.
  const walker = layer.ownerDocument.createTreeWalker(layer, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  let last: Text | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) last = n as Text;
    else if ((n as Element).tagName === 'BR' && last) {
      if (last.data && !/\s$/.test(last.data)) {
        last.data += ' ';
        added++;
      }
      last = null;
    }
  }
  return added;
}
