import { useEffect, useState } from 'preact/hooks';
import type { Reply, SearchHit } from '@/lib/messaging/protocol';

export type SearchFn = (query: string) => Promise<Reply<SearchHit[]>>;

/** Search box over the knowledge base; answers come from the background. */
export function SearchPanel({ search }: { search: SearchFn }) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    if (!query.trim()) { setHits([]); setError(null); return; }
    search(query).then(
      (r) => { if (!live) return; if (r.ok) { setHits(r.data); setError(null); } else setError(r.error); },
      () => live && setError('background unreachable'),
    );
    return () => { live = false; };
  }, [query]);

  return (
    <div class="ml-search">
      <label for="ml-q">Search mandates and recommendations</label>
      <input id="ml-q" type="search" value={query} placeholder="e.g. remittance costs"
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
      {error && <p role="alert">{error}</p>}
      <ul data-testid="ml-results">
        {hits.map((h) => <li key={h.id}><strong>{h.title}</strong>{h.snippet && <p>{h.snippet}</p>}</li>)}
      </ul>
    </div>
  );
}
