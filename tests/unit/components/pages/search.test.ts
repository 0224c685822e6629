import { afterEach, describe, expect, it } from 'vitest';
import { h } from 'preact';
import { vi } from 'vitest';
import { SearchView } from '@/components/pages/SearchView';
import type { RecordReply, SearchHit } from '@/lib/messaging/protocol';
import { $, $$, buttonByText, choose, fakeApi, key, mount, text, type, unmount, type Handlers } from './fake';

const FACETS = {
  documents: [{ key: '002', short: 'CEB 2013', title: 'Contributions', year: 2013 }],
  agencies: ['ICAO', 'ILO'],
  sections: [{ kind: 'recommendations', name: 'Recommendations' }],
};
const HITS: SearchHit[] = [
  {
    id: '002:ch5:recommendations:(b)',
    kind: 'recommendation',
    title: 'ILO · Recommendations (b)',
    snippet: 'Ratify the convention on remittance costs',
    marks: [[25, 35]],
    cite: 'CEB 2013, ch. 5 ILO, Recommendations, (b), lines 1800–1803',
    score: 1,
  },
  {
    id: 'gfmd',
    kind: 'term',
    title: 'GFMD — Global Forum',
    snippet: 'State-led forum',
    cite: 'Migration Lens glossary',
    score: 0.5,
  },
];
const RECORD: RecordReply = {
  record: {
    id: '002:ch5:recommendations:(b)',
    kind: 'recommendation',
    text: 'Ratify the Domestic Workers Convention.',
    context: 'The ILO recommends:',
    subItems: [{ label: '(i)', text: 'first sub-item' }],
    citation: { doc: '002', chapter: 5, agency: 'ILO', section: 'recommendations', label: '(b)', lines: [1800, 1803] },
  },
  cite: 'CEB 2013, ch. 5 ILO, Recommendations, (b), lines 1800–1803',
  title: 'ILO · Recommendations (b)',
  docTitle: 'Contributions',
};

function setup(handlers: Handlers = {}) {
  return fakeApi({
    handlers: { facets: () => FACETS, search: () => HITS, suggest: () => HITS, record: () => RECORD, ...handlers },
  });
}

let el: HTMLElement | null = null;
afterEach(() => {
  if (el) unmount(el);
  el = null;
});

