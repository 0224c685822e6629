import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { CATEGORY_NAMES, categoryGroupName, categoryName } from '@/components/categories';
import { CATEGORIES } from '@/lib/glossary/types';
import { toTermCard } from '@/lib/background/lookup';
import { mount, view } from './card/helpers';

afterEach(() => {
  for (const el of Array.from(document.body.children)) {
    render(null, el);
    el.remove();
  }
});

describe('category names', () => {
  it('name every category, once for a term and once for a group', () => {
    expect(Object.keys(CATEGORY_NAMES).sort()).toEqual([...CATEGORIES].sort());
    for (const c of CATEGORIES) {
      expect(categoryName(c)).toMatch(/^[A-Z]/);
      expect(categoryGroupName(c)).toMatch(/^[A-Z]/);
    }
    expect(categoryName('process-forum')).toBe('Process or forum');
    expect(categoryGroupName('process-forum')).toBe('Processes and forums');
    expect(categoryName('un-body')).toBe('UN body');
    expect(categoryGroupName('un-body')).toBe('UN bodies');
  });

  it('show an unknown category as it is, even one named like an Object method', () => {
    expect(categoryName('forum')).toBe('forum');
    expect(categoryGroupName('constructor')).toBe('constructor');
    expect(categoryName('toString')).toBe('toString');
  });

  it('the card names the category of its term in the singular', () => {
    // The background names the category (the content script carries no table of names).
    const card = toTermCard(
      {
        id: 'iom',
        label: 'IOM',
        expansion: 'International Organization for Migration',
        category: 'agency',
        summary: 'S.',
        related: [],
        excerpts: [],
      },
      () => undefined,
      new Map(),
    );
    const m = mount(view({ state: { status: 'ready', card } }));
    expect(m.q('.ml-category')!.textContent).toBe('Agency');
  });
});
