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
import { t as i18n, tp } from '@/lib/i18n/t';

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
      setJump({ id: t.id, text: i18n('panel_noAnswer') });
      return;
    }
    next.current.set(t.id, (r.index + 1) % Math.max(1, r.count));
    const text = r.page
      ? i18n('panel_showingPdf', r.index + 1, r.count, label, r.page)
      : i18n('panel_showing', r.index + 1, r.count, label);
    setJump({ id: t.id, text });
  }

  return (
    <main class="ml-page" data-testid="ml-sidepanel">
      <div class="ml-row" style={{ justifyContent: 'space-between' }}>
        <h1>{i18n('panel_heading')}</h1>
        <button
          type="button"
          onClick={() => {
            setJump(null);
            refresh();
          }}
        >
          {i18n('panel_refresh')}
        </button>
      </div>
      {state.status === 'loading' && <p class="ml-muted">{i18n('panel_reading')}</p>}
      {state.status === 'unavailable' && (
        <p class="ml-muted" data-testid="ml-unavailable">
          {i18n('panel_unavailable')}
        </p>
      )}
      {state.status === 'ready' && state.page.error && (
        <p class="ml-error" role="alert">
          {i18n('common_scanError', state.page.error)}
        </p>
      )}
      {state.status === 'ready' && !state.page.active && <p class="ml-muted">{i18n('panel_off')}</p>}
      {state.status === 'ready' && state.page.active && !terms.length && !state.page.error && (
        <p class="ml-muted">{i18n('common_noTerms')}</p>
      )}
      {terms.length > 0 && (
        <p class="ml-muted" data-testid="ml-total">
          {i18n('panel_total', terms.length, state.status === 'ready' ? state.page.total : 0)}
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
                  <span class="ml-count" aria-label={tp('common_occurrences', t.count)}>
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
