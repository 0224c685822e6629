import type { TermCard } from '@/lib/messaging/protocol';

import { Cite } from './Cite';
import { useDisclosure } from './disclosure';
import { Mandate } from './Mandate';
import { RelatedList } from './RelatedList';
import type { CardActions, CardEnv } from './types';

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
        <div class="ml-section" role="group" aria-label="Source excerpts">
          {isAgency && more && <h3 class="ml-h3">In the sources</h3>}
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
              {more ? 'Fewer excerpts' : `More excerpts (${excerpts.length - first})`}
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
