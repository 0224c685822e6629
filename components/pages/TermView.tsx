/**
 * Read-only term card for extension pages (side panel, popup term hits). The in-page card lives in
 * components/card (hover, pin, keyboard); this one adds the agency's mandate and recommendations
 * in full via the `record` message, and reports related-term clicks to the caller.
 */
import { useState } from 'preact/hooks';
import type { RecordReply, TermCard } from '@/lib/messaging/protocol';
import { categoryName } from '../categories';
import type { Send } from '@/lib/pages/api';
import { useRequestEffect, type Load } from './hooks';
import { RecordBody } from './Reader';
import { t } from '@/lib/i18n/t';

export function useTerm(send: Send, id: string | null): Load<TermCard | null> | null {
  const [state, setState] = useState<Load<TermCard | null> | null>(null);
  useRequestEffect(
    (current) => {
      if (!id) {
        setState(null);
        return;
      }
      setState({ status: 'loading' });
      void send({ type: 'lookup', termId: id }).then((r) => {
        if (current()) setState(r.ok ? { status: 'ready', data: r.data } : { status: 'error', error: r.error });
      });
    },
    [send, id],
  );
  return state;
}

function AgencyRecords({ send, card }: { send: Send; card: TermCard }) {
  const [recs, setRecs] = useState<{ mandate: RecordReply | null; recs: RecordReply[] } | null>(null);
  const { mandateId, recommendationIds } = card;
  useRequestEffect(
    (current) => {
      const get = (id: string) => send({ type: 'record', id }).then((r) => (r.ok ? r.data : null));
      void Promise.all([mandateId ? get(mandateId) : null, Promise.all((recommendationIds ?? []).map(get))]).then(
        ([mandate, list]) => {
          if (current()) setRecs({ mandate, recs: list.filter((x): x is RecordReply => !!x) });
        },
      );
    },
    [send, mandateId, recommendationIds],
  );
  if (!recs) return <p class="ml-muted">{t('term_loadingAgency')}</p>;
  return (
    <>
      {recs.mandate && (
        <>
          <h3>{t('card_mandate')}</h3>
          <RecordBody data={recs.mandate} />
        </>
      )}
      {recs.recs.length > 0 && (
        <>
          <h3>{t('term_recs', recs.recs.length)}</h3>
          <ul class="ml-results">
            {recs.recs.map((r) => (
              <li key={r.record.id}>
                <strong>{r.record.citation.label ?? ''}</strong> {r.record.text}
                <cite class="ml-cite">{r.cite}</cite>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export function TermView({
  send,
  card,
  onRelated,
}: {
  send: Send;
  card: TermCard;
  onRelated?(id: string, label: string): void;
}) {
  const hasAgency = !!card.mandateId || !!card.recommendationIds?.length;
  return (
    <article class="ml-box" data-testid="ml-term" aria-labelledby={`ml-term-${card.id}`}>
      <h2 id={`ml-term-${card.id}`}>
        {card.label}
        {card.custom && <span class="ml-kind">{t('card_custom')}</span>}
        <span class="ml-kind">{categoryName(card.category)}</span>
      </h2>
      {card.expansion && (
        <p>
          <strong>{card.expansion}</strong>
        </p>
      )}
      <p>{card.summary}</p>
      {card.excerpts.map((x, i) => (
        <blockquote key={i}>
          {x.text}
          <cite class="ml-cite" title={x.citeTitle}>
            {x.cite}
          </cite>
        </blockquote>
      ))}
      {card.excerpts.length === 0 && card.noExcerpt && <p class="ml-muted">{card.noExcerpt}</p>}
      {hasAgency && <AgencyRecords send={send} card={card} />}
      {card.related.length > 0 && (
        <>
          <h3>{t('card_related')}</h3>
          <ul class="ml-row ml-plain">
            {card.related.map((r) => (
              <li key={r.id}>
                {onRelated ? (
                  <button type="button" class="ml-link" onClick={() => onRelated(r.id, r.label)}>
                    {r.label}
                  </button>
                ) : (
                  r.label
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
