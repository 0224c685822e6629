/**
 * Which language a card speaks when the form met on the page does not settle it alone: a name French
 * and Spanish spell alike ("OIM") follows the language of the text around it, taken from the nearest
 * `lang` or guessed from the block (lib/content/reader-hint.ts); an English form stays English even on
 * a French page, because the matched form decides (lib/background/reader-language.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { languageOfSurface, withReaderLanguage } from '@/lib/background/reader-language';
import { toTermCard } from '@/lib/background/lookup';
import { parseRequest } from '@/lib/messaging/protocol';
import { readerHint, textLanguage } from '@/lib/content/reader-hint';
import type { TextMatch } from '@/lib/scan/hittest';
import { IOM, UNHCR } from './entries';

const card = (how: { surface?: string; lang?: string; pageLang?: string }) =>
  withReaderLanguage(
    toTermCard(IOM, () => undefined, new Map()),
    IOM,
    how,
  );

/** A match over `word` in the first text node of `el` that contains it. */
function matchIn(el: Element, word: string): TextMatch {
  const tw = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = tw.nextNode() as Text | null; n; n = tw.nextNode() as Text | null) {
    const i = n.data.indexOf(word);
    if (i < 0) continue;
    const end = i + word.length;
    const range = new StaticRange({ startContainer: n, startOffset: i, endContainer: n, endOffset: end });
    return { termId: 'iom', startNode: n, startOffset: i, endNode: n, endOffset: end, nodes: [n], range, ord: 0 };
  }
  throw new Error(`no ${word}`);
}

function page(html: string, docLang?: string): HTMLElement {
  if (docLang) document.documentElement.lang = docLang;
  const div = document.createElement('div');
  div.innerHTML = html;
  document.body.append(div);
  return div;
}

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute('lang');
});

describe('a name French and Spanish spell alike', () => {
  it('is Spanish in Spanish text and French in French text', () => {
    expect(languageOfSurface(IOM, 'la OIM', 'es')).toBe('es');
    expect(languageOfSurface(IOM, 'OIM', 'es-MX')).toBe('es');
    expect(languageOfSurface(IOM, 'l’OIM', 'fr')).toBe('fr');
    // Text of no known language: the first that has it.
    expect(languageOfSurface(IOM, 'OIM', 'de')).toBe('fr');
    expect(card({ surface: 'OIM', pageLang: 'es' }).local).toEqual({
      lang: 'es',
      label: 'OIM',
      expansion: 'Organización Internacional para las Migraciones',
    });
  });

  it('a name only one language has keeps that language whatever the text around it', () => {
    expect(languageOfSurface(UNHCR, 'HCR', 'es')).toBe('fr');
    expect(languageOfSurface(UNHCR, 'ACNUR', 'fr')).toBe('es');
  });

  it('an English form on a French page gives the English card: the matched form decides', () => {
    expect(languageOfSurface(IOM, 'IOM', 'fr')).toBeNull();
    expect(card({ surface: 'International Organization for Migration', pageLang: 'fr' }).local).toBeUndefined();
  });

  it('a lookup may carry the text language, validated like the tag', () => {
    expect(parseRequest({ type: 'lookup', termId: 'iom', surface: 'OIM', pageLang: 'es' })).toEqual({
      req: { type: 'lookup', termId: 'iom', surface: 'OIM', pageLang: 'es' },
    });
    expect(parseRequest({ type: 'lookup', termId: 'iom', pageLang: 7 })).toHaveProperty('error');
  });
});

describe('the language of the text around a match', () => {
  it('is the nearest lang attribute, the element’s before the document’s', () => {
    const root = page('<p>La OIM publicó <span lang="fr-CA">l’OIM</span> hoy.</p>', 'es');
    expect(textLanguage(matchIn(root, 'La OIM'))).toBe('es');
    expect(textLanguage(matchIn(root, 'l’OIM'))).toBe('fr');
    expect(readerHint(matchIn(root, 'l’OIM'))).toEqual({ surface: 'l’OIM', pageLang: 'fr' });
  });

  it('without one, a guess from the block’s function words, or nothing for a bare name', () => {
    const root = page(
      '<p>Los datos de la OIM y los informes del año pasado se publicaron para las delegaciones.</p>' +
        '<p>Les données de l’OIM et les rapports sont publiés pour les délégations dans la région.</p>' +
        '<ul><li>OIM</li></ul>',
    );
    expect(textLanguage(matchIn(root, 'la OIM'))).toBe('es');
    expect(textLanguage(matchIn(root, 'l’OIM'))).toBe('fr');
    expect(textLanguage(matchIn(root.querySelector('li')!, 'OIM'))).toBeUndefined();
  });
});
