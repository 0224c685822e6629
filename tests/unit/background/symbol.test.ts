import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createBackground } from '@/lib/background/handler';
import { decodeSymbol, symbolCard } from '@/lib/background/symbol';
import { isGlossaryId, isSymbolId, isTermId } from '@/lib/glossary/id';
import type { GlossaryEntry } from '@/lib/glossary/types';
import { compileMatcher } from '@/lib/match/compile';
import { parseRequest, type TermCard } from '@/lib/messaging/protocol';
import { parseSettingsOp } from '@/lib/settings/ops';
import { validateSettingsPatch } from '@/lib/settings/schema';
import { glossary, loader, makePackage, memorySettings } from './fixtures';

describe('symbol ids', () => {
  it.each([
    'sym:A/RES/65/170',
    'sym:A/HRC/38/41/Add.1',
    'sym:A/CONF.231/L.1',
    'sym:S/RES/2240(2015)',
    'sym:E/CN.4/RES/2005/47',
    'sym:RES/16/9',
    'sym:A/72/173/Corr.1',
  ])('accepts %s, as a term id but not a glossary id', (id) => {
    expect(isSymbolId(id)).toBe(true);
    expect(isTermId(id)).toBe(true);
    expect(isGlossaryId(id)).toBe(false);
  });

  it.each([
    'sym:',
    'sym:A',
    'A/RES/65/170',
    'sym:a/res/65/170',
    'sym:A/RES/65/170 ',
    'sym:A/RES/65/170/../x',
    'sym:A//170',
    'sym:A/RES/65/170/ADD.1',
    'sym:S/RES/2240 (2015)',
    'sym:<img src=x>',
    'sym:A/1/2/3/4/5/6/7/8/9',
    'SYM:A/RES/65/170',
    42,
    null,
  ])('rejects %j', (id) => {
    expect(isSymbolId(id)).toBe(false);
    expect(isTermId(id)).toBe(false);
  });

  it('glossary ids stay term ids', () => {
    expect(isTermId('gfmd')).toBe(true);
    expect(isSymbolId('gfmd')).toBe(false);
  });

  it('lookup takes glossary and symbol ids, nothing else', () => {
    expect(parseRequest({ type: 'lookup', termId: 'sym:A/RES/65/170' })).toEqual({
      req: { type: 'lookup', termId: 'sym:A/RES/65/170' },
    });
    expect(parseRequest({ type: 'lookup', termId: 'iom' })).toEqual({ req: { type: 'lookup', termId: 'iom' } });
    for (const termId of ['sym:a/res/1', 'IOM', 'A/RES/65/170', 'sym:A/RES/65/170\u0000'])
      expect(parseRequest({ type: 'lookup', termId })).toEqual({
        error: 'lookup: termId must be a glossary id or a document-symbol id',
      });
  });

  it('a symbol can be a known term', () => {
    expect(parseSettingsOp({ op: 'knowTerm', termId: 'sym:A/72/173' })).toEqual({
      op: { op: 'knowTerm', termId: 'sym:A/72/173' },
    });
    expect(validateSettingsPatch({ knownTerms: ['sym:A/72/173', 'iom'] })).toEqual({
      patch: { knownTerms: ['sym:A/72/173', 'iom'] },
    });
    expect('error' in parseSettingsOp({ op: 'knowTerm', termId: 'sym:not a symbol' })).toBe(true);
  });
});

describe('decodeSymbol', () => {
  it.each([
    ['A/RES/65/170', 'General Assembly', 'resolution', 'General Assembly resolution, 65th session, No. 170'],
    ['A/72/173', 'General Assembly', 'document', 'General Assembly document, 72nd session, No. 173'],
    ['A/73/L.66', 'General Assembly', 'draft', 'General Assembly draft (limited distribution), 73rd session, No. 66'],
    [
      'A/HRC/38/41/Add.1',
      'Human Rights Council',
      'addendum',
      'Human Rights Council document, 38th session, No. 41 — addendum 1',
    ],
    [
      'A/HRC/38/41/Rev.1',
      'Human Rights Council',
      'revision',
      'Human Rights Council document, 38th session, No. 41 — revision 1',
    ],
    [
      'A/72/173/Corr.2',
      'General Assembly',
      'corrigendum',
      'General Assembly document, 72nd session, No. 173 — corrigendum 2',
    ],
    ['A/HRC/RES/34/21', 'Human Rights Council', 'resolution', 'Human Rights Council resolution, 34th session, No. 21'],
    [
      'E/CN.4/RES/2005/47',
      'Commission on Human Rights',
      'resolution',
      'Commission on Human Rights resolution, 2005, No. 47',
    ],
    ['S/RES/2240(2015)', 'Security Council', 'resolution', 'Security Council resolution, No. 2240, adopted in 2015'],
    [
      'S/PRST/2015/3',
      'Security Council',
      'presidential statement',
      'Security Council presidential statement, 2015, No. 3',
    ],
    ['E/2010/89', 'Economic and Social Council', 'document', 'Economic and Social Council document, 2010, No. 89'],
    [
      'E/CN.9/2013/3',
      'ECOSOC functional commission (E/CN.9)',
      'document',
      'ECOSOC functional commission (E/CN.9) document, 2013, No. 3',
    ],
    [
      'A/CONF.231/3',
      'United Nations conference (A/CONF.231)',
      'conference document',
      'United Nations conference (A/CONF.231) document, No. 3',
    ],
    [
      'A/CONF.231/L.1',
      'United Nations conference (A/CONF.231)',
      'draft',
      'United Nations conference (A/CONF.231) draft (limited distribution), No. 1',
    ],
    [
      'A/C.3/66/L.18',
      'General Assembly, Third Committee',
      'draft',
      'General Assembly, Third Committee draft (limited distribution), 66th session, No. 18',
    ],
    ['RES/16/9', null, 'resolution', 'Resolution 16/9, organ not stated'],
  ])('%s', (symbol, organ, kind, description) => {
    const d = decodeSymbol(symbol);
    expect(d.organ).toBe(organ);
    expect(d.kind).toBe(kind);
    expect(d.description).toBe(description);
  });

  it('session, year and number fields', () => {
    expect(decodeSymbol('A/RES/65/170')).toMatchObject({ session: 65, number: '170' });
    expect(decodeSymbol('S/RES/2240(2015)')).toMatchObject({ year: 2015, number: '2240' });
    expect(decodeSymbol('E/2010/89')).toMatchObject({ year: 2010, number: '89' });
  });

  it('links the Official Document System, or a search when the organ is unknown', () => {
    expect(decodeSymbol('A/HRC/38/41/Add.1')).toMatchObject({
      url: 'https://docs.un.org/en/A/HRC/38/41/Add.1',
      official: true,
    });
    expect(decodeSymbol('S/RES/2240(2015)').url).toBe('https://docs.un.org/en/S/RES/2240(2015)');
    expect(decodeSymbol('RES/16/9')).toMatchObject({
      url: 'https://digitallibrary.un.org/search?ln=en&p=resolution%2016%2F9',
      official: false,
    });
  });
});

