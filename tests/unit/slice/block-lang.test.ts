/**
 * Issue #15: the scanner passes each block's declared language (closest `lang`, else the document's) to
 * the matcher, so a French acronym gated by language (lib/match/forms.ts) is found in a French block of
 * an English page and not in an English block of the same page.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { blockLang } from '@/lib/scan/blocks';
import { PageScanner } from '@/lib/scan/page-scanner';
import { frEsMatcher } from '@/tests/unit/match/helpers/fr-es-fixture';
import type { PageContext } from '@/lib/match/types';
import type { Prepared } from '@/lib/match/matcher';

class FakeHighlight extends Set<AbstractRange> {
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

describe('block language', () => {
  beforeEach(() => {
    vi.stubGlobal('Highlight', FakeHighlight);
    vi.stubGlobal('CSS', { escape: (s: string) => s, supports: () => false, highlights: new Map() });
  });
  afterEach(() => {
    document.documentElement.removeAttribute('lang');
    document.body.innerHTML = '';
  });

  it('is the nearest lang attribute, else the document one, else unknown', () => {
    document.body.innerHTML = `<div lang="fr-CA"><p id="a">x</p></div><p id="b">y</p><p id="c" lang="">z</p>`;
    const el = (id: string) => document.getElementById(id)!;
    expect(blockLang(el('a'))).toBe('fr-CA');
    expect(blockLang(el('b'))).toBeUndefined();
    document.documentElement.setAttribute('lang', 'es');
    expect(blockLang(el('b'))).toBe('es');
    expect(blockLang(el('c'))).toBe('es');
  });

  it('gates French acronyms per block in a real scan', async () => {
    document.documentElement.setAttribute('lang', 'en');
    document.body.innerHTML = `<p lang="fr">Contact : le BIT.</p><p>The BIT register of the firm.</p>
      <section lang="es"><p>Oficina: la OIT.</p></section><p>OIT</p>`;
    const m = frEsMatcher();
    const scanner = new PageScanner<PageContext, Prepared>(document, {
      finder: { ...m.blocks, resolve: (p, ctx) => m.blocks.resolve(p, ctx) },
    });
    await scanner.start();
    const found = [...scanner.matches].map(
      (x) => `${x.termId}@${x.startNode.parentElement?.closest('[lang]')?.getAttribute('lang')}`,
    );
    expect(found.sort()).toEqual(['ilo@es', 'ilo@fr']);
    scanner.stop();
  });
});
