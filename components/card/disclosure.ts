import { useState } from 'preact/hooks';

/**
 * Open/closed state of a card's disclosure buttons (more excerpts, recommendations, all related).
 * Kept in the component for an instant toggle and reported to the card controller, which keeps it
 * on the open card (CardView.disclosed): a card that is re-mounted (pinned into a modal dialog,
 * moved in the trainer dock, back to a term it showed before) opens its sections as they were.
 */
export function useDisclosure(
  saved: Readonly<Record<string, boolean>> | undefined,
  report: ((key: string, open: boolean) => void) | undefined,
): { is(key: string): boolean; toggle(key: string): void } {
  const [state, setState] = useState<Record<string, boolean>>(() => ({ ...saved }));
  return {
    is: (key) => !!state[key],
    toggle: (key) => {
      const open = !state[key];
      setState((s) => ({ ...s, [key]: open }));
      report?.(key, open);
    },
  };
}
