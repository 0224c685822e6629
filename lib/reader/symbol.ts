/**
 * UN document symbols on a PDF's first page: "A/RES/73/195", "A/HRC/38/41", "E/CN.4/2005/85",
 * "CMW/C/GC/1". A symbol starts with a principal-organ or treaty-body series letter group and has at
 * least two further parts separated by slashes, one of them a number.
 */

/** Series a UN symbol starts with (principal organs and the treaty bodies' series). */
const SERIES = 'A|S|E|ST|TD|UNEP|DP|HRI|CCPR|CESCR|CEDAW|CERD|CRC|CAT|CMW|CRPD|CED|ICEF|TRADE|UNW';

const SYMBOL_RE = new RegExp(
  `(?<![\\p{L}\\p{N}/.-])(?:${SERIES})(?:/(?:[A-Z][A-Za-z]*(?:-\\d+)?(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)){2,7}(?![\\p{L}\\p{N}/])`,
  'gu',
);

/**
 * The UN symbol most likely to be this document's own: the first one on the page, preferring one that
 * stands on a line of its own near the top (the symbol block of a UN document). null if none.
 */
export function findUnSymbol(firstPageText: string): string | null {
  const text = firstPageText.replace(/\u00a0/g, ' ');
  let best: string | null = null;
  for (const m of text.matchAll(SYMBOL_RE)) {
    const s = m[0].replace(/[.]+$/, '');
    if (!/\d/.test(s)) continue; // "A/B/C" without a number is not a symbol
    best ??= s;
    const before = text.slice(Math.max(0, (m.index ?? 0) - 1), m.index ?? 0);
    const after = text.charAt((m.index ?? 0) + m[0].length);
    if ((before === '' || before === '\n') && (after === '' || after === '\n')) return s;
  }
  return best;
}
