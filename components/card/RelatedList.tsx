import { listKeyIndex } from '@/lib/content/keys';
import type { TermCard } from '@/lib/messaging/protocol';
import { t } from '@/lib/i18n/t';

/**
 * Related entries as buttons that navigate inside the card. Arrow keys move between them (one list,
 * one Tab stop would hide the Back/Pin buttons' order, so every item stays tabbable too).
 */
/**
 * Related lists of agencies run to 50+ entries: the first few, then "All related". The build ranks
 * the list and says how many are worth showing (`shown`, at most 12); a compact card shows at most
 * FIRST_RELATED of them (issue #16), the ranked best first.
 */
export const FIRST_RELATED = 6;

/** How many related entries the compact card shows (the build's `relatedShown`, at most FIRST_RELATED). */
export const relatedFirst = (ranked = FIRST_RELATED) => Math.min(ranked, FIRST_RELATED);

/** The list; its "All related" button sits in the card's row of disclosure buttons (./CardBody.tsx). */
export function RelatedList({
  related,
  shown: ranked,
  onOpen,
  all,
  listId,
}: {
  related: TermCard['related'];
  shown?: number;
  onOpen(id: string, label: string): void;
  /** "All related" is open (the state lives with the card: components/card/disclosure.ts). */
  all: boolean;
  listId: string;
}) {
  const first = relatedFirst(ranked);
  if (!related.length) return null;
  const shown = all ? related : related.slice(0, first);
  const onKey = (e: KeyboardEvent) => {
    const list = e.currentTarget as HTMLElement;
    const items = Array.from(list.querySelectorAll<HTMLButtonElement>('button'));
    const root = list.getRootNode() as Document | ShadowRoot;
    const i = items.indexOf(root.activeElement as HTMLButtonElement);
    const next = i < 0 ? null : listKeyIndex(e.key, i, items.length);
    if (next === null) return;
    e.preventDefault();
    items[next]?.focus();
  };
  return (
    <div class="ml-section ml-related-sec" role="group" aria-label={t('card_relatedGroup')}>
      <h3 class="ml-h3">{t('card_related')}</h3>
      <ul class="ml-related" id={listId} onKeyDown={onKey} data-testid="ml-related">
        {shown.map((r) => (
          <li key={r.id}>
            <button type="button" class="ml-link" data-id={r.id} onClick={() => onOpen(r.id, r.label)}>
              {r.label}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
