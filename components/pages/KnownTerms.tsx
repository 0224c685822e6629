/** Terms the reader marked "I know this term": remove one (it is underlined again) with Undo. */
import { useMemo, useState } from 'preact/hooks';
import type { SettingsOp } from '@/lib/settings/ops';
import type { Send } from '@/lib/pages/api';
import { useRequestEffect } from './hooks';
import { createLabelCache, type TermLabel } from '@/lib/pages/labels';
import { t } from '@/lib/i18n/t';

export function KnownTerms({
  send,
  known,
  change,
}: {
  send: Send;
  known: string[];
  change(op: SettingsOp): Promise<string | null>;
}) {
  const cache = useMemo(() => createLabelCache(send), [send]);
  const [labels, setLabels] = useState<Map<string, TermLabel>>(new Map());
  const [undo, setUndo] = useState<{ id: string; at: number } | null>(null);
  // Ids already cached cost no request, so a new settings object with the same list is cheap.
  useRequestEffect(
    (current) => {
      void cache.load(known).then((m) => current() && setLabels(m));
    },
    [cache, known],
  );

  const name = (id: string) => labels.get(id)?.label ?? cache.get(id)?.label ?? id;
  async function remove(id: string, at: number) {
    if (!(await change({ op: 'unknowTerm', termId: id }))) setUndo({ id, at });
  }
  async function restore() {
    if (!undo) return;
    if (!(await change({ op: 'knowTerm', termId: undo.id, at: undo.at }))) setUndo(null);
  }

  return (
    <section aria-labelledby="ml-known-h" data-testid="ml-known">
      <h2 id="ml-known-h">{t('known_heading')}</h2>
      <p class="ml-muted">{t('known_help')}</p>
      {known.length === 0 && <p class="ml-muted">{t('known_none')}</p>}
      <ul class="ml-list">
        {known.map((id, i) => (
          <li key={id}>
            <span>{name(id)}</span>
            <button type="button" aria-label={t('known_removeLabel', name(id))} onClick={() => void remove(id, i)}>
              {t('common_remove')}
            </button>
          </li>
        ))}
      </ul>
      <div role="status" aria-live="polite">
        {undo && (
          <p>
            {t('known_removed', name(undo.id))}{' '}
            <button type="button" onClick={() => void restore()}>
              {t('common_undo')}
            </button>
          </p>
        )}
      </div>
    </section>
  );
}
