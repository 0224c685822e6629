import { useEffect, useState } from 'preact/hooks';
import { useRequestEffect } from '../pages/hooks';
import type { TermCard } from '@/lib/messaging/protocol';
import { recordLabel, type RecordFetch, type RecordView } from '@/lib/content/record';
import { Cite } from './Cite';
import { t, tp } from '@/lib/i18n/t';

/**
 * An agency's mandate (verbatim, from the 2013 CEB compilation) and its recommendation items. The
 * mandate text comes from the card's own excerpt; recommendation texts come from the background's
 * `record` message when available, otherwise only their labels are listed, with a way to search them.
 */
export function Mandate({
  card,
  fetchRecord,
  onSearch,
  location,
  recsOpen: open,
}: {
  card: TermCard;
  fetchRecord?: RecordFetch;
  onSearch(q: string): void;
  location?: string | null;
  /**
   * The recommendations list is open (the state lives with the card: ./disclosure.ts); its button is in
   * the card's row of disclosure buttons (./CardBody.tsx, `recsListId`).
   */
  recsOpen: boolean;
}) {
  const mandate = card.excerpts.find((x) => x.recordId === card.mandateId);
  const recs = card.recommendationIds ?? [];
  const [texts, setTexts] = useState<Record<string, RecordView | null | undefined>>({});
  const [fallbackMandate, setFallbackMandate] = useState<RecordView | null>(null);

  const hasMandate = !!mandate;
  useRequestEffect(
    (current) => {
      if (hasMandate || !card.mandateId || !fetchRecord) return;
      void fetchRecord(card.mandateId).then((r) => {
        if (current()) setFallbackMandate(r);
      });
    },
    [hasMandate, card.mandateId, fetchRecord],
  );

  // Fetched on first opening and kept: closing the list again does not cancel the replies.
  const recIds = card.recommendationIds;
  const [wanted, setWanted] = useState(open);
  useEffect(() => {
    if (open) setWanted(true);
  }, [open]);
  useRequestEffect(
    (current) => {
      if (!wanted || !fetchRecord || !recIds) return;
      for (const id of recIds)
        void fetchRecord(id).then((r) => {
          if (current()) setTexts((t) => ({ ...t, [id]: r }));
        });
    },
    [wanted, recIds, fetchRecord],
  );

  const m = mandate ?? fallbackMandate;
  const listId = recsListId(card.id);
  return (
    <div class="ml-section" role="group" aria-label={t('card_mandateGroup')} data-testid="ml-mandate">
      <h3 class="ml-h3">{t('card_mandate')}</h3>
      {m ? (
        <blockquote class="ml-excerpt">
          <p>{m.text}</p>
          <Cite x={m} location={location} />
        </blockquote>
      ) : (
        <p class="ml-muted">{t('card_mandateInSearch')}</p>
      )}
      {recs.length > 0 && open && (
        <ol class="ml-recs" id={listId} data-testid="ml-recs">
          {recs.map((id) => {
            const r = texts[id];
            return (
              <li key={id}>
                <span class="ml-rec-label">{r?.label ?? recordLabel(id)}</span>{' '}
                {r ? (
                  <span>
                    {r.text}
                    {r.cite && <cite>{r.cite}</cite>}
                  </span>
                ) : r === null || !fetchRecord ? (
                  <button
                    type="button"
                    class="ml-link"
                    onClick={() => onSearch(`${card.label} recommendation ${recordLabel(id)}`)}
                  >
                    {t('card_findInSearch')}
                  </button>
                ) : (
                  <span class="ml-muted">{t('card_loadingShort')}</span>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

export const recsListId = (cardId: string) => `ml-recs-${cardId}`;

/** The label of the recommendations disclosure button. */
export function recsToggleLabel(open: boolean, n: number): string {
  return tp(open ? 'card_recsHide' : 'card_recsShow', n);
}
