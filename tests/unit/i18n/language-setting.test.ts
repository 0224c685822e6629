/**
 * The language setting: stored and validated like every setting, resolved against the browser's
 * language, chosen in the options (in its own words), and the pages' plurals per language.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { h } from 'preact';
import { Options } from '@/components/pages/Options';
import { tableFor } from '@/lib/i18n/catalogues';
import { pluralForm, resolveLang, uiLangOf } from '@/lib/i18n/lang';
import { setMessageTable, t, tp } from '@/lib/i18n/t';
import { applySettingsOp, parseSettingsOp } from '@/lib/settings/ops';
import { defaultSettings, normaliseSettings, validateSettingsPatch } from '@/lib/settings/schema';
import { $, $$, choose, fakeApi, mount, text, unmount } from '../components/pages/fake';

let el: HTMLElement | null = null;
afterEach(() => {
  if (el) unmount(el);
  el = null;
  setMessageTable(null, true);
});

describe('the language setting', () => {
  it('defaults to the browser, accepts en/fr/es only, and repairs a bad stored value', () => {
    expect(defaultSettings().language).toBe('auto');
    expect(validateSettingsPatch({ language: 'es' })).toEqual({ patch: { language: 'es' } });
    expect(validateSettingsPatch({ language: 'de' })).toHaveProperty('error');
    expect(normaliseSettings({ language: 42 }).language).toBe('auto');
    const op = parseSettingsOp({ op: 'patch', patch: { language: 'fr' } });
    expect('op' in op && applySettingsOp(defaultSettings(), op.op).language).toBe('fr');
  });

  it('follows the browser unless chosen; languages without messages fall back to English', () => {
    expect(uiLangOf('fr-CA')).toBe('fr');
    expect(uiLangOf('es_419')).toBe('es');
    expect(uiLangOf('de-DE')).toBe('en');
    expect(resolveLang('auto', 'es-MX')).toBe('es');
    expect(resolveLang('fr', 'es-MX')).toBe('fr');
  });

  it('plurals follow each language: French says "0 résultat", English "0 results"', () => {
    expect(pluralForm('fr', 0)).toBe('one');
    expect(pluralForm('en', 0)).toBe('other');
    setMessageTable(tableFor('fr'), true);
    expect(tp('search_results', 0)).toBe('0 résultat');
    expect(tp('search_results', 3)).toBe('3 résultats');
    expect(tp('card_recsShow', 1)).toBe('Afficher sa recommandation (2013)');
    setMessageTable(tableFor('en'), true);
    expect(tp('search_results', 0)).toBe('0 results');
    expect(t('card_backTo', 'GFMD')).toBe('Back to GFMD');
  });

  it('a page table is not replaced by the card-only table the content app installs', () => {
    setMessageTable(tableFor('es'), true);
    setMessageTable({ card_pin: 'Épingler' });
    expect(t('card_pin')).toBe('Fijar');
    expect(t('popup_demo')).toBe('Abrir la página de demostración');
  });
});

describe('the options page in French', () => {
  it('shows French text, names each language in its own words, and saves the choice', async () => {
    setMessageTable(tableFor('fr'), true);
    const f = fakeApi({
      handlers: {
        settings: (r) => {
          if (r.op === 'get') return f.settings;
          const v = parseSettingsOp(r);
          if ('error' in v) throw new Error(v.error);
          return (f.settings = applySettingsOp(f.settings, v.op));
        },
        customList: () => [],
      },
    });
    el = mount(h(Options, { api: f.api }));
    await new Promise((r) => setTimeout(r, 50));
    expect(text($(el, 'h1'))).toBe('Options de Migration Lens');
    const select = $(el, '#ml-language') as HTMLSelectElement;
    expect($$(select, 'option').map((o) => [o.getAttribute('value'), text(o)])).toEqual([
      ['auto', 'Suivre le navigateur'],
      ['en', 'English'],
      ['fr', 'Français'],
      ['es', 'Español'],
    ]);
    expect($(select, 'option[value=es]')?.getAttribute('lang')).toBe('es');
    choose(select, 'es');
    await new Promise((r) => setTimeout(r, 50));
    expect(f.settings.language).toBe('es');
    expect(text($(el, '[data-testid=ml-save-status]'))).toBe('Enregistré.');
  });
});
