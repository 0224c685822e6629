/** Toolbar popup: search, the per-site switch, what was found on the current tab, demo link. */
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/lib/settings/schema';
import type { PagesApi } from '@/lib/pages/api';
import { SearchView } from './SearchView';
import { isActiveOn, siteOf } from '@/lib/settings/schema';
import { usePage, type PageState } from './usePage';
import { PdfOffer } from './PdfOffer';
import { t, tp } from '@/lib/i18n/t';
import { tNodes } from '@/lib/i18n/nodes';
import { Shortcuts } from './Shortcuts';

function SiteSwitch({ api, page }: { api: PagesApi; page: PageState }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.send({ type: 'settings', op: 'get' }).then((r) => (r.ok ? setSettings(r.data) : setError(r.error)));
    return api.watchSettings(setSettings);
  }, [api]);
  if (page.status === 'loading') return null;
  const host = page.status === 'ready' ? siteOf(page.page.url) : null;
  if (page.status !== 'ready')
    return (
      <p class="ml-muted" data-testid="ml-site">
        {t('popup_unavailable')}
      </p>
    );
  // Extension pages (the demo) run the scanner too, but have no site to switch off.
  if (!host)
    return (
      <p class="ml-muted" data-testid="ml-site">
        {t('popup_noSwitch')}
      </p>
    );
  if (!settings)
    return error ? (
      <p class="ml-error" role="alert">
        {t('popup_settingsUnavailable', error)}
      </p>
    ) : null;
  const on = isActiveOn(settings, host);
  async function toggle() {
    const r = await api.send({ type: 'settings', op: 'setSite', host: host!, on: !on });
    if (r.ok) {
      setSettings(r.data);
      setError(null);
    } else setError(r.error);
  }
  return (
    <div data-testid="ml-site">
      <label class="ml-switch">
        <input type="checkbox" role="switch" checked={on} disabled={!settings.enabled} onChange={toggle} />
        <span>{tNodes('popup_highlightOn', <strong>{host}</strong>)}</span>
      </label>
      {!settings.enabled && <p class="ml-muted">{t('popup_offEverywhere')}</p>}
      {error && (
        <p class="ml-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function PageSummary({ page }: { page: PageState }) {
  if (page.status !== 'ready') return null;
  const p = page.page;
  if (p.error) return <p class="ml-error">{t('common_scanError', p.error)}</p>;
  if (!p.active)
    return (
      <p class="ml-muted" data-testid="ml-page-count">
        {t('popup_switchedOff')}
      </p>
    );
  return (
    <p data-testid="ml-page-count">
      {p.terms.length ? tp('popup_termsFound', p.terms.length, tp('common_occurrences', p.total)) : t('common_noTerms')}
    </p>
  );
}

export function Popup({ api, initialQuery }: { api: PagesApi; initialQuery?: string }) {
  const { state } = usePage(api.tabs);
  return (
    <main class="ml-page ml-popup">
      <h1>{t('extName')}</h1>
      <SiteSwitch api={api} page={state} />
      <PdfOffer api={api} page={state} />
      <PageSummary page={state} />
      <SearchView send={api.send} initialQuery={initialQuery} />
      <Shortcuts api={api} />
      <p class="ml-row">
        {api.openSidePanel && state.status === 'ready' && (
          <button type="button" class="ml-link" onClick={() => api.openSidePanel!(state.tabId)}>
            {t('popup_sidePanel')}
          </button>
        )}
        <button type="button" class="ml-link" onClick={() => api.openDemo()}>
          {t('popup_demo')}
        </button>
      </p>
    </main>
  );
}
