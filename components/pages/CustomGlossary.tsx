/**
 * Custom glossary: import a JSON or CSV file, export, delete. A rejected file changes nothing (the
 * background validates everything before writing); the UI lists every problem and says so.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { CustomFormat, CustomSummary } from '@/lib/messaging/protocol';
import { categoryName } from '../categories';
import type { PagesApi } from '@/lib/pages/api';
import { t, tp } from '@/lib/i18n/t';

type Outcome = { ok: true; text: string } | { ok: false; title: string; problems: string[]; kept: number | null };

/** "import failed, nothing was changed:\n<problem>\n<problem>" → heading + list. */
export function splitImportError(error: string): { title: string; problems: string[] } {
  const [first = '', ...rest] = error.split('\n');
  return { title: first.replace(/:$/, ''), problems: rest.filter((l) => l.trim()) };
}

export function CustomGlossary({ api }: { api: PagesApi }) {
  const [list, setList] = useState<CustomSummary[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    const r = await api.send({ type: 'customList' });
    if (r.ok) {
      setList(r.data);
      setListError(null);
    } else setListError(r.error);
    return r.ok ? r.data.length : null;
  }, [api]);
  useEffect(() => {
    void reload();
  }, [reload]);

  async function onFile(e: Event) {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    try {
      const text = await file.text();
      const r = await api.send({ type: 'customImport', text, filename: file.name });
      if (r.ok)
        setOutcome({
          ok: true,
          text: [
            t('custom_imported', file.name, r.data.added, r.data.updated, r.data.total),
            ...(r.data.persisted ? [] : [t('custom_notPersisted')]),
          ].join(' '),
        });
      else {
        const kept = await reload();
        setOutcome({ ok: false, ...splitImportError(r.error), kept });
      }
      if (r.ok) await reload();
    } finally {
      setBusy(false);
      input.value = ''; // choosing the same (fixed) file again must fire change
    }
  }

  async function exportAs(format: CustomFormat) {
    const r = await api.send({ type: 'customExport', format });
    if (!r.ok) {
      setOutcome({ ok: false, title: t('custom_exportFailed', r.error), problems: [], kept: null });
      return;
    }
    api.download(`migration-lens-custom.${format}`, r.data.text, format === 'json' ? 'application/json' : 'text/csv');
    setOutcome({ ok: true, text: t('custom_exported', r.data.count, format.toUpperCase()) });
  }

  async function remove(e: CustomSummary) {
    const r = await api.send({ type: 'customDelete', ids: [e.id] });
    setOutcome(
      r.ok ? { ok: true, text: t('custom_deleted', e.label) } : { ok: false, title: r.error, problems: [], kept: null },
    );
    await reload();
  }

  return (
    <section aria-labelledby="ml-custom-h" data-testid="ml-custom">
      <h2 id="ml-custom-h">{t('custom_heading')}</h2>
      <p class="ml-muted">{t('custom_help')}</p>
      <div class="ml-row">
        <label for="ml-import">{t('custom_importLabel')}</label>
        <input
          id="ml-import"
          type="file"
          accept=".json,.csv,application/json,text/csv"
          disabled={busy}
          onChange={onFile}
        />
      </div>
      <div role="status" aria-live="polite" data-testid="ml-import-result">
        {outcome?.ok && <p>{outcome.text}</p>}
        {outcome && !outcome.ok && (
          <div class="ml-box">
            <p class="ml-error">
              <strong>{outcome.title}</strong>
            </p>
            {outcome.problems.length > 0 && (
              <ul class="ml-errors">
                {outcome.problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            )}
            {outcome.kept !== null && <p>{tp('custom_kept', outcome.kept)}</p>}
          </div>
        )}
      </div>
      {listError && (
        <p class="ml-error" role="alert">
          {t('custom_listError', listError)}
        </p>
      )}
      {list && list.length === 0 && <p class="ml-muted">{t('custom_none')}</p>}
      {list && list.length > 0 && (
        <ul class="ml-list" data-testid="ml-custom-list">
          {list.map((e) => (
            <li key={e.id}>
              <span>
                <strong>{e.label}</strong>
                {e.expansion ? ` — ${e.expansion}` : ''} <span class="ml-kind">{categoryName(e.category)}</span>
              </span>
              <button type="button" aria-label={t('custom_deleteLabel', e.label)} onClick={() => void remove(e)}>
                {t('custom_delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="ml-row">
        <button type="button" disabled={!list?.length} onClick={() => void exportAs('json')}>
          {t('custom_exportJson')}
        </button>
        <button type="button" disabled={!list?.length} onClick={() => void exportAs('csv')}>
          {t('custom_exportCsv')}
        </button>
      </div>
    </section>
  );
}
