/** Full text of one KB record with its citation (reader view). */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RecordReply } from '@/lib/messaging/protocol';
import type { Send } from '@/lib/pages/api';
import { useRequestEffect, type Load } from './hooks';
import { t } from '@/lib/i18n/t';

export function useRecord(send: Send, id: string | null): Load<RecordReply | null> | null {
  const [state, setState] = useState<Load<RecordReply | null> | null>(null);
  useRequestEffect(
    (current) => {
      if (!id) {
        setState(null);
        return;
      }
      setState({ status: 'loading' });
      void send({ type: 'record', id }).then((r) => {
        if (current()) setState(r.ok ? { status: 'ready', data: r.data } : { status: 'error', error: r.error });
      });
    },
    [send, id],
  );
  return state;
}

export function RecordBody({ data }: { data: RecordReply }) {
  const r = data.record;
  return (
    <>
      {r.context && <p class="ml-muted">{r.context}</p>}
      <blockquote>
        <p>{r.text}</p>
        {r.subItems && r.subItems.length > 0 && (
          <ul>
            {r.subItems.map((s) => (
              <li key={s.label}>
                <strong>{s.label}</strong> {s.text}
              </li>
            ))}
          </ul>
        )}
        <cite class="ml-cite">{data.cite}</cite>
      </blockquote>
      {r.footnotes && r.footnotes.length > 0 && (
        <details>
          <summary>{t('record_footnotes', r.footnotes.length)}</summary>
          <ol class="ml-list">
            {r.footnotes.map((f, i) => (
              <li key={i}>
                <span>
                  {f.marker ? `${f.marker}. ` : ''}
                  {f.text}
                </span>
              </li>
            ))}
          </ol>
        </details>
      )}
      <p class="ml-muted">{t('record_source', data.docTitle)}</p>
    </>
  );
}

export function Reader({ send, id, onBack }: { send: Send; id: string; onBack(): void }) {
  const state = useRecord(send, id);
  const heading = useRef<HTMLHeadingElement>(null);
  // Move focus into the view so keyboard and screen-reader users land on the new content.
  useEffect(() => {
    heading.current?.focus();
  }, [state?.status]);
  return (
    <section class="ml-reader" data-testid="ml-reader" aria-live="polite">
      <button type="button" onClick={onBack}>
        {t('search_back')}
      </button>
      {(!state || state.status === 'loading') && <p class="ml-muted">{t('record_loading')}</p>}
      {state?.status === 'error' && (
        <p class="ml-error" role="alert">
          {t('record_error', state.error)}
        </p>
      )}
      {state?.status === 'ready' && !state.data && (
        <p class="ml-error" role="alert">
          {t('record_missing', id)}
        </p>
      )}
      {state?.status === 'ready' && state.data && (
        <>
          <h2 tabIndex={-1} ref={heading}>
            {state.data.title}
          </h2>
          <RecordBody data={state.data} />
        </>
      )}
    </section>
  );
}
