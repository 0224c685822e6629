/**
 * Styles of the extension pages. Pixel units only (see theme.ts); every size is multiplied by
 * --ml-scale so "large"/"x-large" text settings (trainers in front of a room) scale the whole page.
 */
import { THEME_CSS } from '../theme';

export const PAGE_CSS = `${THEME_CSS}
:root { color-scheme: light dark; }
:root[data-theme=light] { color-scheme: light; }
:root[data-theme=dark] { color-scheme: dark; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--ml-bg); color: var(--ml-fg); font: calc(14px * var(--ml-scale))/1.45 system-ui, sans-serif; }
a { color: var(--ml-accent); }
h1 { font-size: calc(18px * var(--ml-scale)); margin: 0 0 8px; }
h2 { font-size: calc(15px * var(--ml-scale)); margin: 14px 0 6px; }
h3 { font-size: calc(14px * var(--ml-scale)); margin: 10px 0 4px; }
:focus-visible { outline: 3px solid var(--ml-focus); outline-offset: 2px; }
button, input, select, textarea { font: inherit; color: inherit; }
input, select, textarea { background: var(--ml-bg); border: 1px solid var(--ml-muted); border-radius: 4px; padding: 4px 6px; }
button { background: var(--ml-bg); border: 1px solid var(--ml-accent); color: var(--ml-accent); border-radius: 4px; padding: 4px 10px; cursor: pointer; }
button.ml-primary { background: var(--ml-accent); color: var(--ml-accent-fg); }
button.ml-link { border: none; padding: 0; background: none; text-decoration: underline; text-align: left; }
.ml-muted { color: var(--ml-muted); }
.ml-error { color: var(--ml-error); }
.ml-page { padding: 12px 14px; }
.ml-popup { width: calc(420px * var(--ml-scale)); max-width: 100vw; }
.ml-shortcuts { margin: 8px 0; padding-left: 1.2em; font-size: .9em; }
.ml-shortcuts kbd { font: inherit; font-weight: 600; border: 1px solid currentColor; border-radius: 3px; padding: 0 3px; }
.ml-row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.ml-field { display: flex; flex-direction: column; gap: 2px; }
.ml-field input[type=number] { max-width: calc(160px * var(--ml-scale)); }
.ml-filters { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 6px; margin: 8px 0; }
.ml-filters select { width: 100%; min-width: 0; }
.ml-combo { position: relative; }
.ml-combo input { width: 100%; }
.ml-listbox { position: absolute; z-index: 2; left: 0; right: 0; margin: 2px 0 0; padding: 0; list-style: none; background: var(--ml-bg);
  border: 1px solid var(--ml-border); border-radius: 4px; box-shadow: 0 4px 16px rgba(0,0,0,.2); max-height: calc(260px * var(--ml-scale)); overflow: auto; }
.ml-listbox li { padding: 4px 8px; cursor: pointer; }
.ml-listbox li[aria-selected=true] { background: var(--ml-accent); color: var(--ml-accent-fg); }
.ml-results { list-style: none; margin: 8px 0; padding: 0; }
.ml-results > li { padding: 8px 0; border-top: 1px solid var(--ml-border); }
.ml-kind { font-size: calc(11px * var(--ml-scale)); text-transform: uppercase; letter-spacing: .04em; color: var(--ml-muted); margin-left: 6px; }
.ml-section { display: block; font-size: calc(12px * var(--ml-scale)); color: var(--ml-muted); }
mark { background: transparent; color: inherit; font-weight: 700; text-decoration: underline; }
.ml-snippet { margin: 4px 0; }
.ml-cite { display: block; font-size: calc(12px * var(--ml-scale)); color: var(--ml-muted); font-style: normal; }
blockquote { margin: 8px 0; padding: 6px 10px; border-left: 3px solid var(--ml-accent); background: var(--ml-quote-bg); }
.ml-reader p { white-space: pre-wrap; }
.ml-box { border: 1px solid var(--ml-border); border-radius: 6px; padding: 8px 10px; margin: 8px 0; }
.ml-switch { display: flex; align-items: center; gap: 8px; }
.ml-crumbs ol { display: flex; flex-wrap: wrap; gap: 4px; list-style: none; padding: 0; margin: 6px 0; }
.ml-crumbs li + li::before { content: "›"; margin-right: 4px; color: var(--ml-muted); }
.ml-terms { list-style: none; padding: 0; margin: 0; }
.ml-terms li { display: flex; justify-content: space-between; gap: 8px; padding: 2px 0; }
.ml-count { color: var(--ml-muted); font-variant-numeric: tabular-nums; }
.ml-errors { margin: 4px 0; padding-left: 18px; color: var(--ml-error); }
.ml-list { list-style: none; padding: 0; margin: 4px 0; }
.ml-list li { display: flex; gap: 8px; align-items: center; justify-content: space-between; padding: 3px 0; border-bottom: 1px solid var(--ml-border); }
fieldset { border: 1px solid var(--ml-border); border-radius: 6px; margin: 10px 0; padding: 8px 12px; }
legend { font-weight: 600; padding: 0 4px; }
.ml-plain { list-style: none; padding: 0; margin: 4px 0; }
.ml-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

/** Applies theme/text-size settings to the page root (the tokens in theme.ts key off these). */
export function applyAppearance(root: HTMLElement, s: { theme: string; textSize: string }): void {
  if (s.theme === 'light' || s.theme === 'dark') root.dataset.theme = s.theme;
  else delete root.dataset.theme;
  if (s.textSize === 'large' || s.textSize === 'x-large') root.dataset.textSize = s.textSize;
  else delete root.dataset.textSize;
}

export function injectStyles(doc: Document, css = PAGE_CSS): void {
  const el = doc.createElement('style');
  el.textContent = css;
  doc.head.append(el);
}
