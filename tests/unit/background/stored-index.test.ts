/**
 * Schema 2 storage: records and glossary as JSON-string rows, the compact KB index and the term index built
 * once at install. A woken worker must load (not rebuild) the term index, keep custom entries
 * searchable, survive a bad term row, and upgrade a schema-1 database left by the previous release.
 */
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createBackground, type Background, type BackgroundOptions } from '@/lib/background/handler';
import { DB_NAME, SCHEMA_VERSION } from '@/lib/background/db';
import { defaultIndexAdapter, type IndexAdapter } from '@/lib/background/search-index';
import type { SearchHit, StatusReply } from '@/lib/messaging/protocol';
import { loader, makePackage, memLog, memorySettings, RECORDS } from './fixtures';
import { nth } from '@/tests/unit/helpers/nth';

const bg = (o: Partial<BackgroundOptions> & Pick<BackgroundOptions, 'idb' | 'loadPackage'>): Background =>
  createBackground({ storage: memorySettings(), blockedTimeoutMs: 100, ...o });
const noPackage = async () => {
  throw new Error('package must not be loaded');
};
async function call<T>(b: Background, msg: unknown): Promise<T> {
  const r = await b.handleMessage(msg);
  if (!r.ok) throw new Error(r.error);
  return r.data as T;
}
const search = (b: Background, query: string) => call<SearchHit[]>(b, { type: 'search', query });

/** Counts term-index builds and loads. */
function counting() {
  const n = { create: 0, load: 0 };
  const adapter: IndexAdapter = {
    ...defaultIndexAdapter,
    createTermIndex: (es) => {
      n.create++;
      return defaultIndexAdapter.createTermIndex(es);
    },
    loadTermIndex: (j, extra) => {
      n.load++;
      return defaultIndexAdapter.loadTermIndex(j, extra);
    },
  };
  return { n, adapter };
}

function raw(idb: IDBFactory, version: number, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((res, rej) => {
    const r = idb.open(DB_NAME, version);
    r.onupgradeneeded = () => upgrade?.(r.result);
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(r.error);
  });
}
function put(db: IDBDatabase, store: string, values: [unknown, string?][]): Promise<void> {
  return new Promise((res, rej) => {
    const tx = db.transaction(store, 'readwrite');
    for (const [v, k] of values) tx.objectStore(store).put(v, k);
    tx.oncomplete = () => res();
    tx.onerror = () => rej(tx.error);
  });
}

