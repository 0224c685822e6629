import { useState } from 'preact/hooks';
import type { CardExcerpt } from '@/lib/messaging/protocol';

/**
 * An excerpt's citation (short, with the full section path on hover) and what a reader does with it:
 * copy the full reference, open the source document. Every string comes formatted from the background.
 */
export function Cite({ x }: { x: Omit<CardExcerpt, 'text'> }) {
  const [done, setDone] = useState('');
  return (
    <>
      <cite title={x.citeTitle}>{x.cite}</cite>
      {/* Pages served without TLS have no clipboard API: no button there rather than a dead one. */}
      {x.ref && navigator.clipboard && (
        <button
          type="button"
          class="ml-link"
          onClick={() =>
            navigator.clipboard.writeText(x.ref!).then(
              () => setDone('Copied'),
              () => setDone('Could not copy'),
            )
          }
        >
          {done || 'Copy citation'}
        </button>
      )}
      {x.url && (
        // noreferrer: the source's site need not learn which page the reader was on (implies noopener).
        <a class="ml-link" href={x.url} target="_blank" rel="noreferrer">
          Open source document ↗
        </a>
      )}
    </>
  );
}