describe('SearchView', () => {
  it('starts empty, then shows results with marked snippets and citations', async () => {
    const f = setup();
    el = mount(h(SearchView, { send: f.api.send, debounceMs: 0 }));
    expect($$(el, '[data-testid=ml-results] li')).toHaveLength(0);
    type($(el, '#ml-q') as HTMLInputElement, 'remittance');
    await vi.waitFor(() => expect($$(el!, '[data-testid=ml-results] li')).toHaveLength(2));
    expect(text($(el, 'mark'))).toBe('remittance');
    expect(text($(el, '[data-testid=ml-results] cite'))).toContain('lines 1800–1803');
    expect(text($(el, '[data-testid=ml-result-count]'))).toBe('2 results');
    expect(f.calls.find((c) => c.type === 'search')).toMatchObject({ query: 'remittance', filters: {} });
  });

  it('shows the loading state while the background answers', async () => {
    let resolve!: (v: SearchHit[]) => void;
    const f = setup({
      search: () =>
        new Promise((r) => {
          resolve = r;
        }),
    });
    el = mount(h(SearchView, { send: f.api.send, debounceMs: 0 }));
    type($(el, '#ml-q') as HTMLInputElement, 'iom');
    await vi.waitFor(() => expect(text($(el!, '[data-testid=ml-result-count]'))).toBe('Searching…'));
    resolve([]);
    await vi.waitFor(() => expect(text($(el!, '[data-testid=ml-result-count]'))).toBe('No results for “iom”.'));
  });

  it('reports a background error', async () => {
    const f = setup({
      search: () => {
        throw new Error('background unreachable: gone');
      },
    });
    el = mount(h(SearchView, { send: f.api.send, debounceMs: 0 }));
    type($(el, '#ml-q') as HTMLInputElement, 'x');
    await vi.waitFor(() => expect(text($(el!, '[role=alert]'))).toBe('Search failed: background unreachable: gone'));
  });

  it('fills filters from the facets and sends them with the search', async () => {
    const f = setup();
    el = mount(h(SearchView, { send: f.api.send, debounceMs: 0, initialQuery: 'costs' }));
    await vi.waitFor(() =>
      expect($$(el!, '#ml-f-agency option').map((o) => o.textContent)).toEqual(['All', 'ICAO', 'ILO']),
    );
    expect($$(el, '#ml-f-doc option').map((o) => o.textContent)).toEqual(['All', 'CEB 2013 (2013)']);
    choose($(el, '#ml-f-agency') as HTMLSelectElement, 'ILO');
    choose($(el, '#ml-f-kind') as HTMLSelectElement, 'recommendation');
    await vi.waitFor(() =>
      expect(f.calls.filter((c) => c.type === 'search').at(-1)).toMatchObject({
        query: 'costs',
        filters: { agency: 'ILO', kind: 'recommendation' },
      }),
    );
  });

  it('suggest listbox: arrow keys set aria-activedescendant, Enter opens the pick in the reader', async () => {
    const f = setup();
    el = mount(h(SearchView, { send: f.api.send, debounceMs: 0 }));
    const input = $(el, '#ml-q') as HTMLInputElement;
    type(input, 'rat');
    await vi.waitFor(() => expect(input.getAttribute('aria-expanded')).toBe('true'));
    expect($$(el, '#ml-suggest [role=option]')).toHaveLength(2);
    key(input, 'ArrowDown');
    await vi.waitFor(() => expect(input.getAttribute('aria-activedescendant')).toBe('ml-suggest-0'));
    key(input, 'ArrowUp');
    await vi.waitFor(() => expect(input.getAttribute('aria-activedescendant')).toBe('ml-suggest-1'));
    key(input, 'ArrowDown');
    key(input, 'Enter');
    await vi.waitFor(() => expect(text($(el!, '[data-testid=ml-reader] h2'))).toBe('ILO · Recommendations (b)'));
    expect(f.calls.find((c) => c.type === 'record')).toEqual({ type: 'record', id: '002:ch5:recommendations:(b)' });
  });

  it('Enter closes the suggestions for good: a suggest reply still on its way does not re-open them', async () => {
    let answer: (hits: SearchHit[]) => void = () => {};
    const f = setup({ suggest: () => new Promise<SearchHit[]>((r) => (answer = r)) });
    el = mount(h(SearchView, { send: f.api.send, debounceMs: 0 }));
    const input = $(el, '#ml-q') as HTMLInputElement;
    type(input, 'rat');
    await vi.waitFor(() => expect(f.calls.some((c) => c.type === 'suggest')).toBe(true));
    key(input, 'Enter');
    await vi.waitFor(() => expect($$(el!, '[data-testid=ml-results] li')).toHaveLength(2));
    answer(HITS);
    await new Promise((r) => setTimeout(r, 50));
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(($(el, '#ml-suggest') as HTMLElement).hidden).toBe(true);
    // Typing again brings suggestions back.
    type(input, 'ratify');
    await vi.waitFor(() => expect(f.calls.filter((c) => c.type === 'suggest')).toHaveLength(2));
    answer(HITS);
    await vi.waitFor(() => expect(input.getAttribute('aria-expanded')).toBe('true'));
  });

  it('Escape closes the suggestions', async () => {
    const f = setup();
    el = mount(h(SearchView, { send: f.api.send, debounceMs: 0 }));
    const input = $(el, '#ml-q') as HTMLInputElement;
    type(input, 'rat');
    await vi.waitFor(() => expect(input.getAttribute('aria-expanded')).toBe('true'));
    key(input, 'Escape');
    await vi.waitFor(() => expect(input.getAttribute('aria-expanded')).toBe('false'));
    expect(($(el, '#ml-suggest') as HTMLElement).hidden).toBe(true);
  });

  it('reader view: full record with context, sub-items and citation; back restores focus', async () => {
    const f = setup();
    el = mount(h(SearchView, { send: f.api.send, debounceMs: 0, initialQuery: 'ratify' }));
    await vi.waitFor(() => expect($$(el!, '[data-testid=ml-results] li')).toHaveLength(2));
    buttonByText(el, 'ILO · Recommendations (b)').click();
    await vi.waitFor(() =>
      expect(text($(el!, '[data-testid=ml-reader]'))).toContain('Ratify the Domestic Workers Convention.'),
    );
    const r = $(el, '[data-testid=ml-reader]')!;
    expect(text(r)).toContain('The ILO recommends:');
    expect(text(r)).toContain('(i) first sub-item');
    expect(text($(r, 'cite'))).toBe(RECORD.cite);
    buttonByText(el, '← Back to results').click();
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('ml-hit-002:ch5:recommendations:(b)'));
  });

  it('reader view: unknown record and error states', async () => {
    let reply: unknown = null;
    const f = setup({
      record: () => {
        if (reply instanceof Error) throw reply;
        return reply;
      },
    });
    el = mount(h(SearchView, { send: f.api.send, debounceMs: 0, initialQuery: 'x' }));
    await vi.waitFor(() => expect($$(el!, '[data-testid=ml-results] li')).toHaveLength(2));
    buttonByText(el, 'ILO · Recommendations (b)').click();
    await vi.waitFor(() => expect(text($(el!, '[role=alert]'))).toContain('not in the knowledge base'));
    buttonByText(el, '← Back to results').click();
    reply = new Error('boom');
    await vi.waitFor(() => buttonByText(el!, 'ILO · Recommendations (b)').click());
    await vi.waitFor(() => expect(text($(el!, '[role=alert]'))).toBe('Could not load this record: boom'));
  });

  it('a term hit opens the term card', async () => {
    const f = setup({
      lookup: () => ({
        id: 'gfmd',
        label: 'GFMD',
        expansion: 'Global Forum on Migration and Development',
        category: 'process-forum',
        summary: 'State-led forum.',
        excerpts: [{ text: 'The GFMD met.', cite: 'CEB 2013, line 5' }],
        related: [],
      }),
    });
    el = mount(h(SearchView, { send: f.api.send, debounceMs: 0, initialQuery: 'gfmd' }));
    await vi.waitFor(() => buttonByText(el!, 'GFMD — Global Forum').click());
    await vi.waitFor(() =>
      expect(text($(el!, '[data-testid=ml-term]'))).toContain('Global Forum on Migration and Development'),
    );
    expect(text($(el, '[data-testid=ml-term] cite'))).toBe('CEB 2013, line 5');
  });
});
