import { afterEach, describe, expect, it, vi } from 'vitest';
import { h } from 'preact';
import { SidePanel, groupTerms } from '@/components/pages/SidePanel';
import { agencyOf } from '@/components/pages/CrossRef';
import type { TermCard } from '@/lib/messaging/protocol';
import { $, $$, buttonByText, fakeApi, mount, text, unmount } from './fake';

const CARDS: Record<string, TermCard> = {
  iom: {
    id: 'iom',
    label: 'IOM',
    expansion: 'International Organization for Migration',
    category: 'agency',
    summary: 'Migration agency.',
    excerpts: [],
    related: [{ id: 'gfmd', label: 'GFMD' }],
    mandateId: '002:ch7:mandate',
    recommendationIds: ['002:ch7:recommendations:(a)'],
  },
  gfmd: {
    id: 'gfmd',
    label: 'GFMD',
    expansion: 'Global Forum on Migration and Development',
    category: 'process-forum',
    summary: 'State-led forum.',
    excerpts: [{ text: 'The GFMD met.', cite: 'CEB 2013, line 5' }],
    related: [{ id: 'iom', label: 'IOM' }],
  },
  unhcr: {
    id: 'unhcr',
    label: 'UNHCR',
    expansion: 'UN Refugee Agency',
    category: 'agency',
    summary: 'Refugees.',
    excerpts: [],
    related: [],
  },
};
const rec = (id: string, agency: string, text: string) => ({
  record: {
    id,
    kind: 'recommendation',
    text,
    citation: { doc: '002', chapter: 7, agency, section: 'recommendations', label: '(a)', lines: [10, 12] },
  },
  cite: `CEB 2013, ch. 7 ${agency}, lines 10–12`,
  title: `${agency} · Recommendations (a)`,
  docTitle: 'Contributions',
});
const PAGE = {
  url: 'https://x.org/',
  active: true,
  total: 6,
  terms: [
    { id: 'unhcr', category: 'agency', count: 1 },
    { id: 'gfmd', category: 'process-forum', count: 2 },
    { id: 'iom', category: 'agency', count: 3 },
  ],
};

function setup(page: unknown = PAGE) {
  let jumps = 0;
  return fakeApi({
    page: (req) => (req.type === 'pageTerms' ? page : req.type === 'jumpTo' ? { index: jumps++ % 2, count: 2 } : null),
    handlers: {
      lookup: (r) => CARDS[r.termId] ?? null,
      record: (r) => rec(r.id, 'IOM', r.id.includes('mandate') ? 'IOM mandate text.' : 'IOM recommends more data.'),
      search: (r) =>
        r.filters?.kind === 'term'
          ? [
              {
                id: 'iom',
                kind: 'term',
                title: 'IOM — International Organization for Migration',
                snippet: '',
                cite: '',
                score: 1,
              },
            ]
          : [
              {
                id: '002:ch7:recommendations:(a)',
                kind: 'recommendation',
                title: 'IOM · Recommendations (a)',
                snippet: `mentions ${r.query}`,
                cite: 'c',
                score: 1,
              },
            ],
    },
  });
}

let el: HTMLElement | null = null;
afterEach(() => {
  if (el) unmount(el);
  el = null;
});

