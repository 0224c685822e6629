/**
 * Shared design tokens for every surface (card in the page's shadow root, popup, side panel,
 * options, demo). Pixel units only: the card lives inside arbitrary pages whose root font-size
 * we must not inherit. Colours meet WCAG AA contrast in both schemes.
 */
import type { Settings } from '@/lib/settings/schema';

export const TEXT_SCALE: Record<Settings['textSize'], number> = { normal: 1, large: 1.25, 'x-large': 1.5 };

/** CSS custom properties for light and dark; `[data-theme]` overrides prefers-color-scheme. */
export const THEME_CSS = `
:host, :root { --ml-bg: #ffffff; --ml-fg: #1b1b1b; --ml-muted: #4a4f57; --ml-border: #c8ccd2; --ml-accent: #0b5cad;
  --ml-accent-fg: #ffffff; --ml-quote-bg: #f2f5f9; --ml-focus: #b35900; --ml-error: #a40000; --ml-scale: 1; }
@media (prefers-color-scheme: dark) {
  :host(:not([data-theme=light])), :root:not([data-theme=light]) { --ml-bg: #1f2328; --ml-fg: #eceff2; --ml-muted: #b9c0c8;
    --ml-border: #4a5058; --ml-accent: #8cc4ff; --ml-accent-fg: #10151b; --ml-quote-bg: #2a3038; --ml-focus: #ffb866; --ml-error: #ff9b9b; }
}
:host([data-theme=dark]), :root[data-theme=dark] { --ml-bg: #1f2328; --ml-fg: #eceff2; --ml-muted: #b9c0c8;
  --ml-border: #4a5058; --ml-accent: #8cc4ff; --ml-accent-fg: #10151b; --ml-quote-bg: #2a3038; --ml-focus: #ffb866; --ml-error: #ff9b9b; }
:host([data-text-size=large]), :root[data-text-size=large] { --ml-scale: 1.25; }
:host([data-text-size=x-large]), :root[data-text-size=x-large] { --ml-scale: 1.5; }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
`;
