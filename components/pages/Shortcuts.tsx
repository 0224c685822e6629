/** The keyboard shortcuts as the browser has them bound (PagesApi.shortcuts), or "not set". */
import { useEffect, useState } from 'preact/hooks';
import type { PagesApi } from '@/lib/pages/api';
import { t } from '@/lib/i18n/t';
import type { MessageKey } from '@/lib/i18n/keys';

const ROWS: Array<[string, MessageKey]> = [
  ['explain-selection', 'sc_explain'],
  ['next-term', 'sc_next'],
  ['previous-term', 'sc_prev'],
];

export function Shortcuts({ api }: { api: PagesApi }) {
  const [keys, setKeys] = useState<Record<string, string> | null>(null);
  useEffect(() => {
    let live = true;
    void api.shortcuts?.().then((k) => live && setKeys(k));
    return () => {
      live = false;
    };
  }, [api]);
  if (!keys) return null;
  return (
    <ul class="ml-shortcuts" data-testid="ml-shortcuts" aria-label={t('sc_group')}>
      {ROWS.map(([name, what]) => (
        <li key={name} data-command={name}>
          {t(what)}: {keys[name] ? <kbd>{keys[name]}</kbd> : <span>{t('sc_notSet')}</span>}
        </li>
      ))}
    </ul>
  );
}
