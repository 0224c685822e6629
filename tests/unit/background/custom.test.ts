import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { parseCsv, writeCsv } from '@/lib/custom/csv';
import { exportCustom, parseCustomFile } from '@/lib/custom/io';
import { createBackground, type Background } from '@/lib/background/handler';
import { storage } from 'wxt/utils/storage';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadMatcher } from '@/lib/match/matcher';
import { MATCHER_FORMAT, type CompiledMatcher } from '@/lib/match/types';
import {
  GLOSSARY_VERSION_KEY,
  type CustomSummary,
  type SearchHit,
  type TermCard,
  type TermsReply,
} from '@/lib/messaging/protocol';
import { loader, makePackage, memorySettings } from './fixtures';
import { nth } from '@/tests/unit/helpers/nth';

const fixture = (name: string) => readFileSync(resolve(__dirname, '../../fixtures/custom', name), 'utf8');
const ctx = { builtinIds: new Set(['iom', 'gfmd', 'icao']), existingCustomIds: new Set<string>() };

async function call<T>(b: Background, msg: unknown): Promise<T> {
  const r = await b.handleMessage(msg);
  if (!r.ok) throw new Error(r.error);
  return r.data as T;
}
async function fail(b: Background, msg: unknown): Promise<string> {
  const r = await b.handleMessage(msg);
  if (r.ok) throw new Error(`expected an error reply, got ${JSON.stringify(r.data).slice(0, 200)}`);
  return r.error;
}

describe('RFC 4180 CSV', () => {
  it('parses quoted commas, doubled quotes and newlines, with start lines', () => {
    const rows = parseCsv('a,b\r\n"x, y","he said ""hi""\nnext"\n3,\n');
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'he said "hi"\nnext'] },
      { line: 4, cells: ['3', ''] },
    ]);
  });
  it('reports unterminated quotes and stray quotes with the line', () => {
    expect(() => parseCsv('a\n"open\n')).toThrow(/line 2: quoted field is not closed/);
    expect(() => parseCsv('a,b\nx"y,z\n')).toThrow(/line 2: a quote inside an unquoted field/);
    expect(() => parseCsv('a\n"x"y\n')).toThrow(/line 2: unexpected character "y" after a closing quote/);
  });
  it('writeCsv → parseCsv round-trips awkward values', () => {
    const rows = [
      ['id', 'text'],
      ['a', 'comma, "quote"\r\nline'],
      ['b', ' padded '],
    ];
    expect(parseCsv(writeCsv(rows)).map((r) => r.cells)).toEqual(rows);
  });
});

