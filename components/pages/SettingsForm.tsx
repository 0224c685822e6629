/** Every setting, saved live on change; the background validates and its error is shown in place. */
import { useState } from 'preact/hooks';
import { CATEGORIES } from '@/lib/glossary/types';
import type { ScalarPatch, SettingsOp } from '@/lib/settings/ops';
import { HOVER_DELAY, type Settings } from '@/lib/settings/schema';
import { categoryGroupName } from '../categories';
import { SiteList } from './SiteList';
import { t } from '@/lib/i18n/t';
import { LanguageField } from './LanguageField';

export function SettingsForm({
  settings,
  change,
  requestPdfAccess,
}: {
  settings: Settings;
  change(op: SettingsOp): Promise<string | null>;
  /** Asks for the host access the PDF redirect needs; absent where the host has no reader. */
  requestPdfAccess?: () => Promise<boolean>;
}) {
  const save = (patch: ScalarPatch) => change({ op: 'patch', patch });
  const [delay, setDelay] = useState(String(settings.hoverDelayMs));
  const [delayError, setDelayError] = useState<string | null>(null);
  const [pdfError, setPdfError] = useState<string | null>(null);
  const s = settings;

  function onDelay(v: string) {
    setDelay(v);
    const n = Number(v);
    // Validate here so the user sees why nothing was saved (the schema would silently clamp).
    if (v.trim() === '' || !Number.isInteger(n) || n < HOVER_DELAY.min || n > HOVER_DELAY.max) {
      setDelayError(t('set_delayError', HOVER_DELAY.min, HOVER_DELAY.max));
      return;
    }
    setDelayError(null);
    void save({ hoverDelayMs: n });
  }

  function onPdfLinks(box: HTMLInputElement) {
    setPdfError(null);
    if (!box.checked) return void save({ openPdfLinksInReader: false });
    // Asked inside the click: the browser accepts a permission request only during the user's action.
    void requestPdfAccess!().then((granted) => {
      if (granted) return void save({ openPdfLinksInReader: true });
      box.checked = false; // the stored value did not change, so nothing re-renders the box
      setPdfError(t('set_pdfDenied'));
    });
  }

  return (
    <div data-testid="ml-settings">
      <h2>{t('set_heading')}</h2>
      <LanguageField value={s.language} onChange={(language) => void save({ language })} />
      <fieldset>
        <legend>{t('set_general')}</legend>
        <label class="ml-switch">
          <input
            type="checkbox"
            checked={s.enabled}
            onChange={(e) => void save({ enabled: (e.target as HTMLInputElement).checked })}
          />{' '}
          {t('set_enabled')}
        </label>
        <label class="ml-switch">
          <input
            type="checkbox"
            checked={s.trainerMode}
            onChange={(e) => void save({ trainerMode: (e.target as HTMLInputElement).checked })}
          />{' '}
          {t('set_trainer')}
        </label>
        <div class="ml-field">
          <label for="ml-delay">{t('set_delay')}</label>
          <input
            id="ml-delay"
            type="number"
            min={HOVER_DELAY.min}
            max={HOVER_DELAY.max}
            step={50}
            value={delay}
            aria-invalid={!!delayError}
            aria-describedby={delayError ? 'ml-delay-err' : undefined}
            onInput={(e) => onDelay((e.target as HTMLInputElement).value)}
          />
          {delayError && (
            <p id="ml-delay-err" class="ml-error" role="alert">
              {delayError}
            </p>
          )}
        </div>
      </fieldset>
      {requestPdfAccess && (
        <fieldset>
          <legend>{t('set_pdf')}</legend>
          <label class="ml-switch">
            <input
              type="checkbox"
              data-testid="ml-pdf-links"
              checked={s.openPdfLinksInReader}
              aria-describedby="ml-pdf-links-help"
              onChange={(e) => onPdfLinks(e.target as HTMLInputElement)}
            />{' '}
            {t('set_pdfLinks')}
          </label>
          <p id="ml-pdf-links-help" class="ml-muted">
            {t('set_pdfHelp')}
          </p>
          {pdfError && (
            <p class="ml-error" role="alert">
              {pdfError}
            </p>
          )}
        </fieldset>
      )}
      <fieldset>
        <legend>{t('set_appearance')}</legend>
        <div class="ml-row">
          <div class="ml-field">
            <label for="ml-theme">{t('set_theme')}</label>
            <select
              id="ml-theme"
              value={s.theme}
              onChange={(e) => void save({ theme: (e.target as HTMLSelectElement).value as Settings['theme'] })}
            >
              <option value="auto">{t('set_themeAuto')}</option>
              <option value="light">{t('set_themeLight')}</option>
              <option value="dark">{t('set_themeDark')}</option>
            </select>
          </div>
          <div class="ml-field">
            <label for="ml-size">{t('set_size')}</label>
            <select
              id="ml-size"
              value={s.textSize}
              onChange={(e) => void save({ textSize: (e.target as HTMLSelectElement).value as Settings['textSize'] })}
            >
              <option value="normal">{t('set_sizeNormal')}</option>
              <option value="large">{t('set_sizeLarge')}</option>
              <option value="x-large">{t('set_sizeXLarge')}</option>
            </select>
          </div>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('set_categories')}</legend>
        {CATEGORIES.map((c) => (
          <div key={c} class="ml-field">
            <label for={`ml-cat-${c}`}>{categoryGroupName(c)}</label>
            <select
              id={`ml-cat-${c}`}
              value={s.categories[c]}
              onChange={(e) =>
                void save({
                  categories: { [c]: (e.target as HTMLSelectElement).value } as Partial<Settings['categories']>,
                } as ScalarPatch)
              }
            >
              <option value="every">{t('set_modeEvery')}</option>
              <option value="first">{t('set_modeFirst')}</option>
              <option value="off">{t('set_modeOff')}</option>
            </select>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('set_sites')}</legend>
        <label class="ml-switch">
          <input
            type="radio"
            name="ml-mode"
            checked={s.siteMode === 'all'}
            onChange={() => void save({ siteMode: 'all' })}
          />{' '}
          {t('set_modeAll')}
        </label>
        <label class="ml-switch">
          <input
            type="radio"
            name="ml-mode"
            checked={s.siteMode === 'allow-list'}
            onChange={() => void save({ siteMode: 'allow-list' })}
          />{' '}
          {t('set_modeAllow')}
        </label>
        <SiteList
          id="ml-disabled"
          label={t('set_disabledSites')}
          sites={s.disabledSites}
          onChange={(site, add) => void change({ op: 'siteList', list: 'disabledSites', site, add })}
        />
        {s.siteMode === 'allow-list' && (
          <SiteList
            id="ml-allowed"
            label={t('set_allowedSites')}
            sites={s.allowedSites}
            onChange={(site, add) => void change({ op: 'siteList', list: 'allowedSites', site, add })}
          />
        )}
      </fieldset>
    </div>
  );
}
