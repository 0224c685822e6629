import { useState } from 'preact/hooks';
import { useRequestEffect } from '../pages/hooks';
import type { TermCard } from '@/lib/messaging/protocol';
import { recordLabel, type RecordFetch, type RecordView } from '@/lib/content/record';
import { Cite } from './Cite';

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
  onToggleRecs,
}: {
  card: TermCard;
  fetchRecord?: RecordFetch;
  onSearch(q: string): void;
  location?: string | null;
  /** The recommendations list is open (the state lives with the card: ./disclosure.ts). */
  recsOpen: boolean;
  onToggleRecs(): void;
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
  const listId = `ml-recs-${card.id}`;
  return (
    <div class="ml-section" role="group" aria-label="Mandate and recommendations" data-testid="ml-mandate">
      <h3 class="ml-h3">Mandate</h3>
      {m ? (
        <blockquote class="ml-excerpt">
          <p>{m.text}</p>
          <Cite x={m} location={location} />
        </blockquote>
      ) : (
        <p class="ml-muted">The mandate text is in the search results.</p>
      )}
      {recs.length > 0 && (
        <>
          <button
            type="button"
            class="ml-btn ml-small ml-disclose"
            aria-expanded={open}
            aria-controls={listId}
            onClick={() => {
              onToggleRecs();
              setWanted(true);
            }}
          >
            {open ? 'Hide' : 'Show'} its {recs.length} recommendation{recs.length === 1 ? '' : 's'} (2013)
          </button>
          {open && (
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
                        Find in search
                      </button>
                    ) : (
                      <span class="ml-muted">Loading…</span>
                    )}
                  </li>
                );
              })}
            </ol>
          )}
        </>
      )}
    </div>
  );
}
