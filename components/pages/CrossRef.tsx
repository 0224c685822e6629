/**
 * Cross-reference explorer: from a term (an instrument, say) to the recommendations that mention it,
 * to the agencies making them and on to their mandates, with the walked path as a breadcrumb so a
 * trainer can step back to any point.
 */
import { useState } from 'preact/hooks';
import type { SearchHit, TermCard } from '@/lib/messaging/protocol';
import type { Send } from '@/lib/pages/api';
import { useRequestEffect, type Load } from './hooks';
import { RecordBody, useRecord } from './Reader';
import { TermView, useTerm } from './TermView';
import { t } from '@/lib/i18n/t';
import { tNodes } from '@/lib/i18n/nodes';

export type Step = { kind: 'term' | 'record'; id: string; label: string };

/** Agency code from a hit title "ICAO · Recommendations (b)". */
export const agencyOf = (title: string) => (title.includes(' · ') ? title.split(' · ')[0] : null);

/** Recommendations mentioning the term's label or expansion (two searches merged, best first). */
export async function citingRecommendations(send: Send, card: TermCard): Promise<Load<SearchHit[]>> {
  const queries = [card.label, card.expansion].filter((q, i, a) => q && a.indexOf(q) === i);
  const replies = await Promise.all(
    queries.map((query) => send({ type: 'search', query, filters: { kind: 'recommendation' }, limit: 15 })),
  );
  const bad = replies.find((r) => !r.ok);
  if (bad && !bad.ok) return { status: 'error', error: bad.error };
  const seen = new Map<string, SearchHit>();
  for (const r of replies)
    if (r.ok) for (const h of r.data) if (!seen.has(h.id) || seen.get(h.id)!.score < h.score) seen.set(h.id, h);
  return { status: 'ready', data: [...seen.values()].sort((a, b) => b.score - a.score).slice(0, 15) };
}

/** Glossary id of an agency code, by an exact label match among term hits. */
async function termForAgency(send: Send, code: string): Promise<string | null> {
  const r = await send({ type: 'search', query: code, filters: { kind: 'term' }, limit: 10 });
  if (!r.ok) return null;
  const hit = r.data.find((h) => h.title === code || h.title.startsWith(`${code} — `));
  return hit?.id ?? null;
}

function Citing({ send, card, go }: { send: Send; card: TermCard; go(s: Step): void }) {
  const [state, setState] = useState<Load<SearchHit[]>>({ status: 'loading' });
  useRequestEffect(
    (current) => {
      setState({ status: 'loading' });
      void citingRecommendations(send, card).then((s) => current() && setState(s));
    },
    [send, card],
  );
  return (
    <section aria-labelledby="ml-citing">
      <h3 id="ml-citing">{t('xref_heading', card.label)}</h3>
      {state.status === 'loading' && <p class="ml-muted">{t('common_searching')}</p>}
      {state.status === 'error' && (
        <p class="ml-error" role="alert">
          {state.error}
        </p>
      )}
      {state.status === 'ready' && !state.data.length && <p class="ml-muted">{t('xref_none')}</p>}
      {state.status === 'ready' && state.data.length > 0 && (
        <ul class="ml-results" data-testid="ml-citing">
          {state.data.map((h) => {
            const agency = agencyOf(h.title);
            return (
              <li key={h.id}>
                <button type="button" class="ml-link" onClick={() => go({ kind: 'record', id: h.id, label: h.title })}>
                  {h.title}
                </button>
                {agency && <AgencyLink send={send} code={agency} go={go} />}
                <p class="ml-snippet">{h.snippet}</p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function AgencyLink({ send, code, go }: { send: Send; code: string; go(s: Step): void }) {
  const [missing, setMissing] = useState(false);
  const open = async () => {
    const id = await termForAgency(send, code);
    if (id) go({ kind: 'term', id, label: code });
    else setMissing(true);
  };
  return (
    <span>
      {' '}
      ·{' '}
      <button type="button" class="ml-link" onClick={open}>
        {t('xref_about', code)}
      </button>
      {missing && <span class="ml-muted"> {t('xref_noGlossary')}</span>}
    </span>
  );
}

function RecordStep({ send, id, go }: { send: Send; id: string; go(s: Step): void }) {
  const st = useRecord(send, id);
  if (!st || st.status === 'loading') return <p class="ml-muted">{t('common_loading')}</p>;
  if (st.status === 'error')
    return (
      <p class="ml-error" role="alert">
        {st.error}
      </p>
    );
  if (!st.data)
    return (
      <p class="ml-error" role="alert">
        {t('xref_recordMissing', id)}
      </p>
    );
  const agency = st.data.record.citation.agency;
  return (
    <section class="ml-box">
      <h2>{st.data.title}</h2>
      <RecordBody data={st.data} />
      {agency && <p>{tNodes('xref_madeBy', <AgencyLink send={send} code={agency} go={go} />)}</p>}
    </section>
  );
}

function TermStep({ send, id, go }: { send: Send; id: string; go(s: Step): void }) {
  const term = useTerm(send, id);
  if (!term || term.status === 'loading') return <p class="ml-muted">{t('common_loading')}</p>;
  if (term.status === 'error')
    return (
      <p class="ml-error" role="alert">
        {t('common_termError', term.error)}
      </p>
    );
  if (!term.data)
    return (
      <p class="ml-error" role="alert">
        {t('xref_noEntryFor', id)}
      </p>
    );
  const card = term.data;
  return (
    <>
      <TermView send={send} card={card} onRelated={(rid, label) => go({ kind: 'term', id: rid, label })} />
      <Citing send={send} card={card} go={go} />
    </>
  );
}

export function CrossRef({ send, path, onPath }: { send: Send; path: Step[]; onPath(p: Step[]): void }) {
  const cur = path[path.length - 1];
  if (!cur) return null;
  const go = (s: Step) => onPath([...path, s]);
  return (
    <div data-testid="ml-crossref">
      <nav class="ml-crumbs" aria-label={t('xref_path')}>
        <ol>
          {path.map((s, i) => (
            <li key={`${i}-${s.id}`}>
              {i === path.length - 1 ? (
                <span aria-current="location">{s.label}</span>
              ) : (
                <button type="button" class="ml-link" onClick={() => onPath(path.slice(0, i + 1))}>
                  {s.label}
                </button>
              )}
            </li>
          ))}
        </ol>
      </nav>
      {cur.kind === 'term' ? (
        <TermStep key={cur.id} send={send} id={cur.id} go={go} />
      ) : (
        <RecordStep key={cur.id} send={send} id={cur.id} go={go} />
      )}
    </div>
  );
}
