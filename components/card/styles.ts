/**
 * Card styles for our shadow root. `:host { all: initial }` keeps page CSS out; every size is px times
 * --ml-scale (text size setting / trainer preset) because the page's root font-size is not ours.
 */
import { THEME_CSS } from '../theme';

const px = (n: number) => `calc(${n}px * var(--ml-scale))`;

/**
 * The tallest a card gets: the viewport's height (issue #16: an expanded card grows to it before it
 * scrolls). The positioning code lowers it when no side of the term has room for the whole card.
 */
export const CARD_MAX_HEIGHT = 'calc(100vh - 16px)';

/**
 * The trainer dock (lib/content/dock.ts): one column at the left or right edge, as tall as its cards
 * up to the viewport's height, scrolling as a whole; its cards flow in it instead of being placed.
 */
const DOCK_CSS = `.ml-dock { position: fixed; top: 8px; box-sizing: border-box; width: min(${px(400)}, 42vw); max-height: calc(100vh - 16px);
  display: flex; flex-direction: column; gap: 8px; padding: 4px; overflow-y: auto; overscroll-behavior: contain; pointer-events: auto; }
.ml-dock[data-side=right] { right: 8px; }
.ml-dock[data-side=left] { left: 8px; }
.ml-dock > .ml-card { position: relative; inset: auto; width: auto; max-width: none; max-height: none; flex: none; }
.ml-dock > .ml-card .ml-body { overflow: visible; }
.ml-handle { cursor: grab; touch-action: none; }
.ml-presenting { margin: 0; padding: 4px 14px; font-size: ${px(12)}; color: var(--ml-muted); border-bottom: 1px solid var(--ml-border); }
.ml-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }`;

