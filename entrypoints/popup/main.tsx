import { render } from 'preact';
import { SearchPanel } from '@/components/SearchPanel';
import type { Reply, SearchHit } from '@/lib/messaging/protocol';

const search = (query: string) => browser.runtime.sendMessage({ type: 'search', query }) as Promise<Reply<SearchHit[]>>;

render(<SearchPanel search={search} />, document.getElementById('app')!);
