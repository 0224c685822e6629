/**
 * Side panel: every term found on the current tab, grouped by category with counts. Clicking a
 * term scrolls the page to its next occurrence (jumpTo) and opens its card and the
 * cross-reference explorer below.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { CATEGORIES } from '@/lib/glossary/types';
import type { PageTermCount } from '@/lib/messaging/page-protocol';
import { categoryGroupName } from '../categories';
import type { PagesApi } from '@/lib/pages/api';
import { CrossRef, type Step } from './CrossRef';
import { useRequestEffect } from './hooks';
import { createLabelCache, type TermLabel } from '@/lib/pages/labels';
import { usePage } from './usePage';

export function groupTerms(terms: PageTermCount[]): [string, PageTermCount[]][] {
  const groups = new Map<string, PageTermCount[]>();
  for (const t of terms) groups.set(t.category, [...(groups.get(t.category) ?? []), t]);
  const order = (c: string) => {
    const i = (CATEGORIES as readonly string[]).indexOf(c);
    return i < 0 ? 99 : i;
  };
  return [...groups]
    .sort((a, b) => order(a[0]) - order(b[0]))
    .map(([c, ts]) => [c, ts.sort((x, y) => y.count - x.count || x.id.localeCompare(y.id))]);
}

export function SidePanel({ api }: { api: PagesApi }) {
  const { state, refresh } = usePage(api.tabs);
  const cache = useMemo(() => createLabelCache(api.send), [api.send]);
  const [labels, setLabels] = useState<Map<string, TermLabel>>(new Map());
  const [path, setPath] = useState<Step[]>([]);
  const [jump, setJump] = useState<{ id: string; text: string } | null>(null);
  const next = useRef(new Map<string, number>());

  const terms = state.status === 'ready' ? state.page.terms : [];
  // The list of ids, as one string: a refreshed page reply with the same terms is no change.
  const idList = terms.map((t) => t.id).join('\n');
  useRequestEffect(
    (current) => {
      next.current.clear();
      const ids = idList ? idList.split('\n') : [];
      void cache.load(ids).then((m) => current() && setLabels(m));
    },
    [cache, idList],
  );

  async function select(t: PageTermCount) {
    const label = labels.get(t.id)?.label ?? t.id;
    setPath([{ kind: 'term', id: t.id, label }]);
    if (state.status !== 'ready') return;
    const index = next.current.get(t.id) ?? 0;
    // The jump opens the term's card too, so keyboard readers land on the explanation (issue #16).
    const r = await api.tabs.send(state.tabId, { type: 'jumpTo', termId: t.id, index, open: true });
    if (!r) {
      setJump({ id: t.id, text: 'The page did not answer; reload it and press Refresh.' });
      return;
    }
    next.current.set(t.id, (r.index + 1) % Math.max(1, r.count));
    const where = r.page ? ` in the document, on PDF page ${r.page}` : ' on the page';
    setJump({ id: t.id, text: `Showing occurrence ${r.index + 1} of ${r.count} of ${label}${where}.` });
  }

  return (
    <main class="ml-page" data-testid="ml-sidepanel">
      <div class="ml-row" style={{ justifyContent: 'space-between' }}>
        <h1>On this page</h1>
        <button
          type="button"
          onClick={() => {
            setJump(null);
            refresh();
          }}
        >
          Refresh
        </button>
      </div>
      {state.status === 'loading' && <p class="ml-muted">Reading the current tab…</p>}
      {state.status === 'unavailable' && (
        <p class="ml-muted" data-testid="ml-unavailable">
          Migration Lens is not available on this page (browser pages, the extension store and some viewers cannot be
          read).
        </p>
      )}
      {state.status === 'ready' && state.page.error && (
        <p class="ml-error" role="alert">
          This page could not be scanned: {state.page.error}
        </p>
      )}
      {state.status === 'ready' && !state.page.active && (
        <p class="ml-muted">Migration Lens is switched off on this site.</p>
      )}
      {state.status === 'ready' && state.page.active && !terms.length && !state.page.error && (
        <p class="ml-muted">No terms found on this page.</p>
      )}
      {terms.length > 0 && (
        <p class="ml-muted" data-testid="ml-total">
          {terms.length} terms, {state.status === 'ready' ? state.page.total : 0} occurrences. Select a term to jump to
          it.
        </p>
      )}
      {groupTerms(terms).map(([cat, ts]) => (
        <section key={cat} aria-labelledby={`ml-cat-${cat}`}>
          <h2 id={`ml-cat-${cat}`}>{categoryGroupName(cat)}</h2>
          <ul class="ml-terms" data-testid="ml-term-list">
            {ts.map((t) => {
              const l = labels.get(t.id);
              return (
                <li key={t.id}>
                  <button
                    type="button"
                    class="ml-link"
                    aria-pressed={path[0]?.id === t.id}
                    onClick={() => void select(t)}
                    title={l?.expansion || undefined}
                  >
                    {l?.label ?? t.id}
                  </button>
                  <span class="ml-count" aria-label={`${t.count} occurrences`}>
                    {t.count}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      <p role="status" class="ml-muted" data-testid="ml-jump">
        {jump?.text ?? ''}
      </p>
      <CrossRef send={api.send} path={path} onPath={setPath} />
    </main>
  );
}