describe('custom glossary files', () => {
  it('imports the CSV fixture with lists, hints and a multi-line quoted summary', () => {
    const r = parseCustomFile({ text: fixture('good.csv'), filename: 'good.csv' }, ctx);
    if ('errors' in r) throw new Error(JSON.stringify(r.errors));
    expect(r.entries.map((e) => e.id)).toEqual(['my-mmp', 'kafala']);
    expect(r.entries[0]).toMatchObject({
      aliases: ['Mexican Migration Project', 'Proyecto de Migración Mexicana'],
      related: ['iom'],
      hints: { caseSensitive: true, context: ['survey', 'Mexico'] },
      custom: true,
    });
    expect(nth(r.entries, 1).summary).toContain('"kafeel" is the sponsor.\nCommon');
    expect(nth(r.entries, 1).category).toBe('concept');
  });

  it('export → import → export is identical, in both formats', () => {
    const r = parseCustomFile({ text: fixture('good.csv'), format: 'csv' }, ctx);
    if ('errors' in r) throw new Error('fixture should import');
    for (const format of ['json', 'csv'] as const) {
      const once = exportCustom(r.entries, format);
      const back = parseCustomFile({ text: once, format }, ctx);
      if ('errors' in back) throw new Error(JSON.stringify(back.errors));
      expect(exportCustom(back.entries, format)).toBe(once);
      expect(back.entries).toEqual([...r.entries].sort((a, b) => a.id.localeCompare(b.id)));
    }
  });

  it.each([
    ['malformed.json', /line 3.*malformed JSON/],
    ['malformed.csv', /line 3.*malformed CSV: quoted field is not closed/],
    ['missing.csv', /line 2, entry 1, field "summary": is required[\s\S]*line 3, entry 2, field "id": is required/],
    ['duplicate.json', /line 3, entry 2, field "id": duplicate id "dup-term" \(first used at line 2\)/],
    ['clash.csv', /line 2, entry 1, field "id": id "iom" is already used by a built-in glossary entry/],
  ])('%s is rejected with a located error', async (name, re) => {
    const b = await withOne();
    const before = await call<string>(b, { type: 'customExport', format: 'json' }).then(JSON.stringify);
    const err = await fail(b, { type: 'customImport', text: fixture(name), filename: name });
    expect(err).toMatch(/^import failed, nothing was changed/);
    expect(err).toMatch(re);
    expect(JSON.stringify(await call(b, { type: 'customExport', format: 'json' }))).toBe(before);
    expect((await call<CustomSummary[]>(b, { type: 'customList' })).map((e) => e.id)).toEqual(['my-mmp']);
  });

  it('a 10 MB file gets a clear size error and changes nothing', async () => {
    const b = await withOne();
    const big = '[' + '"x",'.repeat(2_621_440) + '"x"]';
    const err = await fail(b, { type: 'customImport', text: big, filename: 'big.json' });
    expect(err).toMatch(/the file is 10\.0 MB; the maximum is 2 MB/);
    expect((await call<CustomSummary[]>(b, { type: 'customList' })).length).toBe(1);
  });

  it('rejects unknown fields, regex patterns, control characters and unknown related ids', () => {
    const bad = JSON.stringify(
      [
        { id: 'one-term', label: 'OT', summary: 's', colour: 'red' },
        { id: 'two-term', label: 'TT', summary: 's', hints: { patterns: ['(a+)+$'] } },
        { id: 'three-term', label: 'TH', summary: 'bell\u0007' },
        { id: 'four-term', label: 'FT', summary: 's', related: ['nowhere'] },
      ],
      null,
      1,
    );
    const r = parseCustomFile({ text: bad }, ctx);
    expect('errors' in r && r.errors.map((e) => `${e.entry}:${e.field}`)).toEqual([
      '1:colour',
      '2:hints.patterns',
      '3:summary',
      '4:related',
    ]);
  });
});

async function withOne(): Promise<Background> {
  const b = createBackground({
    idb: new IDBFactory(),
    loadPackage: loader(makePackage()).load,
    storage: memorySettings(),
  });
  await call(b, { type: 'customImport', text: fixture('good.json'), filename: 'good.json' });
  return b;
}

