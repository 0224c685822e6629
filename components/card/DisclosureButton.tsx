import type { ComponentChildren } from 'preact';

/**
 * One of a card's disclosure buttons (full summary, recommendations, more excerpts, all related):
 * a small button that shows or hides the section `controls` names, its state in `aria-expanded`
 * (https://www.w3.org/WAI/ARIA/apg/patterns/disclosure/). `of` is the card's disclosure state
 * (./disclosure.ts), `section` the key the state is kept under.
 */
export function DisclosureButton({
  of,
  section,
  controls,
  testId,
  extraClass,
  children,
}: {
  of: { is(key: string): boolean; toggle(key: string): void };
  section: string;
  /** The id of the element shown or hidden. */
  controls: string;
  testId?: string;
  /** A class between the shared ones and `ml-disclose` (tests and styles find some buttons by it). */
  extraClass?: string;
  children: ComponentChildren;
}) {
  return (
    <button
      type="button"
      class={`ml-btn ml-small ${extraClass ? `${extraClass} ` : ''}ml-disclose`}
      aria-expanded={of.is(section)}
      aria-controls={controls}
      onClick={() => of.toggle(section)}
      data-testid={testId}
    >
      {children}
    </button>
  );
}
