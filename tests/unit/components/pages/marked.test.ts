import { describe, expect, it } from 'vitest';
import { h, render } from 'preact';
import { Marked } from '@/components/pages/Marked';
import { applyAppearance } from '@/components/pages/styles';

const html = (text: string, marks?: [number, number][]) => {
  const d = document.createElement('div');
  render(h(Marked, { text, marks }), d);
  return d.innerHTML;
};

describe('Marked', () => {
  it('wraps marked ranges, renders markup in data as text', () => {
    expect(html('reduce remittance costs', [[7, 17]])).toBe('reduce <mark>remittance</mark> costs');
    expect(html('<b>x</b> y', [[9, 10]])).toBe('&lt;b&gt;x&lt;/b&gt; <mark>y</mark>');
  });
  it('tolerates unsorted, overlapping and out-of-range marks', () => {
    expect(
      html('abcdef', [
        [4, 99],
        [0, 2],
        [1, 3],
      ]),
    ).toBe('<mark>ab</mark><mark>c</mark>d<mark>ef</mark>');
    expect(html('abc', [[5, 9]])).toBe('abc');
    expect(html('abc')).toBe('abc');
  });
});

describe('applyAppearance', () => {
  it('sets data-theme / data-text-size only for non-default values', () => {
    const root = document.createElement('html');
    applyAppearance(root, { theme: 'dark', textSize: 'x-large' });
    expect([root.dataset.theme, root.dataset.textSize]).toEqual(['dark', 'x-large']);
    applyAppearance(root, { theme: 'auto', textSize: 'normal' });
    expect([root.dataset.theme, root.dataset.textSize]).toEqual([undefined, undefined]);
  });
});
