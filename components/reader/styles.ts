/**
 * Styles of the PDF reader page, on top of the extension pages' (components/pages/styles.ts) and
 * pdf.js's pdf_viewer.css. Pixel units, scaled by --ml-scale like the other pages. The pages
 * themselves stay paper-white in the dark theme: they are the PDF's own rendering.
 */
export const READER_CSS = `
html, body { height: 100%; overflow: hidden; }
.rd-app { display: flex; flex-direction: column; height: 100vh; }
.rd-bar { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; padding: 6px 10px; border-bottom: 1px solid var(--ml-border); background: var(--ml-bg); }
.rd-title { display: flex; align-items: baseline; gap: 10px; min-width: 0; flex: 1 1 240px; }
.rd-title h1 { margin: 0; font-size: calc(16px * var(--ml-scale)); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.rd-symbol { font-family: ui-monospace, monospace; font-size: calc(13px * var(--ml-scale)); border: 1px solid var(--ml-border); border-radius: 4px; padding: 0 6px; white-space: nowrap; }
.rd-pagebox { width: calc(56px * var(--ml-scale)); text-align: right; }
.rd-zoom { min-width: 3.5em; text-align: center; font-variant-numeric: tabular-nums; }
.rd-find { min-width: 6em; color: var(--ml-muted); }
.rd-end { margin-left: auto; }
.rd-notice { margin: 0; padding: 6px 12px; background: var(--ml-quote-bg); border-bottom: 1px solid var(--ml-border); }
.rd-main { position: relative; flex: 1; display: flex; min-height: 0; }
.rd-side { width: calc(260px * var(--ml-scale)); flex: none; overflow: auto; border-right: 1px solid var(--ml-border); padding: 8px 10px; }
.rd-side ul { list-style: none; margin: 0; padding-left: 12px; }
.rd-side > ul { padding-left: 0; }
.rd-side li { margin: 4px 0; }
.rd-view { position: relative; flex: 1; min-width: 0; }
.rd-container { position: absolute; inset: 0; overflow: auto; background: var(--ml-quote-bg); }
.rd-container:focus-visible { outline-offset: -3px; }
.rd-panel { position: absolute; top: 40px; left: 50%; transform: translateX(-50%); width: min(520px, calc(100% - 32px)); background: var(--ml-bg);
  border: 1px solid var(--ml-border); border-radius: 8px; padding: 16px 20px; box-shadow: 0 6px 24px rgba(0,0,0,.18); }
.rd-panel h2 { margin-top: 0; }
.rd-dragging .rd-container { outline: 3px dashed var(--ml-accent); outline-offset: -6px; }
.pdfViewer .page { box-shadow: 0 1px 4px rgba(0,0,0,.25); }
`;
