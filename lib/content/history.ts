/**
 * Navigation inside one card: following a related entry pushes it, Back pops. Immutable values so
 * Preact state updates stay trivial and every step is testable.
 */

export interface Crumb {
  id: string;
  label: string;
}

export interface CardHistory {
  /** Oldest first; the last crumb is the entry on screen. */
  readonly stack: readonly Crumb[];
}

/** Longest trail we keep: a trainer clicking around for an hour must not grow it without bound. */
export const MAX_DEPTH = 20;

export const startHistory = (id: string, label = id): CardHistory => ({ stack: [{ id, label }] });

// Never empty: a history starts with one crumb, and no operation drops the first one.
export const current = (h: CardHistory): Crumb => h.stack[h.stack.length - 1]!;

export const canGoBack = (h: CardHistory): boolean => h.stack.length > 1;

/** Go to `id`. Re-visiting an entry already in the trail goes back to it instead of looping. */
export function push(h: CardHistory, id: string, label = id): CardHistory {
  const at = h.stack.findIndex((c) => c.id === id);
  if (at >= 0) return { stack: h.stack.slice(0, at + 1) };
  const stack = [...h.stack, { id, label }];
  return { stack: stack.length > MAX_DEPTH ? stack.slice(stack.length - MAX_DEPTH) : stack };
}

export function back(h: CardHistory): CardHistory {
  return canGoBack(h) ? { stack: h.stack.slice(0, -1) } : h;
}

/** Jump to a breadcrumb. */
export function backTo(h: CardHistory, index: number): CardHistory {
  return index >= 0 && index < h.stack.length - 1 ? { stack: h.stack.slice(0, index + 1) } : h;
}

/** Fill in the real label once the card for `id` arrived (crumbs start with the id or the link text). */
export function relabel(h: CardHistory, id: string, label: string): CardHistory {
  if (!h.stack.some((c) => c.id === id && c.label !== label)) return h;
  return { stack: h.stack.map((c) => (c.id === id ? { id, label } : c)) };
}
