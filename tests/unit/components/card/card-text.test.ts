/**
 * `kb show` prints the card's text: the lines of components/card/text.ts must be what the rendered
 * card shows, in the same order, for real entries built the way the background builds them.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { cardText, cardTextToString } from '@/components/card/text';
import { toTermCard } from '@/lib/background/lookup';
import { DOC_NAMES } from '@/lib/kb/documents';
import type { GlossaryEntry } from '@/lib/glossary/types';
import type { TermCard } from '@/lib/messaging/protocol';
import { buildKnowledgeBase } from '@/lib/pipeline/kb/build';
import { buildGlossary, formatCard } from '@/lib/pipeline/glossary/index';
import { REPO_ROOT } from '../../glossary/helpers';
import { flush, mount, view } from './helpers';

/** Every element of the card body that carries reader-facing text, in document order. */
const TEXT = [
  '.ml-label',
  '.ml-category',
  '.ml-badge',
  '.ml-expansion',
  '.ml-summary',
  '.ml-h3',
  '.ml-excerpt p',
  '.ml-excerpt cite',
  '.ml-excerpt button',
  '.ml-excerpt a',
  '[data-testid=ml-mandate] > p',
  '[data-testid=ml-recs-toggle]',
  '.ml-noexcerpt',
  '.ml-related button',
  '.ml-actions a',
].join(', ');

let byId: Map<string, GlossaryEntry>;
const writeText = vi.fn((_: string) => Promise.resolve());

beforeAll(() => {
  const { entries } = buildGlossary(REPO_ROOT, buildKnowledgeBase(REPO_ROOT), { throwOnError: false });
  byId = new Map(entries.map((e) => [e.id, e]));
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});

afterEach(() => {
  for (const el of Array.from(document.body.children)) {
    render(null, el);
    el.remove();
  }
});

const cardOf = (id: string): TermCard => {
  const e = byId.get(id);
  if (!e) throw new Error(`no entry ${id}`);
  return toTermCard(e, (x) => byId.get(x), DOC_NAMES);
};

/** The card fully expanded (all excerpts, all related entries), as `kb show` prints it. */
async function rendered(card: TermCard) {
  const m = mount(view({ state: { status: 'ready', card }, pinned: true, dialog: true }));
  m.q<HTMLButtonElement>('[data-testid=ml-more]')?.click();
  m.q<HTMLButtonElement>('.ml-more-related')?.click();
  await flush();
  return m;
}

describe('card text (kb show) is the rendered card', () => {
  for (const id of ['iom', 'gfmd', 'eupact', 'igad']) {
    it(`${id}: same lines, same order, same hover texts and link targets`, async () => {
      const card = cardOf(id);
      const lines = cardText(card);
      const m = await rendered(card);
      // The name is in the toolbar's row (compact card); the history trail there is no card text.
      const shown = m.qa(TEXT).filter((el) => !el.closest('.ml-crumbs'));
      expect(shown.map((el) => el.textContent)).toEqual(lines.map((l) => l.text));
      expect(shown.map((el) => el.getAttribute('title') ?? el.getAttribute('href') ?? null)).toEqual(
        lines.map((l) => l.title ?? l.href ?? null),
      );
      // What maintainers read is these lines, and no source line numbers.
      const printed = formatCard(byId.get(id)!, byId);
      expect(printed).toBe(cardTextToString(lines));
      expect(printed).not.toMatch(/\blines? \d/);
    });
  }

  it('an entry with an official page and an as-of year shows both', async () => {
    const card = cardOf('eupact');
    expect(card.officialUrl).toMatch(/^https:\/\//);
    expect(card.asOf).toBe(2026);
    const m = await rendered(card);
    expect(m.q('.ml-summary .ml-kicker')!.textContent).toBe('Summary · as of 2026');
    const a = m.qa('.ml-actions a').find((x) => x.textContent === 'Official page ↗')!;
    expect(a.getAttribute('href')).toBe(card.officialUrl);
    expect(a.getAttribute('target')).toBe('_blank');
  });

  it('"Copy citation" puts the full reference on the clipboard and says so', async () => {
    const card = cardOf('iom');
    const m = await rendered(card);
    const mandate = card.excerpts.find((x) => x.recordId === card.mandateId)!;
    expect(mandate.ref).toContain('Chapter 7 (IOM), “Mandate”, p. 101 ff.');
    const b = m.qa('[data-testid=ml-mandate] .ml-excerpt button').find((x) => x.textContent === 'Copy citation')!;
    b.click();
    await flush();
    expect(writeText).toHaveBeenLastCalledWith(mandate.ref);
    expect(b.textContent).toBe('Copied');
    const src = m.q('[data-testid=ml-mandate] .ml-excerpt a')!;
    expect(src.textContent).toBe('Open source document ↗');
    expect(src.getAttribute('href')).toBe(DOC_NAMES.get('002')!.url);
  });

  it('on a PDF, "Copy citation" adds the PDF page where the term sits', async () => {
    const card = cardOf('iom');
    const m = mount(view({ state: { status: 'ready', card }, pinned: true, dialog: true, location: 'PDF p. 12' }));
    await flush();
    expect(m.q('[data-testid=ml-card-location]')?.textContent).toBe('In this document: PDF p. 12');
    const mandate = card.excerpts.find((x) => x.recordId === card.mandateId)!;
    const b = m.qa('[data-testid=ml-mandate] .ml-excerpt button').find((x) => x.textContent === 'Copy citation')!;
    b.click();
    await flush();
    expect(writeText).toHaveBeenLastCalledWith(`${mandate.ref} [term on PDF p. 12]`);
  });

  it('a custom entry has no official link unless it is a web address', () => {
    const base = { ...byId.get('eupact')!, custom: true };
    expect(toTermCard({ ...base, officialUrl: 'javascript:alert(1)' }, () => undefined, DOC_NAMES).officialUrl).toBe(
      undefined,
    );
    expect(toTermCard(base, () => undefined, DOC_NAMES).officialUrl).toBe(base.officialUrl);
  });
});
