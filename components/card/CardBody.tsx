import { useState } from 'preact/hooks';
import type { TermCard } from '@/lib/messaging/protocol';

import { Cite } from './Cite';
import { Mandate } from './Mandate';
import { RelatedList } from './RelatedList';
import type { CardActions, CardEnv } from './types';

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
        <span class="ml-category">{card.categoryName ?? card.category}</span>
        {card.custom && (
          <span class="ml-badge" data-testid="ml-custom">
            Custom
          </span>
        )}
      </div>
      {card.expansion && card.expansion !== card.label && <p class="ml-expansion">{card.expansion}</p>}
      <p class="ml-summary">
        <span class="ml-kicker">
          {card.custom ? 'Your note' : 'Summary'}
          {card.asOf ? ` · as of ${card.asOf}` : ''}
        </span>{' '}
        {card.summary}
      </p>
      {isAgency && <Mandate card={card} fetchRecord={env.fetchRecord} onSearch={on.search} location={location} />}
      {shown.length > 0 && (
        <div class="ml-section" role="group" aria-label="Source excerpts">
          {isAgency && <h3 class="ml-h3">In the sources</h3>}
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
              {more ? 'Fewer excerpts' : `More excerpts (${excerpts.length - FIRST_EXCERPTS})`}
            </button>
          )}
        </div>
      )}
      {excerpts.length === 0 && !isAgency && card.noExcerpt && <p class="ml-muted ml-noexcerpt">{card.noExcerpt}</p>}
      <RelatedList related={card.related} shown={card.relatedShown} onOpen={on.navigate} />
      <div class="ml-actions">
        {card.officialUrl && /^https?:\/\//.test(card.officialUrl) && (
          <a class="ml-btn" href={card.officialUrl} target="_blank" rel="noopener noreferrer" data-testid="ml-official">
            {card.linkLabel ?? 'Official page ↗'}
          </a>
        )}
        <button type="button" class="ml-btn" onClick={() => on.search(card.label)} data-testid="ml-search">
          Search for this
        </button>
        <button type="button" class="ml-btn" onClick={() => on.know(card.id, card.label)} data-testid="ml-know">
          I know this term
        </button>
      </div>
    </>
  );
}