/** The fixture glossary plus two document entries, with a matcher really compiled from them. */
function docPackage() {
  const entries: GlossaryEntry[] = [
    ...glossary(),
    {
      id: 'res73195',
      label: 'Global Compact for Migration',
      expansion: 'Global Compact for Safe, Orderly and Regular Migration',
      aliases: ['A/RES/73/195'],
      category: 'instrument',
      summary: 'Our summary.',
      related: [],
      excerpts: [],
    },
    {
      id: 'sr-report-2018',
      label: 'A/HRC/38/41',
      expansion: 'Report of the Special Rapporteur on the human rights of migrants (2018)',
      category: 'document',
      summary: 'Our summary.',
      related: [],
      excerpts: [],
    },
  ];
  return { ...makePackage(), glossary: entries, matcher: compileMatcher(entries) };
}

const mk = () =>
  createBackground({ idb: new IDBFactory(), loadPackage: loader(docPackage()).load, storage: memorySettings() });

async function lookup(termId: string): Promise<TermCard | null> {
  const r = await mk().handleMessage({ type: 'lookup', termId });
  if (!r.ok) throw new Error(r.error);
  return r.data as TermCard | null;
}

describe('background lookup of a symbol id', () => {
  it('decodes an unknown symbol into a card with the UN document link', async () => {
    const card = await lookup('sym:A/RES/65/170');
    expect(card).toMatchObject({
      id: 'sym:A/RES/65/170',
      label: 'A/RES/65/170',
      expansion: 'General Assembly resolution, 65th session, No. 170',
      category: 'document',
      excerpts: [],
      related: [],
      officialUrl: 'https://docs.un.org/en/A/RES/65/170',
      linkLabel: 'Open on the UN Official Document System ↗',
    });
    expect(card?.summary).toMatch(/not in the Migration Lens glossary/);
  });

  it('shows the glossary title when the glossary knows the document', async () => {
    const card = await lookup('sym:A/RES/73/195');
    expect(card?.summary).toBe('Title: Global Compact for Safe, Orderly and Regular Migration.');
    expect(card?.related).toEqual([{ id: 'res73195', label: 'Global Compact for Migration' }]);
    expect(card?.officialUrl).toBe('https://docs.un.org/en/A/RES/73/195');
  });

  it('an addendum points to the report it belongs to', async () => {
    const card = await lookup('sym:A/HRC/38/41/Add.1');
    expect(card?.expansion).toBe('Human Rights Council document, 38th session, No. 41 — addendum 1');
    expect(card?.summary).toMatch(/^Part of Report of the Special Rapporteur/);
    expect(card?.related).toEqual([{ id: 'sr-report-2018', label: 'A/HRC/38/41' }]);
  });

  it('a resolution without its organ links a search', async () => {
    const card = await lookup('sym:RES/16/9');
    expect(card).toMatchObject({
      label: 'resolution 16/9',
      expansion: 'Resolution 16/9, organ not stated',
      linkLabel: 'Search the UN Digital Library ↗',
    });
    expect(card?.officialUrl).toMatch(/^https:\/\/digitallibrary\.un\.org\/search\?/);
  });

  it('glossary ids still get their entry card, unknown ones null', async () => {
    expect((await lookup('res73195'))?.label).toBe('Global Compact for Migration');
    expect(await lookup('no-such-entry')).toBeNull();
  });

  it('works with a matcher that has no families', () => {
    const card = symbolCard('sym:A/72/173', { fam: undefined } as never, () => undefined);
    expect(card?.expansion).toBe('General Assembly document, 72nd session, No. 173');
    expect(symbolCard('iom', { fam: [] } as never, () => undefined)).toBeNull();
  });
});
