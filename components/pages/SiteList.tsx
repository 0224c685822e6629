/** Editable hostname list (disabled / allowed sites) with validation before saving. */
import { useRef, useState } from 'preact/hooks';
import { normaliseSite } from '@/lib/settings/schema';
import { t } from '@/lib/i18n/t';

export function SiteList({
  id,
  label,
  sites,
  onChange,
}: {
  id: string;
  label: string;
  sites: string[];
  /** One hostname added or removed (the background applies it to the stored list). */
  onChange(site: string, add: boolean): void;
}) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  function add(e: Event) {
    e.preventDefault();
    // Read the field itself: Enter right after typing may come before the re-render with the new draft.
    const raw = input.current?.value ?? draft;
    const site = normaliseSite(raw);
    if (!site) {
      setError(t('sites_invalid', raw.trim() || t('sites_empty')));
      return;
    }
    setError(null);
    setDraft('');
    if (!sites.includes(site)) onChange(site, true);
  }
  return (
    <div class="ml-box" data-testid={id}>
      <h3 id={`${id}-h`}>{label}</h3>
      {sites.length === 0 && <p class="ml-muted">{t('sites_none')}</p>}
      <ul class="ml-list" aria-labelledby={`${id}-h`}>
        {sites.map((s) => (
          <li key={s}>
            <span>{s}</span>
            <button type="button" aria-label={t('sites_removeLabel', s)} onClick={() => onChange(s, false)}>
              {t('common_remove')}
            </button>
          </li>
        ))}
      </ul>
      <form class="ml-row" onSubmit={add}>
        <label for={`${id}-in`}>{t('sites_addLabel')}</label>
        <input
          id={`${id}-in`}
          ref={input}
          value={draft}
          placeholder="example.org"
          aria-invalid={!!error}
          aria-describedby={error ? `${id}-err` : undefined}
          onInput={(e) => setDraft((e.target as HTMLInputElement).value)}
        />
        <button type="submit">{t('sites_add')}</button>
      </form>
      {error && (
        <p id={`${id}-err`} class="ml-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
