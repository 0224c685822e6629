import { describe, it, expect, afterEach } from 'vitest';
import { render } from 'preact';
import { IOM, GFMD, actions, flush, mount, view } from './helpers';
import { push, startHistory } from '@/lib/content/history';
import { unreachable } from '@/components/card/Card';
import { nth } from '@/tests/unit/helpers/nth';

afterEach(() => {
  for (const el of Array.from(document.body.children)) {
    render(null, el);
    el.remove();
  }
});

describe('Card states', () => {
  it('loading: a status message, tooltip role, no content yet', () => {
    const m = mount(view({ state: { status: 'loading', termId: 'iom' } }));
    expect(m.card().getAttribute('role')).toBe('tooltip');
    expect(m.card().dataset.state).toBe('loading');
    expect(m.q('[role=status]')!.textContent).toBe('Looking up…');
    expect(m.q('h2')).toBeNull();
  });

  it('not found', () => {
    const m = mount(view({ state: { status: 'not-found', termId: 'gone' } }));
    expect(m.text()).toContain('No entry for this term');
    expect(m.card().dataset.state).toBe('not-found');
  });

  it('error: says the background is unreachable, shows the detail, and offers a retry', () => {
    const on = actions();
    const m = mount(
      view({ state: { status: 'error', message: 'background unreachable: Extension context invalidated.' } }),
      on,
    );
    const alert = m.q('[role=alert]')!;
    expect(alert.textContent).toContain(unreachable());
    expect(alert.textContent).toContain('Extension context invalidated');
    m.button('Try again').click();
    expect(on.retry).toHaveBeenCalledTimes(1);
  });

  it('ready: label, expansion, category, our summary, one excerpt with its citation, more on demand', async () => {
    const m = mount(view({ state: { status: 'ready', card: GFMD }, history: startHistory('gfmd', 'GFMD') }));
    expect(m.q('h2')!.textContent).toBe('GFMD');
    expect(m.q('.ml-expansion')!.textContent).toBe('Global Forum on Migration and Development');
    expect(m.q('.ml-category')!.textContent).toBe('forum');
    expect(m.q('.ml-summary')!.textContent).toContain('state-led, informal process');
    let ex = m.qa('[data-testid=ml-excerpt]');
    expect(ex).toHaveLength(1);
    expect(nth(ex, 0).querySelector('cite')!.textContent).toBe('CEB 2013, ch. 1, Text, para. 3, p. 17 ff.');
    const more = m.q<HTMLButtonElement>('[data-testid=ml-more]')!;
    expect(more.textContent).toBe('More excerpts (1)');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    more.click();
    await flush();
    ex = m.qa('[data-testid=ml-excerpt]');
    expect(ex.map((e) => e.querySelector('p')!.textContent)).toEqual([
      'The GFMD is a State-led process.',
      'Second GFMD excerpt.',
    ]);
    expect(m.q('[data-testid=ml-more]')!.getAttribute('aria-expanded')).toBe('true');
  });

  it('renders data as text, never as HTML', async () => {
    const m = mount(view());
    m.click('[data-testid=ml-more]');
    await flush();
    expect(m.root.querySelector('b')).toBeNull();
    expect(m.text()).toContain('<b>to provide</b>');
  });

  it('agency: mandate excerpt in its own section (not repeated) and its recommendations via `record`', async () => {
    const fetched: string[] = [];
    const fetchRecord = async (id: string) => {
      fetched.push(id);
      return { id, text: `Text of ${id}`, cite: `cite ${id}`, label: id.split(':').pop() };
    };
    const m = mount(view(), actions(), { fetchRecord });
    const mandate = m.q('[data-testid=ml-mandate]')!;
    expect(mandate.querySelector('blockquote p')!.textContent).toContain('leading global agency on migration');
    // The mandate is not repeated among the other excerpts.
    expect(
      m
        .qa('[data-testid=ml-excerpt]')
        .map((e) => e.textContent)
        .join(),
    ).not.toContain('leading global agency');
    const toggle = m.button(/Show its 2 recommendations/);
    expect(fetched).toEqual([]); // lazy
    toggle.click();
    await flush();
    await flush();
    const items = m.qa('[data-testid=ml-recs] li');
    expect(items.map((li) => li.querySelector('.ml-rec-label')!.textContent)).toEqual(['(a)', '(b)']);
    expect(nth(items, 1).textContent).toContain('Text of 002:ch7:recommendations:(b)');
    expect(fetched).toEqual(IOM.recommendationIds);
  });

  it('agency without a `record` message: lists the labels with a search fallback', async () => {
    const on = actions();
    const m = mount(view(), on, { fetchRecord: async () => null });
    m.button(/Show its 2/).click();
    await flush();
    await flush();
    const items = m.qa('[data-testid=ml-recs] li');
    expect(nth(items, 0).textContent).toContain('(a)');
    nth(items, 0).querySelector('button')!.click();
    expect(on.search).toHaveBeenCalledWith('IOM recommendation (a)');
  });

  it('custom entry is labelled "Custom" and its summary as the user\'s note', () => {
    const card = { ...GFMD, id: 'my-term', label: 'MYT', custom: true, excerpts: [], related: [] };
    const m = mount(view({ state: { status: 'ready', card }, history: startHistory('my-term') }));
    expect(m.q('[data-testid=ml-custom]')!.textContent).toBe('Custom');
    expect(m.q('.ml-kicker')!.textContent).toBe('Your note');
    expect(m.q('[data-testid=ml-excerpt]')).toBeNull();
  });

  it('curated "no excerpt" reason is shown when there is no excerpt', () => {
    const card = { ...GFMD, excerpts: [], noExcerpt: 'Not named in the four source documents.' };
    const m = mount(view({ state: { status: 'ready', card } }));
    expect(m.q('.ml-noexcerpt')!.textContent).toBe('Not named in the four source documents.');
  });

  it('long text stays inside a scrolling body (styles cap the height)', async () => {
    const long = { ...GFMD, summary: 'word '.repeat(2000) };
    const m = mount(view({ state: { status: 'ready', card: long } }));
    expect(m.q('[data-testid=ml-body]')!.contains(m.q('.ml-summary'))).toBe(true);
    const { CARD_CSS } = await import('@/components/card/styles');
    expect(CARD_CSS).toMatch(/\.ml-card \{[^}]*max-height:/);
    expect(CARD_CSS).toMatch(/\.ml-body \{[^}]*overflow-y: auto/);
  });
});