describe('stored indexes (schema 2)', () => {
  it('a woken worker loads the stored term index instead of rebuilding it', async () => {
    const idb = new IDBFactory();
    await bg({ idb, loadPackage: loader(makePackage()).load }).install();
    const { n, adapter } = counting();
    const b = bg({ idb, loadPackage: noPackage, indexAdapter: adapter });
    expect((await search(b, 'aviation'))[0]).toMatchObject({ id: 'icao', kind: 'term' });
    expect((await search(b, 'remittances')).map((h) => h.id)).toContain('004:para12');
    expect(n).toEqual({ create: 0, load: 1 });
  });

  it('custom entries join the loaded term index, on wake and after an import', async () => {
    const idb = new IDBFactory();
    const b1 = bg({ idb, loadPackage: loader(makePackage()).load });
    await b1.install();
    await call(b1, {
      type: 'customImport',
      filename: 'x.csv',
      text: 'id,label,expansion,category,summary\nkafala,Kafala,Kafala sponsorship system,concept,Sponsorship system tying workers to employers.\n',
    });
    expect((await search(b1, 'sponsorship'))[0]).toMatchObject({ id: 'kafala', kind: 'custom' });
    await b1.close();
    const { n, adapter } = counting();
    const b2 = bg({ idb, loadPackage: noPackage, indexAdapter: adapter });
    expect((await search(b2, 'sponsorship'))[0]).toMatchObject({ id: 'kafala', kind: 'custom' });
    expect((await search(b2, 'aviation'))[0]).toMatchObject({ id: 'icao', kind: 'term' });
    await call(b2, { type: 'customDelete', ids: ['kafala'] });
    expect((await search(b2, 'sponsorship')).some((h) => h.id === 'kafala')).toBe(false);
    expect(n).toEqual({ create: 0, load: 2 });
  });

  it('a corrupt term row costs a rebuild from the entries, not the search', async () => {
    const idb = new IDBFactory();
    await bg({ idb, loadPackage: loader(makePackage()).load }).install();
    const db = await raw(idb, SCHEMA_VERSION);
    await put(db, 'data', [[{ format: 'something else' }, 'terms']]);
    db.close();
    const log = memLog();
    const { n, adapter } = counting();
    const b = bg({ idb, loadPackage: noPackage, indexAdapter: adapter, log: log.log });
    expect((await search(b, 'aviation'))[0]).toMatchObject({ id: 'icao', kind: 'term' });
    expect(log.has('db.corrupt-terms')).toBe(true);
    expect(n.create).toBe(1);
  });

  it('a corrupt KB index row is rebuilt from the package', async () => {
    const idb = new IDBFactory();
    await bg({ idb, loadPackage: loader(makePackage()).load }).install();
    const db = await raw(idb, SCHEMA_VERSION);
    await put(db, 'data', [[{ format: 'ml-index-1' }, 'index']]);
    db.close();
    const log = memLog();
    const l = loader(makePackage());
    expect(nth(await search(bg({ idb, loadPackage: l.load, log: log.log }), 'remittances'), 0).id).toBe('004:para12');
    expect(log.has('db.corrupt-index')).toBe(true);
    expect(l.calls).toBe(1);
    expect(nth(await search(bg({ idb, loadPackage: noPackage }), 'remittances'), 0).id).toBe('004:para12');
  });

  it('upgrades a schema-1 database of the previous release (same content hash), keeping custom entries', async () => {
    expect(SCHEMA_VERSION).toBeGreaterThan(1);
    const idb = new IDBFactory();
    const pkg = makePackage();
    // The layout release 1 wrote: one row per record/entry, MiniSearch.toJSON() string, meta schema 1.
    const old = await raw(idb, 1, (db) => {
      for (const s of ['records', 'glossary', 'custom']) db.createObjectStore(s, { keyPath: 'id' });
      for (const s of ['meta', 'index']) db.createObjectStore(s);
    });
    await put(
      old,
      'records',
      RECORDS.map((r) => [r]),
    );
    await put(
      old,
      'glossary',
      pkg.glossary.map((g) => [g]),
    );
    await put(old, 'index', [[JSON.stringify(defaultIndexAdapter.createIndex(RECORDS)), 'main']]);
    await put(old, 'meta', [
      [
        {
          schema: 1,
          hash: pkg.bundle.hash,
          bundleVersion: 1,
          documents: pkg.bundle.documents,
          acronyms: [],
          matcher: pkg.matcher,
          installedAt: 1,
        },
        'package',
      ],
    ]);
    await put(old, 'custom', [
      [
        {
          id: 'my-term',
          label: 'MYT',
          expansion: 'My term',
          category: 'other',
          summary: 'Mine.',
          related: [],
          excerpts: [],
          custom: true,
        },
      ],
    ]);
    old.close();

    const log = memLog();
    const l = loader(pkg);
    const b = bg({ idb, loadPackage: l.load, log: log.log });
    expect(nth(await search(b, 'remittances'), 0).id).toBe('004:para12');
    expect(log.lines.find((x) => x.event === 'db.schema-upgrade')?.detail).toEqual({ from: 1, to: SCHEMA_VERSION });
    expect(l.calls).toBe(1);
    expect(await call<StatusReply>(b, { type: 'status' })).toMatchObject({ mode: 'idb', custom: 1 });
    await b.close();
    const woken = bg({ idb, loadPackage: noPackage });
    expect((await search(woken, 'Mine'))[0]).toMatchObject({ id: 'my-term', kind: 'custom' });
    expect(nth(await search(woken, 'Stockholm'), 0).id).toBe('000:p3');
  });
});