describe('SidePanel', () => {
  it('groups terms by category in glossary order, most frequent first', () => {
    expect(groupTerms(PAGE.terms).map(([c, ts]) => [c, ts.map((t) => t.id)])).toEqual([
      ['agency', ['iom', 'unhcr']],
      ['process-forum', ['gfmd']],
    ]);
    expect(agencyOf('ICAO · Recommendations (b)')).toBe('ICAO');
    expect(agencyOf('GFMD')).toBeNull();
  });

  it('loading, then the list with labels from lookup and counts', async () => {
    const f = setup();
    el = mount(h(SidePanel, { api: f.api }));
    expect(text(el)).toContain('Reading the current tab…');
    await vi.waitFor(() =>
      expect($$(el!, '.ml-terms button').map((b) => b.textContent)).toEqual(['IOM', 'UNHCR', 'GFMD']),
    );
    expect($$(el, 'section h2').map((x) => x.textContent)).toEqual(['Agencies', 'Processes and forums']);
    expect($$(el, '.ml-count').map((x) => x.textContent)).toEqual(['3', '1', '2']);
    expect(text($(el, '[data-testid=ml-total]'))).toContain('3 terms, 6 occurrences');
    // Each label looked up once.
    expect(f.calls.filter((c) => c.type === 'lookup').length).toBe(3);
  });

  it('unavailable and empty states', async () => {
    el = mount(h(SidePanel, { api: setup(null).api }));
    await vi.waitFor(() => expect($(el!, '[data-testid=ml-unavailable]')).not.toBeNull());
    unmount(el);
    el = mount(h(SidePanel, { api: setup({ ...PAGE, terms: [], total: 0 }).api }));
    await vi.waitFor(() => expect(text(el!)).toContain('No terms found on this page.'));
    unmount(el);
    el = mount(h(SidePanel, { api: setup({ ...PAGE, terms: [], total: 0, error: 'background unreachable' }).api }));
    await vi.waitFor(() =>
      expect(text($(el!, '[role=alert]'))).toBe('This page could not be scanned: background unreachable'),
    );
  });

  it('click jumps to the next occurrence each time, and shows the card', async () => {
    const f = setup();
    el = mount(h(SidePanel, { api: f.api }));
    await vi.waitFor(() => buttonByText(el!, 'GFMD'));
    buttonByText(el, 'GFMD').click();
    await vi.waitFor(() =>
      expect(text($(el!, '[data-testid=ml-jump]'))).toBe('Showing occurrence 1 of 2 of GFMD on the page.'),
    );
    buttonByText(el, 'GFMD').click();
    await vi.waitFor(() =>
      expect(text($(el!, '[data-testid=ml-jump]'))).toBe('Showing occurrence 2 of 2 of GFMD on the page.'),
    );
    expect(f.tabCalls.filter((c) => c.type === 'jumpTo')).toEqual([
      { type: 'jumpTo', termId: 'gfmd', index: 0, open: true },
      { type: 'jumpTo', termId: 'gfmd', index: 1, open: true },
    ]);
    await vi.waitFor(() =>
      expect(text($(el!, '[data-testid=ml-term]'))).toContain('Global Forum on Migration and Development'),
    );
  });

  it('cross-reference walk: term → citing recommendation → agency (mandate + recommendations) → back via breadcrumb', async () => {
    const f = setup();
    el = mount(h(SidePanel, { api: f.api }));
    await vi.waitFor(() => buttonByText(el!, 'GFMD').click());
    await vi.waitFor(() => expect(text($(el!, '[data-testid=ml-citing]'))).toContain('mentions GFMD'));
    // Both the label and the expansion are searched among recommendations only.
    expect(f.calls.filter((c) => c.type === 'search').map((c) => [c.query, c.filters?.kind])).toEqual([
      ['GFMD', 'recommendation'],
      ['Global Forum on Migration and Development', 'recommendation'],
    ]);
    buttonByText($(el, '[data-testid=ml-citing]')!, 'IOM · Recommendations (a)').click();
    await vi.waitFor(() =>
      expect($$(el!, '.ml-crumbs li').map((x) => x.textContent)).toEqual(['GFMD', 'IOM · Recommendations (a)']),
    );
    await vi.waitFor(() => buttonByText(el!, 'About IOM').click());
    await vi.waitFor(() => expect($$(el!, '.ml-crumbs li')).toHaveLength(3));
    await vi.waitFor(() => expect(text($(el!, '[data-testid=ml-term]'))).toContain('IOM mandate text.'));
    expect(text($(el, '[data-testid=ml-term]'))).toContain('Recommendations (1)');
    buttonByText($(el, '.ml-crumbs')!, 'GFMD').click();
    await vi.waitFor(() => expect($$(el!, '.ml-crumbs li')).toHaveLength(1));
    expect($(el, '.ml-crumbs [aria-current]')?.textContent).toBe('GFMD');
  });

  it('refreshes on a tab change and on the Refresh button', async () => {
    const f = setup();
    el = mount(h(SidePanel, { api: f.api }));
    await vi.waitFor(() => expect(f.tabCalls.length).toBe(1));
    f.tabChanged();
    await vi.waitFor(() => expect(f.tabCalls.length).toBe(2));
    buttonByText(el, 'Refresh').click();
    await vi.waitFor(() => expect(f.tabCalls.length).toBe(3));
  });
});