describe('Card navigation, pin, actions', () => {
  it('related entries navigate inside the card; back and breadcrumb appear when nested', () => {
    const on = actions();
    const m = mount(view(), on);
    expect(m.q('[data-testid=ml-back]')).toBeNull();
    expect(m.q('[data-testid=ml-crumbs]')).toBeNull();
    const rel = m.qa('[data-testid=ml-related] button');
    expect(rel.map((b) => b.textContent)).toEqual(['GFMD', 'GMG', 'UNHCR']);
    nth(rel, 0).click();
    expect(on.navigate).toHaveBeenCalledWith('gfmd', 'GFMD');
    // The controller pushes the entry; the card then shows the nested state.
    const h = push(startHistory('iom', 'IOM'), 'gfmd', 'GFMD');
    m.draw(view({ state: { status: 'ready', card: GFMD }, history: h }));
    const backBtn = m.q<HTMLButtonElement>('[data-testid=ml-back]')!;
    expect(backBtn.getAttribute('aria-label')).toBe('Back to IOM');
    expect(m.q('[data-testid=ml-crumbs]')!.textContent).toBe('IOMGFMD');
    expect(m.q('[aria-current=page]')!.textContent).toBe('GFMD');
    backBtn.click();
    expect(on.back).toHaveBeenCalledTimes(1);
    m.q<HTMLElement>('[data-testid=ml-crumbs] button')!.click();
    expect(on.backTo).toHaveBeenCalledWith(0);
  });

  it('arrow keys move focus through the related list', () => {
    const m = mount(view());
    const rel = m.qa('[data-testid=ml-related] button');
    nth(rel, 0).focus();
    const key = (k: string) =>
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    key('ArrowDown');
    expect(document.activeElement).toBe(rel[1]);
    key('ArrowRight');
    expect(document.activeElement).toBe(rel[2]);
    key('ArrowDown'); // wraps
    expect(document.activeElement).toBe(rel[0]);
    key('ArrowUp');
    expect(document.activeElement).toBe(rel[2]);
    key('Home');
    expect(document.activeElement).toBe(rel[0]);
  });

  it('pinned: dialog role labelled by the title, pin button pressed; toggling calls back', () => {
    const on = actions();
    const m = mount(view({ pinned: true, dialog: true, key: 7 }), on);
    const c = m.card();
    expect(c.getAttribute('role')).toBe('dialog');
    expect(c.getAttribute('aria-labelledby')).toBe('ml-title-7');
    expect(m.q('#ml-title-7')!.textContent).toBe('IOM');
    const pin = m.q<HTMLButtonElement>('[data-testid=ml-pin]')!;
    expect(pin.getAttribute('aria-pressed')).toBe('true');
    expect(c.classList.contains('ml-pinned')).toBe(true);
    pin.click();
    expect(on.togglePin).toHaveBeenCalledTimes(1);
    m.click('[data-testid=ml-close]');
    expect(on.close).toHaveBeenCalledTimes(1);
  });

  it('a dialog still loading has an accessible name', () => {
    const m = mount(view({ dialog: true, pinned: true, state: { status: 'loading', termId: 'x' } }));
    expect(m.card().getAttribute('aria-label')).toBe('Migration Lens');
  });

  it('"I know this term" then Undo', () => {
    const on = actions();
    const m = mount(view(), on);
    m.click('[data-testid=ml-know]');
    expect(on.know).toHaveBeenCalledWith('iom', 'IOM');
    expect(m.q('[data-testid=ml-undo]')).toBeNull();
    m.draw(view({ known: { id: 'iom', label: 'IOM' } }));
    const undo = m.q('[data-testid=ml-undo]')!;
    expect(undo.getAttribute('role')).toBe('status');
    expect(undo.textContent).toContain('“IOM” will no longer be underlined.');
    m.button('Undo').click();
    expect(on.undoKnow).toHaveBeenCalledTimes(1);
  });

  it('"Search for this" asks for the search with the label', () => {
    const on = actions();
    const m = mount(view(), on);
    m.click('[data-testid=ml-search]');
    expect(on.search).toHaveBeenCalledWith('IOM');
  });

  it('trainer mode: occurrence stepping controls and N / Shift+N keys', () => {
    const on = actions();
    const m = mount(
      view({ trainer: true, pinned: true, dialog: true, occurrences: { index: 1, count: 4, focused: true } }),
      on,
    );
    expect(m.q('[data-testid=ml-occ]')!.textContent).toBe('2 of 4');
    expect(m.q('[data-testid=ml-focus-all]')!.getAttribute('aria-pressed')).toBe('true');
    m.click('[data-testid=ml-focus-all]');
    expect(on.toggleFocusAll).toHaveBeenCalledTimes(1);
    m.button('▶').click();
    expect(on.step).toHaveBeenLastCalledWith(1);
    m.card().dispatchEvent(new KeyboardEvent('keydown', { key: 'N', shiftKey: true, bubbles: true }));
    expect(on.step).toHaveBeenLastCalledWith(-1);
    m.card().dispatchEvent(new KeyboardEvent('keydown', { key: 'n', bubbles: true }));
    expect(on.step).toHaveBeenLastCalledWith(1);
    expect(on.step).toHaveBeenCalledTimes(3);
  });

  it('without trainer mode there are no stepping controls and N does nothing', () => {
    const on = actions();
    const m = mount(view({ pinned: true, dialog: true, occurrences: { index: -1, count: 3, focused: false } }), on);
    expect(m.q('[data-testid=ml-trainer]')).toBeNull();
    m.card().dispatchEvent(new KeyboardEvent('keydown', { key: 'n', bubbles: true }));
    expect(on.step).not.toHaveBeenCalled();
  });
});

