/**
 * Strings of the trainer dock, the presenter and the compact card (issue #16), read from the message
 * catalogues (public/_locales) each time, so they follow the interface language like the rest.
 */
import { t } from '@/lib/i18n/t';

export const CARD_STRINGS = {
  /** The column of docked trainer cards (role="group"). */
  get dockLabel(): string {
    return t('card_dockLabel');
  },
  /** The drag handle in a docked card's toolbar. */
  get moveLabel(): string {
    return t('card_moveLabel');
  },
  get moveHint(): string {
    return t('card_moveHint');
  },
  /** Announced after a docked card moved (position, count, side). */
  moved: (pos: number, count: number, side: 'left' | 'right'): string =>
    t(side === 'left' ? 'card_movedLeft' : 'card_movedRight', pos, count),
  /** The presenter's place in the page's terms, shown on the card it opened. */
  presenting: (pos: number, count: number): string => t('card_presenting', pos, count),
  /** The compact card's summary, clamped to three lines in short viewports (200 % zoom). */
  get moreSummary(): string {
    return t('card_moreSummary');
  },
  get lessSummary(): string {
    return t('card_lessSummary');
  },
};
