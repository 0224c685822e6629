import { useState } from 'preact/hooks';
import type { TermCard } from '@/lib/messaging/protocol';

import { Cite } from './Cite';
import { Mandate } from './Mandate';
import { RelatedList } from './RelatedList';
import type { CardActions, CardEnv } from './types';
import { t } from '@/lib/i18n/t';
import { categoryLabel } from './category';

/** How many excerpts show before "More excerpts". */
export const FIRST_EXCERPTS = 1;

/** The content of a found entry. Every string is rendered as text (never as HTML). */
export function CardBody({
  card,
  on,
  env,
  titleId,
  location,
}: {
  card: TermCard;
  on: CardActions;
  env: CardEnv;
  titleId: string;
  /** Where the term sits in the document being read ("PDF p. 12"), added to copied citations. */
  location?: string | null;
}) {
  const [more, setMore] = useState(false);
  const local = card.local;
  const isAgency = !!card.mandateId;
  // The mandate excerpt is shown in its own section; don't repeat it among the excerpts.
  const excerpts = isAgency ? card.excerpts.filter((x) => x.recordId !== card.mandateId) : card.excerpts;
  const shown = more ? excerpts : excerpts.slice(0, FIRST_EXCERPTS);
  return (
    <>
      <div class="ml-head">
        <h2 class="ml-label" id={titleId}>
          {card.label}
        </h2>
        {local?.label && local.label !== card.label && (
          <span class="ml-local" lang={local.lang} data-testid="ml-local-label">
            {local.label}
          </span>
        )}
        <span class="ml-category">{categoryLabel(card)}</span>
        {card.custom && (
          <span class="ml-badge" data-testid="ml-custom">
            {t('card_custom')}
          </span>
        )}
      </div>
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
      <p class="ml-summary" lang={local?.summary ? local.lang : local ? 'en' : undefined} data-testid="ml-summary">
        <span class="ml-kicker" lang={local ? t('lang') : undefined}>
          {summaryKicker(card)}
        </span>{' '}
        {local?.summary ?? card.summary}
      </p>
      {isAgency && <Mandate card={card} fetchRecord={env.fetchRecord} onSearch={on.search} location={location} />}
      {shown.length > 0 && (
        <div class="ml-section" role="group" aria-label={t('card_excerpts')}>
          {isAgency && <h3 class="ml-h3">{t('card_inSources')}</h3>}
          {shown.map((x, i) => (
            <blockquote key={i} class="ml-excerpt" data-testid="ml-excerpt">
              <p>{x.text}</p>
              <Cite x={x} location={location} />
            </blockquote>
          ))}
          {excerpts.length > FIRST_EXCERPTS && (
            <button
              type="button"
              class="ml-btn ml-small"
              aria-expanded={more}
              onClick={() => setMore(!more)}
              data-testid="ml-more"
            >
              {more ? t('card_fewerExcerpts') : t('card_moreExcerpts', excerpts.length - FIRST_EXCERPTS)}
            </button>
          )}
        </div>
      )}
      {excerpts.length === 0 && !isAgency && card.noExcerpt && <p class="ml-muted ml-noexcerpt">{card.noExcerpt}</p>}
      <RelatedList related={card.related} shown={card.relatedShown} onOpen={on.navigate} />
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
