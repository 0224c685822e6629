/** Search filters; options come from the `facets` message (the data), never from a hard-coded list. */
import type { FacetsReply, SearchFilters } from '@/lib/messaging/protocol';
import type { MessageKey } from '@/lib/i18n/keys';
import { t } from '@/lib/i18n/t';

const KINDS: [string, MessageKey][] = [
  ['mandate', 'filter_mandates'],
  ['recommendation', 'filter_recommendations'],
  ['passage', 'filter_passages'],
  ['term', 'filter_terms'],
  ['custom', 'filter_custom'],
];

export function Filters({
  facets,
  value,
  onChange,
}: {
  facets: FacetsReply | null;
  value: SearchFilters;
  onChange(k: keyof SearchFilters, v: string | undefined): void;
}) {
  // Key + value, not a whole object: two quick changes must not overwrite each other with a stale copy.
  const set = (k: keyof SearchFilters) => (e: Event) => onChange(k, (e.target as HTMLSelectElement).value || undefined);
  const sel = (id: string, label: string, k: keyof SearchFilters, opts: [string, string][]) => (
    <div class="ml-field">
      <label for={id}>{label}</label>
      <select id={id} value={value[k] ?? ''} onChange={set(k)} disabled={!facets && k !== 'kind'}>
        <option value="">{t('filter_all')}</option>
        {opts.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div class="ml-filters" role="group" aria-label={t('filter_group')} data-testid="ml-filters">
      {sel(
        'ml-f-kind',
        t('filter_kind'),
        'kind',
        KINDS.map(([k, key]) => [k, t(key)]),
      )}
      {sel(
        'ml-f-doc',
        t('filter_doc'),
        'doc',
        (facets?.documents ?? []).map((d) => [d.key, `${d.short} (${d.year})`]),
      )}
      {sel(
        'ml-f-agency',
        t('filter_agency'),
        'agency',
        (facets?.agencies ?? []).map((a) => [a, a]),
      )}
      {sel(
        'ml-f-section',
        t('filter_section'),
        'section',
        (facets?.sections ?? []).map((s) => [s.kind, s.name]),
      )}
    </div>
  );
}
