/** Search filters; options come from the `facets` message (the data), never from a hard-coded list. */
import type { FacetsReply, SearchFilters } from '@/lib/messaging/protocol';

const KINDS: [string, string][] = [
  ['mandate', 'Mandates'],
  ['recommendation', 'Recommendations'],
  ['passage', 'Passages'],
  ['term', 'Glossary terms'],
  ['custom', 'Custom terms'],
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
        <option value="">All</option>
        {opts.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div class="ml-filters" role="group" aria-label="Filters" data-testid="ml-filters">
      {sel('ml-f-kind', 'Kind', 'kind', KINDS)}
      {sel(
        'ml-f-doc',
        'Document',
        'doc',
        (facets?.documents ?? []).map((d) => [d.key, `${d.short} (${d.year})`]),
      )}
      {sel(
        'ml-f-agency',
        'Agency',
        'agency',
        (facets?.agencies ?? []).map((a) => [a, a]),
      )}
      {sel(
        'ml-f-section',
        'Section',
        'section',
        (facets?.sections ?? []).map((s) => [s.kind, s.name]),
      )}
    </div>
  );
}
