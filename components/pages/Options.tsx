/** Options page: all settings (live save), custom glossary, known terms. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { SettingsOp } from '@/lib/settings/ops';
import type { Settings } from '@/lib/settings/schema';
import type { PagesApi } from '@/lib/pages/api';
import { CustomGlossary } from './CustomGlossary';
import { KnownTerms } from './KnownTerms';
import { SettingsForm } from './SettingsForm';
import { t } from '@/lib/i18n/t';

export function Options({ api, onSettings }: { api: PagesApi; onSettings?(s: Settings): void }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  const apply = useCallback(
    (s: Settings) => {
      setSettings(s);
      onSettings?.(s);
    },
    [onSettings],
  );
  useEffect(() => {
    void api.send({ type: 'settings', op: 'get' }).then((r) => (r.ok ? apply(r.data) : setLoadError(r.error)));
    return api.watchSettings(apply);
  }, [api, apply]);

  /** Sends one change to the background (the settings' only writer); returns the error text, or null when saved. */
  async function change(op: SettingsOp): Promise<string | null> {
    const r = await api.send({ type: 'settings', ...op });
    if (r.ok) {
      apply(r.data);
      setStatus({ ok: true, text: t('options_saved') });
      return null;
    }
    setStatus({ ok: false, text: t('options_notSaved', r.error) });
    return r.error;
  }

  return (
    <main class="ml-page" style={{ maxWidth: '760px' }}>
      <h1>{t('options_title')}</h1>
      {!settings && !loadError && <p class="ml-muted">{t('options_loading')}</p>}
      {loadError && (
        <p class="ml-error" role="alert">
          {t('options_loadError', loadError)}
        </p>
      )}
      <div
        role="status"
        aria-live="polite"
        data-testid="ml-save-status"
        class={status && !status.ok ? 'ml-error' : 'ml-muted'}
      >
        {status?.text ?? ''}
      </div>
      {settings && (
        <SettingsForm settings={settings} change={change} requestPdfAccess={api.pdf?.requestRedirectAccess} />
      )}
      {settings && <KnownTerms send={api.send} known={settings.knownTerms} change={change} />}
      <CustomGlossary api={api} />
    </main>
  );
}
