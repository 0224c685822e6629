/** Every setting, saved live on change; the background validates and its error is shown in place. */
import { useState } from 'preact/hooks';
import { CATEGORIES } from '@/lib/glossary/types';
import type { ScalarPatch, SettingsOp } from '@/lib/settings/ops';
import { HOVER_DELAY, type Settings } from '@/lib/settings/schema';
import { categoryGroupName } from '../categories';
import { SiteList } from './SiteList';

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
      setDelayError(`Enter a whole number of milliseconds from ${HOVER_DELAY.min} to ${HOVER_DELAY.max}.`);
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
      setPdfError('Access to web sites was not granted, so PDF links keep opening in the browser’s viewer.');
    });
  }

  return (
    <div data-testid="ml-settings">
      <h2>Settings</h2>
      <fieldset>
        <legend>General</legend>
        <label class="ml-switch">
          <input
            type="checkbox"
            checked={s.enabled}
            onChange={(e) => void save({ enabled: (e.target as HTMLInputElement).checked })}
          />{' '}
          Highlight terms on web pages
        </label>
        <label class="ml-switch">
          <input
            type="checkbox"
            checked={s.trainerMode}
            onChange={(e) => void save({ trainerMode: (e.target as HTMLInputElement).checked })}
          />{' '}
          Trainer mode (several pinned cards, occurrence stepping)
        </label>
        <div class="ml-field">
          <label for="ml-delay">Hover delay before a card opens (milliseconds)</label>
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
          <legend>PDF documents</legend>
          <label class="ml-switch">
            <input
              type="checkbox"
              data-testid="ml-pdf-links"
              checked={s.openPdfLinksInReader}
              aria-describedby="ml-pdf-links-help"
              onChange={(e) => onPdfLinks(e.target as HTMLInputElement)}
            />{' '}
            Open PDF links in the reader
          </label>
          <p id="ml-pdf-links-help" class="ml-muted">
            Addresses ending in .pdf open in the Migration Lens reader instead of the browser’s own viewer, which
            extensions cannot read. Switching this on asks for access to the web sites you visit: the reader fetches
            each PDF itself.
          </p>
          {pdfError && (
            <p class="ml-error" role="alert">
              {pdfError}
            </p>
          )}
        </fieldset>
      )}
      <fieldset>
        <legend>Appearance</legend>
        <div class="ml-row">
          <div class="ml-field">
            <label for="ml-theme">Theme</label>
            <select
              id="ml-theme"
              value={s.theme}
              onChange={(e) => void save({ theme: (e.target as HTMLSelectElement).value as Settings['theme'] })}
            >
              <option value="auto">Follow the system</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </div>
          <div class="ml-field">
            <label for="ml-size">Text size</label>
            <select
              id="ml-size"
              value={s.textSize}
              onChange={(e) => void save({ textSize: (e.target as HTMLSelectElement).value as Settings['textSize'] })}
            >
              <option value="normal">Normal</option>
              <option value="large">Large</option>
              <option value="x-large">Extra large</option>
            </select>
          </div>
        </div>
      </fieldset>
      <fieldset>
        <legend>What to underline</legend>
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
              <option value="every">Every occurrence</option>
              <option value="first">First occurrence on the page</option>
              <option value="off">Off</option>
            </select>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>Sites</legend>
        <label class="ml-switch">
          <input
            type="radio"
            name="ml-mode"
            checked={s.siteMode === 'all'}
            onChange={() => void save({ siteMode: 'all' })}
          />{' '}
          Every site except the disabled ones
        </label>
        <label class="ml-switch">
          <input
            type="radio"
            name="ml-mode"
            checked={s.siteMode === 'allow-list'}
            onChange={() => void save({ siteMode: 'allow-list' })}
          />{' '}
          Only the allowed sites
        </label>
        <SiteList
          id="ml-disabled"
          label="Disabled sites"
          sites={s.disabledSites}
          onChange={(site, add) => void change({ op: 'siteList', list: 'disabledSites', site, add })}
        />
        {s.siteMode === 'allow-list' && (
          <SiteList
            id="ml-allowed"
            label="Allowed sites"
            sites={s.allowedSites}
            onChange={(site, add) => void change({ op: 'siteList', list: 'allowedSites', site, add })}
          />
        )}
      </fieldset>
    </div>
  );
}
