/**
 * English strings added to the card for compact cards, docked trainer cards and presenter stepping.
 * Kept in one object so the UI i18n work (`_locales` + `t()` in lib/i18n) can convert them in one place.
 * A `{n}` is replaced by a number, `{label}` by a term's label (see `fill`).
 */
export const CARD_STRINGS = {
  mandateAndRecs: 'Mandate and recommendations',
  recsOnly: 'Its {n} recommendations (2013)',
  moreExcerpts: 'More excerpts ({n})',
  allRelated: 'All related ({n})',
  moveHandle: 'Move card',
  moveHint: 'Drag, or Alt+Up / Alt+Down to reorder, Alt+Left / Alt+Right to change side',
  dockOrder: '{label}: card {n} of {count} in the dock',
  presenterAt: 'Term {n} of {count}: {label}',
  presenterNone: 'No terms on this page',
} as const;

export type CardStringKey = keyof typeof CARD_STRINGS;

/** `CARD_STRINGS[key]` with its `{name}` placeholders filled. */
export function fill(key: CardStringKey, vars: Record<string, string | number> = {}): string {
  return CARD_STRINGS[key].replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
