import { useState } from 'preact/hooks';
import type { CardExcerpt } from '@/lib/messaging/protocol';
import { t } from '@/lib/i18n/t';

/**
 * An excerpt's citation (short, with the full section path on hover) and what a reader does with it:
 * copy the full reference, open the source document. Every string comes formatted from the background.
 */
export function Cite({ x, location }: { x: Omit<CardExcerpt, 'text'>; location?: string | null }) {
  const [done, setDone] = useState('');
  // On a document the reader is reading (a PDF), the copied reference also says where the term sits in it.
  const copied = x.ref && location ? t('card_termOn', x.ref, location) : x.ref;
  return (
    <>
      <cite title={x.citeTitle}>{x.cite}</cite>
      {/* Pages served without TLS have no clipboard API: no button there rather than a dead one. */}
      {x.ref && navigator.clipboard && (
        <button
          type="button"
          class="ml-link"
          onClick={() =>
            navigator.clipboard.writeText(copied!).then(
              () => setDone(t('card_copied')),
              () => setDone(t('card_copyFailed')),
            )
          }
        >
          {done || t('card_copy')}
        </button>
      )}
      {x.url && (
        // noreferrer: the source's site need not learn which page the reader was on (implies noopener).
        <a class="ml-link" href={x.url} target="_blank" rel="noreferrer">
          {t('card_openSource')}
        </a>
      )}
    </>
  );
}
