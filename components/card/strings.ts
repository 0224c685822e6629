/**
 * UI strings added for the trainer dock, the presenter and the compact card (issue #16), in one
 * place so they move into the i18n catalogue in one step. English; short keys.
 */
export const CARD_STRINGS = {
  /** The column of docked trainer cards (role="group"). */
  dockLabel: 'Pinned cards',
  /** The drag handle in a docked card's toolbar. */
  moveLabel: 'Move card',
  moveHint: 'Drag to move. Alt+↑ / Alt+↓: up or down. M: other side of the page.',
  /** Announced after a docked card moved (position, count, side). */
  moved: (pos: number, count: number, side: 'left' | 'right') =>
    `Card ${pos} of ${count}, ${side === 'left' ? 'left' : 'right'} side`,
  /** The presenter's place in the page's terms, shown on the card it opened. */
  presenting: (pos: number, count: number) => `Term ${pos} of ${count} (Alt+Shift+. next)`,
  /** The compact card's summary, clamped to three lines in short viewports (200 % zoom). */
  moreSummary: 'Full summary',
  lessSummary: 'Short summary',
} as const;