describe('Card related list', () => {
  it('a compact card shows the first 6 related entries, then all on demand', async () => {
    const related = Array.from({ length: 12 }, (_, i) => ({ id: `r${i}`, label: `R${i}` }));
    const m = mount(view({ state: { status: 'ready', card: { ...GFMD, related } } }));
    expect(m.qa('[data-testid=ml-related] button')).toHaveLength(6);
    m.button('All related (12)').click();
    await flush();
    expect(m.qa('[data-testid=ml-related] button')).toHaveLength(12);
  });

  it('shows the ranked first ones (at most 6, fewer when relatedShown says so), the rest behind "All related"', async () => {
    const related = Array.from({ length: 30 }, (_, i) => ({ id: `r${i}`, label: `R${i}` }));
    const few = mount(view({ state: { status: 'ready', card: { ...GFMD, related, relatedShown: 4 } } }));
    expect(few.qa('[data-testid=ml-related] button')).toHaveLength(4);
    const m = mount(view({ key: 2, state: { status: 'ready', card: { ...GFMD, related, relatedShown: 12 } } }));
    const labels = () => m.qa('[data-testid=ml-related] button').map((b) => b.textContent);
    expect(labels()).toEqual(related.slice(0, 6).map((r) => r.label));
    const all = m.button('All related (30)');
    expect(all.getAttribute('aria-expanded')).toBe('false');
    all.click();
    await flush();
    expect(labels()).toHaveLength(30);
    expect(m.button('Fewer related').getAttribute('aria-expanded')).toBe('true');
  });
});

