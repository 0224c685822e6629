/** Snippet with the matched words emphasised; offsets come from the background, text stays text. */
import type { ComponentChildren } from 'preact';
export function Marked({ text, marks }: { text: string; marks?: [number, number][] }) {
  const parts: ComponentChildren[] = [];
  let at = 0;
  // Marks are sorted and non-overlapping from makeSnippet; clamp anyway so bad offsets cannot throw.
  for (const [a, b] of [...(marks ?? [])].sort((x, y) => x[0] - y[0])) {
    const s = Math.max(a, at),
      e = Math.min(b, text.length);
    if (e <= s) continue;
    if (s > at) parts.push(text.slice(at, s));
    parts.push(<mark key={s}>{text.slice(s, e)}</mark>);
    at = e;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
