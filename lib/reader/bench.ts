/**
 * `npm run bench` (tests/bench/lib/pdf.mjs) opens the reader with `#ml-bench=app` or
 * `#ml-bench=viewer-only` after the usual address. The reader then puts pdf.js's page and text-layer
 * events on the performance timeline (the bench reads them back), and `viewer-only` leaves the content
 * app off: pdf.js's viewer alone, the baseline of the `pdf_*` figures. Only the bench sets the flag, and
 * all it can do is mark times or switch our own work off.
 */
export type BenchMode = 'app' | 'viewer-only';

const PARAM = 'ml-bench';

/** The bench mode named in the reader's fragment, or null (every ordinary reader). */
export function benchMode(hash: string): BenchMode | null {
  const v = new URLSearchParams(hash.replace(/^#/, '')).get(PARAM);
  return v === 'app' || v === 'viewer-only' ? v : null;
}

interface Bus {
  on(name: string, listener: (e: { pageNumber: number }) => void): void;
}

/** Marks `ml-bench:pagerendered:N` and `ml-bench:textlayerrendered:N` as pdf.js reports them. */
export function markViewerEvents(bus: Bus): void {
  for (const name of ['pagerendered', 'textlayerrendered'])
    bus.on(name, (e) => performance.mark(`${PARAM}:${name}:${e.pageNumber}`));
}