describe('custom glossary through the background', () => {
  it('stores HTML/script text verbatim as text and returns it unchanged', async () => {
    const b = await withOne();
    await call(b, { type: 'customImport', text: fixture('html.json') });
    const card = await call<TermCard>(b, { type: 'lookup', termId: 'xss-test' });
    expect(card.label).toBe('<img src=x onerror=alert(1)>');
    expect(card.expansion).toBe("<script>alert('x')</script>");
    expect(card.summary).toBe('<b>bold</b> & <a href="javascript:alert(1)">link</a>');
    expect(card.custom).toBe(true);
  });

  it('custom entries are searchable, flagged, persisted, and reach the terms reply', async () => {
    const idb = new IDBFactory();
    let compiledWith: string[] = [];
    const opts = {
      idb,
      loadPackage: loader(makePackage()).load,
      storage: memorySettings(),
      compile: (es: { id: string }[]) => {
        compiledWith = es.map((e) => e.id);
        return { compiled: es.length } as unknown as CompiledMatcher;
      },
    };
    const b = createBackground(opts);
    const before = await call<TermsReply>(b, { type: 'terms' });
    expect(before.matcher).toEqual({ v: MATCHER_FORMAT, kind: 'fixture-matcher', tag: 'v1' });
    const imp = await call<{ added: number; persisted: boolean }>(b, {
      type: 'customImport',
      text: fixture('good.csv'),
      filename: 'x.csv',
    });
    expect(imp).toMatchObject({ added: 2, persisted: true });
    const hits = await call<SearchHit[]>(b, { type: 'search', query: 'kafala' });
    expect(hits[0]).toMatchObject({ id: 'kafala', kind: 'custom', cite: 'Custom glossary' });
    const onlyCustom = await call<SearchHit[]>(b, { type: 'search', query: 'migration', filters: { kind: 'custom' } });
    expect(onlyCustom.length).toBeGreaterThan(0);
    expect(onlyCustom.every((h) => h.kind === 'custom')).toBe(true);
    const after = await call<TermsReply>(b, { type: 'terms' });
    expect(after.matcher).toEqual({ compiled: 5 });
    expect(compiledWith).toEqual(expect.arrayContaining(['iom', 'my-mmp', 'kafala']));
    expect(after.version).not.toBe(before.version);
    await b.close();
    // A new worker sees the persisted entries.
    const b2 = createBackground({
      ...opts,
      loadPackage: async () => {
        throw new Error('not needed');
      },
    });
    expect((await call<TermCard>(b2, { type: 'lookup', termId: 'kafala' })).related).toEqual([
      { id: 'my-mmp', label: 'MMP' },
    ]);
  });

  it('without an injected compiler the custom entries are compiled into the matcher (lib/match)', async () => {
    const b = await withOne();
    const t = await call<TermsReply>(b, { type: 'terms' });
    expect(t.matcher.ids).toEqual(expect.arrayContaining(['iom', 'my-mmp']));
    const found = loadMatcher(t.matcher)
      .find('Data from the Mexican Migration Project (MMP).')
      .map((m) => m.id);
    expect(found).toContain('my-mmp');
  });

  it('publishes the terms version after an import or a delete (open tabs refetch), not after a failure', async () => {
    const published: string[] = [];
    const b = createBackground({
      idb: new IDBFactory(),
      loadPackage: loader(makePackage()).load,
      storage: memorySettings(),
      publishVersion: async (v) => {
        published.push(v);
      },
    });
    const before = (await call<TermsReply>(b, { type: 'terms' })).version;
    await call(b, { type: 'customImport', text: fixture('good.json'), filename: 'good.json' });
    const after = (await call<TermsReply>(b, { type: 'terms' })).version;
    expect(after).not.toBe(before);
    expect(published).toEqual([after]);
    await fail(b, { type: 'customImport', text: fixture('malformed.csv'), filename: 'malformed.csv' });
    expect(published).toEqual([after]);
    await call(b, { type: 'customDelete', ids: ['my-mmp'] });
    expect(published).toEqual([after, before]);
    expect((await call<TermsReply>(b, { type: 'terms' })).version).toBe(before);
  });

  it('the published version reaches storage.local, where content scripts watch it', async () => {
    fakeBrowser.reset();
    const b = await withOne();
    const t = await call<TermsReply>(b, { type: 'terms' });
    expect(await storage.getItem<string>(GLOSSARY_VERSION_KEY)).toBe(t.version);
  });

  it('delete refuses unknown ids and dangling references, then deletes', async () => {
    const b = createBackground({
      idb: new IDBFactory(),
      loadPackage: loader(makePackage()).load,
      storage: memorySettings(),
    });
    await call(b, { type: 'customImport', text: fixture('good.csv') });
    expect(await fail(b, { type: 'customDelete', ids: ['nope'] })).toMatch(/no custom entry with id "nope"/);
    expect(await fail(b, { type: 'customDelete', ids: ['my-mmp'] })).toMatch(/referenced in "related" by "kafala"/);
    expect(await call(b, { type: 'customDelete', ids: ['my-mmp', 'kafala'] })).toEqual({ deleted: 2 });
    expect(await call(b, { type: 'customList' })).toEqual([]);
    expect(await call(b, { type: 'lookup', termId: 'kafala' })).toBeNull();
  });

  it('replace mode swaps the whole custom glossary; in memory mode imports are not persisted', async () => {
    const b = createBackground({ idb: null, loadPackage: loader(makePackage()).load, storage: memorySettings() });
    await call(b, { type: 'customImport', text: fixture('good.csv') });
    const r = await call<{ total: number; persisted: boolean }>(b, {
      type: 'customImport',
      text: fixture('html.json'),
      mode: 'replace',
    });
    expect(r).toMatchObject({ total: 1, persisted: false });
    expect((await call<CustomSummary[]>(b, { type: 'customList' })).map((e) => e.id)).toEqual(['xss-test']);
  });
});