// .ml-card[data-pending]: a card prepared at the dwell and not shown yet. visibility keeps it laid out
// (showing it is a repaint) while the pointer and assistive technology ignore it.
export const CARD_CSS = `${THEME_CSS}
:host { all: initial; direction: ltr; position: fixed; inset: 0 auto auto 0; width: 0; height: 0; margin: 0; padding: 0; border: 0;
  background: transparent; overflow: visible; pointer-events: none; z-index: 2147483647; color-scheme: light dark; }
.ml-modal { all: unset; position: fixed; inset: 0 auto auto 0; width: 0; height: 0; overflow: visible; }
.ml-modal::backdrop { background: transparent; }
.ml-card { position: fixed; top: 0; left: 0; box-sizing: border-box; width: max-content; max-width: min(${px(400)}, calc(100vw - 16px));
  pointer-events: auto; display: flex; flex-direction: column; max-height: ${CARD_MAX_HEIGHT};
  border-radius: 8px; background: var(--ml-bg); color: var(--ml-fg); border: 1px solid var(--ml-border);
  box-shadow: 0 6px 24px rgba(0,0,0,.22); font: 400 ${px(14)}/1.45 system-ui, -apple-system, "Segoe UI", sans-serif;
  text-align: left; letter-spacing: normal; word-wrap: break-word; overflow-wrap: anywhere; opacity: 1; transition: opacity .12s ease-out;
  /* Inherited properties reach us through the host even past all: initial (the page may style the host
     with !important, and all never resets direction): set every one our text depends on. */
  direction: ltr; unicode-bidi: isolate; writing-mode: horizontal-tb; text-transform: none; font-style: normal;
  font-variant: normal; font-stretch: normal; word-spacing: normal; text-indent: 0; text-shadow: none; white-space: normal;
  visibility: visible; cursor: auto; hyphens: manual; text-decoration: none; font-kerning: auto; tab-size: 8;
  -webkit-text-fill-color: currentColor; -webkit-text-stroke: 0; quotes: auto; list-style: none; }
.ml-card[data-pending] { visibility: hidden; }
.ml-card.ml-pinned { border: 2px solid var(--ml-accent); }
.ml-card:focus { outline: none; }
.ml-card:focus-visible { outline: 3px solid var(--ml-focus); outline-offset: 2px; }
.ml-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 6px; padding: 6px 8px 4px 14px; border-bottom: 1px solid var(--ml-border); flex: none; }
.ml-spacer { flex: 1; }
/* Compact (issue #16): the name shares the toolbar's row; the history trail, when there is one, is the row above. */
.ml-crumbs { flex: 1 0 100%; }
.ml-bar .ml-head { flex: 1; min-width: 0; }
.ml-crumbs ol { display: flex; flex-wrap: wrap; gap: 2px; list-style: none; margin: 0; padding: 0; font-size: ${px(12)}; }
.ml-crumbs li + li::before { content: "›"; margin: 0 4px; color: var(--ml-muted); }
.ml-body { padding: 6px 14px 10px; overflow-y: auto; overscroll-behavior: contain; min-height: 0; }
.ml-head { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
.ml-label { font-size: ${px(17)}; font-weight: 700; margin: 0; }
.ml-category { font-size: ${px(12)}; color: var(--ml-muted); text-transform: uppercase; letter-spacing: .04em; }
.ml-badge { font-size: ${px(12)}; font-weight: 700; padding: 0 6px; border-radius: 4px; background: var(--ml-accent); color: var(--ml-accent-fg); }
.ml-expansion { margin: 2px 0 4px; font-weight: 600; }
.ml-local { font-size: ${px(15)}; font-weight: 700; color: var(--ml-muted); }
.ml-expansion.ml-secondary { font-weight: 400; color: var(--ml-muted); }
.ml-summary { margin: 4px 0 6px; }
/* Short viewports (200 % zoom of a laptop screen is 640×400 CSS px): the summary is clamped to three
   lines, with a "Full summary" disclosure (CardBody.tsx), so the compact card stays whole. */
@media (max-height: 480px) { .ml-summary[data-clamp] { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; line-clamp: 3; overflow: hidden; } }
/* The mandate's heading reads as a kicker at the start of its excerpt, like "Summary" (one line less). */
[data-testid=ml-mandate] > .ml-h3:first-child { float: left; margin: calc(6px + ${px(1)}) 8px -8px 13px; line-height: ${px(18)}; }
.ml-kicker, .ml-h3 { font-size: ${px(12)}; font-weight: 700; color: var(--ml-muted); text-transform: uppercase; letter-spacing: .04em; }
.ml-h3 { margin: 10px 0 4px; }
.ml-section { margin: 6px 0; }
.ml-muted { color: var(--ml-muted); margin: 4px 0; }
.ml-error { color: var(--ml-error); }
.ml-error p { margin: 4px 0; }
.ml-detail { font-size: ${px(12)}; color: var(--ml-muted); }
.ml-excerpt { margin: 6px 0; padding: 6px 10px; border-left: 3px solid var(--ml-accent); background: var(--ml-quote-bg); font-size: ${px(13)}; }
.ml-excerpt .ml-link { margin-right: 9px; }
.ml-recs cite { display: block; margin-top: 4px; font-style: normal; font-size: ${px(12)}; color: var(--ml-muted); }
/* Compact (issue #16): the citation and its two links share a line when the card is wide enough. */
.ml-excerpt p { margin: 0 0 2px; }
.ml-excerpt cite { font-style: normal; font-size: ${px(12)}; color: var(--ml-muted); margin-right: 9px; }
.ml-excerpt .ml-link { font-size: ${px(12)}; }
.ml-recs { margin: 6px 0; padding-left: 0; list-style: none; font-size: ${px(13)}; }
.ml-recs li { margin: 4px 0; padding: 4px 8px; background: var(--ml-quote-bg); border-radius: 4px; }
.ml-rec-label { font-weight: 700; }
/* One run of text: "RELATED" then the terms, wrapping like a sentence (inline keeps list semantics). */
.ml-related-sec .ml-h3 { display: inline; margin: 0 10px 0 0; }
.ml-related { display: inline; list-style: none; margin: 0; padding: 0; line-height: 1.7; }
.ml-related li { display: inline; margin-right: 10px; }
.ml-related .ml-link { text-align: left; }
.ml-disclosures { display: flex; flex-wrap: wrap; gap: 6px; margin: 6px 0; }
.ml-disclose[aria-expanded=true] { border-color: var(--ml-accent); }
.ml-actions, .ml-trainer { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-top: 8px; }
.ml-actions .ml-btn { font-size: ${px(12)}; }
.ml-trainer { margin: 0; padding: 6px 12px; border-bottom: 1px solid var(--ml-border); flex: none; }
.ml-count { font-size: ${px(13)}; min-width: 6em; text-align: center; }
.ml-btn { font: inherit; font-size: ${px(13)}; line-height: 1.3; color: var(--ml-fg); background: var(--ml-bg); border: 1px solid var(--ml-border);
  border-radius: 6px; padding: 3px 8px; cursor: pointer; margin: 0; }
.ml-btn:hover { border-color: var(--ml-accent); }
.ml-btn[aria-pressed=true] { background: var(--ml-accent); color: var(--ml-accent-fg); border-color: var(--ml-accent); }
.ml-btn:disabled { opacity: .6; cursor: default; }
.ml-small { font-size: ${px(12)}; }
.ml-icon { min-width: ${px(28)}; padding: 1px 6px; }
.ml-link { font: inherit; color: var(--ml-accent); background: none; border: 0; padding: 0; margin: 0; cursor: pointer; text-decoration: underline; text-underline-offset: 2px; }
.ml-btn:focus-visible, .ml-link:focus-visible { outline: 3px solid var(--ml-focus); outline-offset: 2px; }
.ml-undo { display: flex; gap: 8px; align-items: center; justify-content: space-between; padding: 6px 12px; border-top: 1px solid var(--ml-border);
  font-size: ${px(13)}; flex: none; }
${DOCK_CSS}
@media (prefers-reduced-motion: reduce) { .ml-card { transition: none; } }
@media (forced-colors: active) { .ml-card { border: 2px solid CanvasText; } }
`;