describe('Card disclosures', () => {
  it('compact agency card: mandate only; recommendations, more excerpts and all related behind buttons', async () => {
    const on = actions();
    const related = Array.from({ length: 9 }, (_, i) => ({ id: `r${i}`, label: `R${i}` }));
    const m = mount(view({ state: { status: 'ready', card: { ...IOM, related } } }), on);
    expect(m.q('[data-testid=ml-mandate] blockquote')).not.toBeNull();
    expect(m.qa('[data-testid=ml-excerpt]')).toHaveLength(0);
    expect(m.q('[data-testid=ml-recs]')).toBeNull();
    const buttons = m.qa('button.ml-disclose');
    expect(buttons.map((b) => [b.textContent, b.getAttribute('aria-expanded')])).toEqual([
      ['Show its 2 recommendations (2013)', 'false'],
      ['More excerpts (2)', 'false'],
      ['All related (9)', 'false'],
    ]);
    // Each controls an element that is there once open.
    m.click('[data-testid=ml-more]');
    await flush();
    const more = m.q('[data-testid=ml-more]')!;
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(m.root.querySelector(`#${more.getAttribute('aria-controls')}`)!.querySelectorAll('blockquote')).toHaveLength(
      2,
    );
    expect(on.disclose).toHaveBeenCalledWith('iom:excerpts', true);
  });

  it('a re-mounted card opens its sections as the controller kept them', async () => {
    const disclosed = { 'iom:excerpts': true, 'iom:related': true, 'gfmd:excerpts': false };
    const related = Array.from({ length: 9 }, (_, i) => ({ id: `r${i}`, label: `R${i}` }));
    const m = mount(view({ state: { status: 'ready', card: { ...IOM, related } }, disclosed }));
    await flush();
    expect(m.qa('[data-testid=ml-excerpt]')).toHaveLength(2);
    expect(m.qa('[data-testid=ml-related] button')).toHaveLength(9);
    expect(m.q('[data-testid=ml-recs]')).toBeNull();
  });
});
