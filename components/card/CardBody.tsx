import type { TermCard } from '@/lib/messaging/protocol';

import { Cite } from './Cite';
import { useDisclosure } from './disclosure';
import { Mandate } from './Mandate';
import { RelatedList } from './RelatedList';
import type { CardActions, CardEnv } from './types';
import { t } from '@/lib/i18n/t';
import { categoryLabel } from './category';

/** How many excerpts show before "More excerpts" (the best one; for an agency its mandate). */
export const FIRST_EXCERPTS = 1;

/**
 * The content of a found entry. It opens compact — name, expansion, summary, the best excerpt with its
 * citation (an agency's mandate), a few related terms — and everything else sits behind disclosure
 * buttons (issue #16: the pinned IOM card was 1,169 px of content in a 480 px box). Every string is
 * rendered as text (never as HTML).
 */
export function CardBody({
  card,
  on,
  env,
  titleId,
  location,
  disclosed,
}: {
  card: TermCard;
  on: CardActions;
  env: CardEnv;
  titleId: string;
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
      {isAgency && (
        <Mandate
          card={card}
          fetchRecord={env.fetchRecord}
          onSearch={on.search}
          location={location}
          recsOpen={d.is(k('recs'))}
          onToggleRecs={() => d.toggle(k('recs'))}
        />
      )}
      {(shown.length > 0 || excerpts.length > first) && (
        <div class="ml-section" role="group" aria-label={t('card_excerpts')}>
          {isAgency && more && <h3 class="ml-h3">{t('card_inSources')}</h3>}
          <div id={listId}>
            {shown.map((x, i) => (
              <blockquote key={i} class="ml-excerpt" data-testid="ml-excerpt">
                <p>{x.text}</p>
                <Cite x={x} location={location} />
              </blockquote>
            ))}
          </div>
          {excerpts.length > first && (
            <button
              type="button"
              class="ml-btn ml-small ml-disclose"
              aria-expanded={more}
              aria-controls={listId}
              onClick={() => d.toggle(k('excerpts'))}
              data-testid="ml-more"
            >
              {more ? t('card_fewerExcerpts') : t('card_moreExcerpts', excerpts.length - first)}
            </button>
          )}
        </div>
      )}
      {excerpts.length === 0 && !isAgency && card.noExcerpt && <p class="ml-muted ml-noexcerpt">{card.noExcerpt}</p>}
      <RelatedList
        related={card.related}
        shown={card.relatedShown}
        onOpen={on.navigate}
        all={d.is(k('related'))}
        onToggleAll={() => d.toggle(k('related'))}
        listId={`ml-related-${card.id}`}
      />
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
