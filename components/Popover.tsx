import type { TermCard } from '@/lib/messaging/protocol';

export type PopoverState =
  | { status: 'loading'; termId: string }
  | { status: 'ready'; card: TermCard }
  | { status: 'not-found'; termId: string }
  | { status: 'error'; message: string };

/** The hover card. Text only: every string is rendered as text, never as HTML. */
export function Popover({ state }: { state: PopoverState }) {
  return (
    <div class="ml-card" role="tooltip" data-testid="ml-popover">
      {state.status === 'loading' && <p class="ml-muted">Looking up…</p>}
      {state.status === 'not-found' && <p class="ml-muted">No entry for this term.</p>}
      {state.status === 'error' && <p class="ml-error">Could not load this term: {state.message}</p>}
      {state.status === 'ready' && (
        <>
          <header>
            <strong class="ml-label">{state.card.label}</strong>
            <span class="ml-category">{state.card.category}</span>
          </header>
          <p class="ml-expansion">{state.card.expansion}</p>
          <p class="ml-summary">{state.card.summary}</p>
          {state.card.excerpts.slice(0, 2).map((x, i) => (
            <blockquote key={i} class="ml-excerpt">{x.text}<cite>{x.cite}</cite></blockquote>
          ))}
          {state.card.related.length > 0 && (
            <ul class="ml-related">
              {state.card.related.map((r) => <li key={r.id}>{r.label}</li>)}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

export const POPOVER_CSS = `
:host { all: initial; }
.ml-card { position: fixed; top: 0; left: 0; z-index: 2147483647; box-sizing: border-box; max-width: 380px;
  padding: 12px 14px; border-radius: 8px; background: #fff; color: #1b1b1b; border: 1px solid #c8ccd2;
  box-shadow: 0 6px 24px rgba(0,0,0,.18); font: 14px/1.45 system-ui, sans-serif; text-align: left; }
.ml-card header { display: flex; gap: 8px; align-items: baseline; }
.ml-label { font-size: 16px; }
.ml-category { font-size: 12px; color: #555; text-transform: uppercase; letter-spacing: .04em; }
.ml-expansion { margin: 4px 0; font-weight: 600; }
.ml-summary { margin: 6px 0; }
.ml-muted { color: #555; margin: 0; }
.ml-error { color: #a00; margin: 0; }
.ml-related { margin: 6px 0 0; padding-left: 18px; }
.ml-excerpt { margin: 8px 0; padding: 6px 10px; border-left: 3px solid #1a6fb5; background: #f4f7fb; font-size: 13px; }
.ml-excerpt cite { display: block; margin-top: 4px; font-style: normal; font-size: 12px; color: #555; }
@media (prefers-color-scheme: dark) {
  .ml-card { background: #1f2328; color: #eee; border-color: #444; }
  .ml-category, .ml-muted { color: #bbb; }
}
`;
