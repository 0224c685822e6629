/**
 * Search over mandates, recommendations, passages and glossary terms: auto-suggest, filters,
 * results with emphasised snippets and citations, and a reader view (records) or term card (terms).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FacetsReply, SearchFilters, SearchHit } from '@/lib/messaging/protocol';
import type { Send } from '@/lib/pages/api';
import { Filters } from './Filters';
import { useDebounced, useRequestEffect, type Load } from './hooks';
import { Marked } from './Marked';
import { Reader } from './Reader';
import { SuggestBox } from './SuggestBox';
import { TermView, useTerm } from './TermView';
import { t, tp } from '@/lib/i18n/t';
import { kindName } from './kinds';

export interface SearchViewProps {
  send: Send;
  initialQuery?: string;
  debounceMs?: number;
}

type Open = { kind: 'record' | 'term'; id: string } | null;
const isTerm = (h: SearchHit) => h.kind === 'term' || h.kind === 'custom';

function TermPane({
  send,
  id,
  onBack,
  onRelated,
}: {
  send: Send;
  id: string;
  onBack(): void;
  onRelated(id: string): void;
}) {
  const term = useTerm(send, id);
  return (
    <section data-testid="ml-reader">
      <button type="button" onClick={onBack}>
        {t('search_back')}
      </button>
      {(!term || term.status === 'loading') && <p class="ml-muted">{t('common_loading')}</p>}
      {term?.status === 'error' && (
        <p class="ml-error" role="alert">
          {t('common_termError', term.error)}
        </p>
      )}
      {term?.status === 'ready' &&
        (term.data ? (
          <TermView send={send} card={term.data} onRelated={onRelated} />
        ) : (
          <p class="ml-error" role="alert">
            {t('search_noEntry')}
          </p>
        ))}
    </section>
  );
}

export function SearchView({ send, initialQuery = '', debounceMs = 250 }: SearchViewProps) {
  const [query, setQuery] = useState(initialQuery);
  const [filters, setFilters] = useState<SearchFilters>({});
  const [facets, setFacets] = useState<FacetsReply | null>(null);
  const [res, setRes] = useState<Load<SearchHit[]> | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [now, setNow] = useState(0); // bumped by Enter: search at once, skipping the debounce
  const lastOpened = useRef<string | null>(null);
  const debounced = useDebounced(query, debounceMs);
  const q = now ? query : debounced;

  useRequestEffect(
    (current) => {
      void send({ type: 'facets' }).then((r) => current() && r.ok && setFacets(r.data));
    },
    [send],
  );

  useRequestEffect(
    (current) => {
      if (!q.trim()) {
        setRes(null);
        return;
      }
      setRes((prev) => (prev?.status === 'ready' ? prev : { status: 'loading' }));
      void send({ type: 'search', query: q, filters, limit: 30 }).then((r) => {
        if (current()) setRes(r.ok ? { status: 'ready', data: r.data } : { status: 'error', error: r.error });
      });
    },
    // `now` changes on Enter: the same query is asked again at once.
    [send, q, filters, now],
  );

  // Returning from the reader puts focus back on the result that was opened.
  useEffect(() => {
    if (open || !lastOpened.current) return;
    document.getElementById(`ml-hit-${lastOpened.current}`)?.focus();
  }, [open]);

  const openHit = (h: SearchHit) => {
    lastOpened.current = h.id;
    setOpen({ kind: isTerm(h) ? 'term' : 'record', id: h.id });
  };
  const back = () => setOpen(null);

  if (open?.kind === 'record') return <Reader send={send} id={open.id} onBack={back} />;
  if (open?.kind === 'term')
    return <TermPane send={send} id={open.id} onBack={back} onRelated={(id) => setOpen({ kind: 'term', id })} />;

  return (
    <div class="ml-search">
      <SuggestBox
        send={send}
        value={query}
        onInput={(v) => {
          setNow(0);
          setQuery(v);
        }}
        onSubmit={() => setNow((n) => n + 1)}
        onPick={openHit}
      />
      <Filters facets={facets} value={filters} onChange={(k, v) => setFilters((f) => ({ ...f, [k]: v }))} />
      <div aria-live="polite" class="ml-muted" data-testid="ml-result-count">
        {res?.status === 'loading' && t('common_searching')}
        {res?.status === 'ready' &&
          (res.data.length
            ? tp('search_results', res.data.length)
            : t(Object.values(filters).some(Boolean) ? 'search_noneFiltered' : 'search_none', q))}
      </div>
      {res?.status === 'error' && (
        <p class="ml-error" role="alert">
          {t('search_failed', res.error)}
        </p>
      )}
      <ul class="ml-results" data-testid="ml-results">
        {res?.status === 'ready' &&
          res.data.map((h) => (
            <li key={h.id}>
              <button type="button" class="ml-link" id={`ml-hit-${h.id}`} onClick={() => openHit(h)}>
                <strong>{h.title}</strong>
              </button>
              {isTerm(h) && <span class="ml-kind">{kindName(h.kind)}</span>}
              {h.section && <span class="ml-section">{h.section}</span>}
              {h.snippet && (
                <p class="ml-snippet">
                  <Marked text={h.snippet} marks={h.marks} />
                </p>
              )}
              <cite class="ml-cite">{h.cite}</cite>
            </li>
          ))}
      </ul>
    </div>
  );
}
