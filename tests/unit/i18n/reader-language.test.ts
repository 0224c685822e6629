/**
 * Cards in the reader's language: the language of the form met on the page decides whether the card
 * shows the entry's French or Spanish names and summary (lib/background/reader-language.ts), and the
 * card renders them next to the English label, marking an English summary as such.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { languageOfSurface, withReaderLanguage } from '@/lib/background/reader-language';
import { toTermCard } from '@/lib/background/lookup';
import { parseRequest, type TermCard } from '@/lib/messaging/protocol';
import { setMessageTable } from '@/lib/i18n/t';
import { cardTable } from '@/lib/i18n/catalogues';
import { mount, view } from '../components/card/helpers';
import { IOM, REMIT, UNHCR } from './entries';

const card = (e: typeof IOM, how: { surface?: string; lang?: string }): TermCard =>
  withReaderLanguage(
    toTermCard(e, () => undefined, new Map()),
    e,
    how,
  );

afterEach(() => {
  setMessageTable(null);
  for (const el of Array.from(document.body.children)) {
    render(null, el);
    el.remove();
  }
});

describe('the language a term was met in', () => {
  it('is French or Spanish when the page used that name, with elision, contraction, case and accents', () => {
    expect(languageOfSurface(IOM, 'Organisation internationale pour les migrations')).toBe('fr');
    expect(languageOfSurface(IOM, 'organización internacional para las migraciones')).toBe('es');
    expect(languageOfSurface(UNHCR, 'HCR')).toBe('fr');
    expect(languageOfSurface(UNHCR, 'del ACNUR')).toBe('es');
    expect(languageOfSurface(UNHCR, 'Haut-Commissariat des Nations Unies pour les refugies')).toBe('fr');
    expect(languageOfSurface(UNHCR, 'l’HCR')).toBe('fr');
  });

  it('is none for an English form, or for an entry without names in other languages', () => {
    expect(languageOfSurface(IOM, 'IOM')).toBeNull();
    expect(languageOfSurface(IOM, 'International Organization for Migration')).toBeNull();
    expect(languageOfSurface(REMIT, 'remittances')).toBeNull();
    // "OIM" is both French and Spanish: the first language that has it, French.
    expect(languageOfSurface(IOM, 'OIM')).toBe('fr');
  });

  it('follows the matcher’s language tag when it gives one, an English tag included', () => {
    expect(card(IOM, { surface: 'OIM', lang: 'es' }).local?.lang).toBe('es');
    expect(card(IOM, { surface: 'OIM', lang: 'en' }).local).toBeUndefined();
  });
});

describe('the card in the reader’s language', () => {
  it('carries the French names and our French summary, English names unchanged', () => {
    const c = card(IOM, { surface: 'l’OIM' });
    expect(c.local).toEqual({
      lang: 'fr',
      label: 'OIM',
      expansion: 'Organisation internationale pour les migrations',
      summary: IOM.fr!.summary,
    });
    expect(c.label).toBe('IOM');
    expect(c.summary).toBe(IOM.summary);
  });

  it('shows the local name next to the English label; the summary in that language', () => {
    const m = mount(view({ state: { status: 'ready', card: card(IOM, { surface: 'OIM' }) } }));
    const q = (s: string) => m.q(s);
    expect(q('.ml-label')?.textContent).toBe('IOM');
    expect(q('[data-testid=ml-local-label]')?.textContent).toBe('OIM');
    expect(q('[data-testid=ml-local-label]')?.getAttribute('lang')).toBe('fr');
    expect(q('[data-testid=ml-local-expansion]')?.textContent).toBe('Organisation internationale pour les migrations');
    expect(q('[data-testid=ml-summary]')?.getAttribute('lang')).toBe('fr');
    expect(q('[data-testid=ml-summary]')?.textContent).toContain('L’agence des Nations Unies');
    expect(q('.ml-kicker')?.textContent).toBe('Summary');
  });

  it('marks the English summary "in English" (in the interface language) when no local one exists', () => {
    const c = card(IOM, { surface: 'Organización Internacional para las Migraciones' });
    expect(c.local?.summary).toBeUndefined();
    const m = mount(view({ state: { status: 'ready', card: c } }));
    expect(m.q('.ml-kicker')?.textContent).toBe('Summary · in English');
    expect(m.q('[data-testid=ml-summary]')?.getAttribute('lang')).toBe('en');

    setMessageTable(cardTable('fr'));
    const m2 = mount(view({ state: { status: 'ready', card: c } }));
    expect(m2.q('.ml-kicker')?.textContent).toBe('Résumé · en anglais');
    expect(m2.q('.ml-category')?.textContent).toBe('Institution');
    expect(m2.q('[data-testid=ml-pin]')?.textContent).toBe('Épingler');
  });

  it('an English sighting shows the plain English card', () => {
    const m = mount(view({ state: { status: 'ready', card: card(IOM, { surface: 'IOM' }) } }));
    expect(m.q('[data-testid=ml-local-label]')).toBeNull();
    expect(m.q('.ml-kicker')?.textContent).toBe('Summary');
  });

  it('lookup requests carry the surface and language tag, validated', () => {
    expect(parseRequest({ type: 'lookup', termId: 'iom', surface: 'l’OIM', lang: 'fr' })).toEqual({
      req: { type: 'lookup', termId: 'iom', surface: 'l’OIM', lang: 'fr' },
    });
    expect(parseRequest({ type: 'lookup', termId: 'iom', surface: 'x'.repeat(301) })).toHaveProperty('error');
    expect(parseRequest({ type: 'uiStrings', lang: 'de' })).toHaveProperty('error');
    expect(parseRequest({ type: 'uiStrings', lang: 'es' })).toEqual({ req: { type: 'uiStrings', lang: 'es' } });
  });
});
