/**
 * Text the background writes for the reader follows the reader's language (settings.language, else
 * the browser's): search result kinds and sources, the search facets' section names, document-symbol
 * cards, and custom-glossary import errors, their frame and the problems themselves
 * (lib/background/ui-language.ts). English stays as it was, so each check is made against the English
 * reply too.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createBackground, type Background } from '@/lib/background/handler';
import { importFailure } from '@/lib/background/custom-ops';
import { sayIn } from '@/lib/background/ui-language';
import type { FacetsReply, SearchHit, TermCard } from '@/lib/messaging/protocol';
import type { UiLang } from '@/lib/i18n/lang';
import { loader, makePackage, memorySettings } from './fixtures';

async function reply<T>(b: Background, msg: unknown): Promise<{ ok: boolean; data?: T; error?: string }> {
  return (await b.handleMessage(msg)) as { ok: boolean; data?: T; error?: string };
}

async function background(language: 'auto' | UiLang): Promise<Background> {
  const storage = memorySettings();
  const b = createBackground({ idb: new IDBFactory(), loadPackage: loader(makePackage()).load, storage });
  const r = await reply(b, { type: 'settings', op: 'patch', patch: { language } });
  expect(r.ok, r.error).toBe(true);
  return b;
}

const fixture = (name: string) => readFileSync(resolve(__dirname, '../../fixtures/custom', name), 'utf8');

describe('background text in the reader’s language', () => {
  it('search titles and sources, in French and in English', async () => {
    const hits = async (lang: UiLang, q: string) =>
      (await reply<SearchHit[]>(await background(lang), { type: 'search', query: q })).data ?? [];
    const fr = await hits('fr', 'ICAO standards');
    const en = await hits('en', 'ICAO standards');
    expect(fr.find((h) => h.kind === 'mandate')?.title).toMatch(/^Mandat · ICAO/);
    expect(en.find((h) => h.kind === 'mandate')?.title).toMatch(/^Mandate · ICAO/);
    const esRec = await hits('es', 'border security travel documents');
    expect(esRec.find((h) => h.kind === 'recommendation')?.title).toMatch(/^Recomendación · ICAO/);
    const term = async (lang: UiLang) =>
      (await hits(lang, 'International Organization for Migration')).find((h) => h.kind === 'term')?.cite;
    expect(await term('fr')).toBe('Glossaire de Migration Lens');
    expect(await term('es')).toBe('Glosario de Migration Lens');
    expect(await term('en')).toBe('Migration Lens glossary');
  });

  it('facet section names', async () => {
    const names = async (lang: UiLang) =>
      ((await reply<FacetsReply>(await background(lang), { type: 'facets' })).data?.sections ?? []).map((s) => s.name);
    expect(await names('fr')).toEqual(expect.arrayContaining(['Mandat', 'Recommandations', 'Texte']));
    expect(await names('es')).toEqual(expect.arrayContaining(['Mandato', 'Recomendaciones', 'Texto']));
    expect(await names('en')).toEqual(expect.arrayContaining(['Mandate', 'Recommendations', 'Text']));
  });

  it('document-symbol cards', async () => {
    const card = async (lang: UiLang, id: string) =>
      (await reply<TermCard>(await background(lang), { type: 'lookup', termId: id })).data!;
    const fr = await card('fr', 'sym:A/HRC/38/41');
    expect(fr.summary).toMatch(/^Une cote de document des Nations Unies/);
    expect(fr.linkLabel).toMatch(/^Ouvrir dans le Système de diffusion électronique des documents/);
    expect(fr.noExcerpt).toMatch(/^Reconnu par sa cote/);
    const es = await card('es', 'sym:RES/95/3');
    expect(es.label).toBe('resolución 95/3');
    expect(es.linkLabel).toMatch(/^Buscar en la Biblioteca Digital/);
    expect((await card('en', 'sym:RES/95/3')).label).toBe('resolution 95/3');
  });

  it('custom glossary import errors: heading and locations', async () => {
    const err = async (lang: UiLang) =>
      (await reply(await background(lang), { type: 'customImport', text: fixture('clash.csv'), filename: 'clash.csv' }))
        .error ?? '';
    expect(await err('es')).toMatch(/^la importación falló; no se cambió nada:\nlínea 2, entrada 1, campo «id»: /);
    expect(await err('fr')).toMatch(
      /^échec de l’importation, rien n’a été modifié :\nligne 2, entrée 1, champ « id »: /,
    );
    expect(await err('en')).toMatch(/^import failed, nothing was changed:\nline 2, entry 1, field "id": /);
    // Past 20 problems, the rest is counted in the reader's language, singular or plural.
    const many = Array.from({ length: 22 }, (_, i) => ({ entry: i + 1, message: 'x' }));
    expect(importFailure(many, sayIn('fr')).split('\n').at(-1)).toBe('… et 2 autres problèmes');
    expect(importFailure(many.slice(0, 21), sayIn('es')).split('\n').at(-1)).toBe('… y 1 problema más');
  });

  it('custom glossary import errors: the problems themselves, for a bad CSV and a bad JSON file', async () => {
    // French puts a no-break space inside « » and before : and ; (compared here as plain spaces).
    const err = async (lang: UiLang, name: string) =>
      (
        (await reply(await background(lang), { type: 'customImport', text: fixture(name), filename: name })).error ?? ''
      ).replace(/\u00a0/g, ' ');
    expect(await err('fr', 'missing.csv')).toContain('ligne 2, entrée 1, champ « summary »: est obligatoire');
    expect(await err('fr', 'malformed.csv')).toContain(
      'ligne 3: CSV mal formé : un champ entre guillemets n’est pas refermé avant la fin du fichier',
    );
    expect(await err('fr', 'duplicate.json')).toContain(
      'champ « id »: identifiant « dup-term » en double (première utilisation : ligne 2)',
    );
    expect(await err('es', 'duplicate.json')).toContain('identificador «dup-term» repetido (primer uso: línea 2)');
    expect(await err('en', 'duplicate.json')).toContain('duplicate id "dup-term" (first used at line 2)');
  });
});
