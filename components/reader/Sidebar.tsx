/** The reader's sidebar: the document's own outline (its bookmarks), each entry a jump to its place. */
import type { OutlineNode } from '@/lib/reader/pdf';
import { t } from '@/lib/i18n/t';

function Outline({ items, go }: { items: OutlineNode[]; go(dest: unknown): void }) {
  return (
    <ul>
      {items.map((o, i) => (
        <li key={i}>
          <button type="button" class="ml-link" onClick={() => go(o.dest)}>
            {o.title}
          </button>
          {o.items.length > 0 && <Outline items={o.items} go={go} />}
        </li>
      ))}
    </ul>
  );
}

export function OutlineSidebar({ outline, go }: { outline: OutlineNode[]; go(dest: unknown): void }) {
  return (
    <nav id="rd-side" class="rd-side" aria-label={t('rd_outline')} data-testid="ml-reader-outline">
      <h2>{t('rd_outline')}</h2>
      {outline.length ? <Outline items={outline} go={go} /> : <p class="ml-muted">{t('rd_noOutline')}</p>}
    </nav>
  );
}
