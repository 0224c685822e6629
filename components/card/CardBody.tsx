import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TermCard } from '@/lib/messaging/protocol';

import { Cite } from './Cite';
import { useDisclosure } from './disclosure';
import { DisclosureButton } from './DisclosureButton';
import { Mandate, recsListId, recsToggleLabel } from './Mandate';
import { RelatedList, relatedFirst } from './RelatedList';
import { CARD_STRINGS } from './strings';
import type { CardActions, CardEnv } from './types';
import { t } from '@/lib/i18n/t';

/** How many excerpts show before "More excerpts" (the best one; for an agency its mandate). */
export const FIRST_EXCERPTS = 1;

/**
 * The content of a found entry. It opens compact — expansion, summary, the best excerpt with its
 * citation (an agency's mandate), a few related terms; the name is in the card's toolbar (./Card.tsx)
 * — and everything else sits behind disclosure buttons, on one row after the related terms (issue
 * #16: the pinned IOM card was 1,169 px of content in a 480 px box, and still scrolled by ~100 px at
 * 200 % zoom with a title row and one row per button). Every string is rendered as text (never as HTML).
 */
export function CardBody({
  card,
  on,
  env,
  location,
  disclosed,
}: {
  card: TermCard;
  on: CardActions;
  env: CardEnv;
  /** Where the term sits in the document being read ("PDF p. 12"), added to copied citations. */
  location?: string | null;
  /** Disclosures open in this card so far, by `${card.id}:${section}` (kept by the controller). */
  disclosed?: Readonly<Record<string, boolean>>;
}) {
  const d = useDisclosure(disclosed, on.disclose);
  const k = (section: string) => `${card.id}:${section}`;
  const more = d.is(k('excerpts'));
  const local = card.local;
  const isAgency = !!card.mandateId;
  // The mandate excerpt is shown in its own section; don't repeat it among the excerpts.
  const excerpts = isAgency ? card.excerpts.filter((x) => x.recordId !== card.mandateId) : card.excerpts;
  // An agency's best excerpt is its mandate: the other excerpts all wait behind "More excerpts".
  const first = isAgency ? 0 : FIRST_EXCERPTS;
  const shown = more ? excerpts : excerpts.slice(0, first);
  const listId = `ml-excerpts-${card.id}`;
  const relatedId = `ml-related-${card.id}`;
  const relFirst = relatedFirst(card.relatedShown);
  const recs = isAgency ? (card.recommendationIds?.length ?? 0) : 0;
  const summaryId = `ml-summary-${card.id}`;
  const full = d.is(k('summary'));
  const summary = useRef<HTMLParagraphElement>(null);
  const clamped = useClamped(summary, full);
  return (
    <>
      {local?.expansion && (
        <p class="ml-expansion" lang={local.lang} data-testid="ml-local-expansion">
          {local.expansion}
        </p>
      )}
      {card.expansion && card.expansion !== card.label && (
        <p class={local?.expansion ? 'ml-expansion ml-secondary' : 'ml-expansion'} lang={local ? 'en' : undefined}>
          {card.expansion}
        </p>
      )}
      <p
        class="ml-summary"
        lang={local?.summary ? local.lang : local ? 'en' : undefined}
        data-testid="ml-summary"
        id={summaryId}
        ref={summary}
        data-clamp={full ? undefined : ''}
      >
        <span class="ml-kicker" lang={local ? t('lang') : undefined}>
          {summaryKicker(card)}
        </span>{' '}
        {local?.summary ?? card.summary}
      </p>
      {isAgency && (
        <Mandate
          card={card}
          fetchRecord={env.fetchRecord}
          onSearch={on.search}
          location={location}
          recsOpen={d.is(k('recs'))}
        />
      )}
      {(shown.length > 0 || excerpts.length > first) && (
        <div class="ml-section" role="group" aria-label={t('card_excerpts')} id={listId}>
          {isAgency && more && <h3 class="ml-h3">{t('card_inSources')}</h3>}
          {shown.map((x, i) => (
            <blockquote key={i} class="ml-excerpt" data-testid="ml-excerpt">
              <p>{x.text}</p>
              <Cite x={x} location={location} />
            </blockquote>
          ))}
        </div>
      )}
      {excerpts.length === 0 && !isAgency && card.noExcerpt && <p class="ml-muted ml-noexcerpt">{card.noExcerpt}</p>}
      <RelatedList
        related={card.related}
        shown={card.relatedShown}
        onOpen={on.navigate}
        all={d.is(k('related'))}
        listId={relatedId}
      />
      {(clamped || full || recs > 0 || excerpts.length > first || card.related.length > relFirst) && (
        <div class="ml-disclosures" data-testid="ml-disclosures">
          {(clamped || full) && (
            <DisclosureButton of={d} section={k('summary')} controls={summaryId} testId="ml-full-summary">
              {full ? CARD_STRINGS.lessSummary : CARD_STRINGS.moreSummary}
            </DisclosureButton>
          )}
          {recs > 0 && (
            <DisclosureButton of={d} section={k('recs')} controls={recsListId(card.id)} testId="ml-recs-toggle">
              {recsToggleLabel(d.is(k('recs')), recs)}
            </DisclosureButton>
          )}
          {excerpts.length > first && (
            <DisclosureButton of={d} section={k('excerpts')} controls={listId} testId="ml-more">
              {more ? t('card_fewerExcerpts') : t('card_moreExcerpts', excerpts.length - first)}
            </DisclosureButton>
          )}
          {card.related.length > relFirst && (
            <DisclosureButton of={d} section={k('related')} controls={relatedId} extraClass="ml-more-related">
              {d.is(k('related')) ? t('card_fewerRelated') : t('card_allRelated', card.related.length)}
            </DisclosureButton>
          )}
        </div>
      )}
      <div class="ml-actions">
        {card.officialUrl && /^https?:\/\//.test(card.officialUrl) && (
          <a class="ml-btn" href={card.officialUrl} target="_blank" rel="noopener noreferrer" data-testid="ml-official">
            {card.linkLabel ?? t('card_official')}
          </a>
        )}
        <button type="button" class="ml-btn" onClick={() => on.search(card.label)} data-testid="ml-search">
          {t('card_search')}
        </button>
        <button type="button" class="ml-btn" onClick={() => on.know(card.id, card.label)} data-testid="ml-know">
          {t('card_know')}
        </button>
      </div>
    </>
  );
}

/** "Summary · as of 2026", and "· in English" when the reader met the term in another language we have no summary in. */
export function summaryKicker(card: TermCard): string {
  const parts = [card.custom ? t('card_yourNote') : t('card_summary')];
  if (card.asOf) parts.push(t('card_asOf', card.asOf));
  if (card.local && !card.local.summary) parts.push(t('card_inEnglish'));
  return parts.join(' · ');
}

/**
 * Whether the summary is cut by its line clamp (only short viewports clamp it: ./styles.ts), measured
 * whenever its box changes, so the "Full summary" button shows only when there is more to read.
 */
function useClamped(ref: { readonly current: HTMLElement | null }, open: boolean): boolean {
  const [cut, setCut] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setCut(!open && el.scrollHeight > el.clientHeight + 1);
    check();
    // The clamp comes and goes with the viewport's height (zoom, resize): the paragraph's box follows.
    const ro = typeof ResizeObserver === 'function' ? new ResizeObserver(check) : null;
    ro?.observe(el);
    return () => ro?.disconnect();
  }, [ref, open]);
  return cut;
}
