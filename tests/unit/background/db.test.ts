import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createBackground, type Background, type BackgroundOptions } from '@/lib/background/handler';
import { DB_NAME, SCHEMA_VERSION } from '@/lib/background/db';
import { defaultIndexAdapter } from '@/lib/background/search-index';
import type { TermCard, StatusReply, SearchHit } from '@/lib/messaging/protocol';
import { loader, makePackage, memLog, memorySettings } from './fixtures';
import { nth } from '@/tests/unit/helpers/nth';

function bg(
  idb: IDBFactory | null,
  o: Partial<BackgroundOptions> & { loadPackage: BackgroundOptions['loadPackage'] },
): Background {
  return createBackground({ idb, storage: memorySettings(), blockedTimeoutMs: 100, ...o });
}
async function lookup(b: Background, termId: string): Promise<TermCard | null> {
  const r = await b.handleMessage({ type: 'lookup', termId });
  if (!r.ok) throw new Error(r.error);
  return r.data as TermCard | null;
}
async function status(b: Background): Promise<StatusReply> {
  const r = await b.handleMessage({ type: 'status' });
  if (!r.ok) throw new Error(r.error);
  return r.data as StatusReply;
}
async function search(b: Background, query: string): Promise<SearchHit[]> {
  const r = await b.handleMessage({ type: 'search', query });
  if (!r.ok) throw new Error(r.error);
  return r.data as SearchHit[];
}
const noPackage = async () => {
  throw new Error('package must not be loaded');
};

/** Raw access to the fake database, as another context (or a tamperer) would have. */
function rawOpen(idb: IDBFactory, version?: number, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((res, rej) => {
    const r = version === undefined ? idb.open(DB_NAME) : idb.open(DB_NAME, version);
    r.onupgradeneeded = () => upgrade?.(r.result);
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(r.error);
  });
}
function rawPut(db: IDBDatabase, store: string, value: unknown, key?: string): Promise<void> {
  return new Promise((res, rej) => {
    const tx = db.transaction(store, 'readwrite');
    tx.objectStore(store).put(value, key);
    tx.oncomplete = () => res();
    tx.onerror = () => rej(tx.error);
  });
}

function rawGet(db: IDBDatabase, store: string, key: string): Promise<unknown> {
  return new Promise((res, rej) => {
    const r = db.transaction(store).objectStore(store).get(key);
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(r.error);
  });
}

describe('background data layer: install and update', () => {
  it('first install stores the package; a new worker serves it from IndexedDB without the package', async () => {
    const idb = new IDBFactory();
    const l = loader(makePackage('v1'));
    const b1 = bg(idb, { loadPackage: l.load });
    await b1.install();
    expect(l.calls).toBe(1);
    expect((await status(b1)).mode).toBe('idb');
    await b1.close();

    const b2 = bg(idb, { loadPackage: noPackage });
    expect((await lookup(b2, 'iom'))?.summary).toContain('(v1)');
    expect((await search(b2, 'remittances')).map((h) => h.id)).toContain('004:para12');
    expect((await status(b2)).hash).toBe('hash-v1');
  });

  it('skips work when the hash is unchanged and rewrites when it changed', async () => {
    const idb = new IDBFactory();
    let pkg = makePackage('v1');
    let writes = 0;
    const log = memLog();
    const b = bg(idb, {
      loadPackage: async () => pkg,
      installHook: (s, n) => {
        if (s === 'index') writes += n + 1;
      },
      log: log.log,
    });
    await b.install();
    await b.install();
    expect(writes).toBe(1);
    expect(log.has('db.unchanged')).toBe(true);

    pkg = makePackage('v2');
    await b.install();
    expect(writes).toBe(2);
    expect((await lookup(b, 'iom'))?.summary).toContain('(v2)');
    await b.close();
    expect((await lookup(bg(idb, { loadPackage: noPackage }), 'gfmd'))?.summary).toContain('(v2)');
  });

  it('reinstalls a stored matcher of an older format even when the KB hash is unchanged', async () => {
    const idb = new IDBFactory();
    const old = makePackage('v1');
    await bg(idb, { loadPackage: async () => ({ ...old, matcher: { ...old.matcher, v: 1 } as never }) }).install();
    const log = memLog();
    const b = bg(idb, { loadPackage: async () => makePackage('v1'), log: log.log });
    await b.install();
    expect(log.has('db.matcher-format')).toBe(true);
    expect(log.has('db.unchanged')).toBe(false);
    await b.close();
    const log2 = memLog();
    await bg(idb, { loadPackage: async () => makePackage('v1'), log: log2.log }).install();
    expect(log2.has('db.unchanged')).toBe(true);
  });

  it('an update interrupted midway leaves the previous data served', async () => {
    const idb = new IDBFactory();
    await bg(idb, { loadPackage: loader(makePackage('v1')).load }).install();
    const log = memLog();
    const b2 = bg(idb, {
      loadPackage: loader(makePackage('v2')).load,
      log: log.log,
      // After the records row is written, before the rest: the transaction must roll back.
      installHook: (row) => {
        if (row === 'index') throw new Error('worker killed');
      },
    });
    await b2.install();
    expect(log.has('db.install-failed')).toBe(true);
    expect((await lookup(b2, 'iom'))?.summary).toContain('(v1)');
    expect((await status(b2)).hash).toBe('hash-v1');
    expect(nth(await search(b2, 'Stockholm'), 0).id).toBe('000:p3');
    await b2.close();
    // The next attempt (without the fault) completes the update.
    const b3 = bg(idb, { loadPackage: loader(makePackage('v2')).load });
    await b3.install();
    expect((await lookup(b3, 'iom'))?.summary).toContain('(v2)');
  });

  it('a changed packageVersion on wake reinstalls even if onInstalled was missed', async () => {
    const idb = new IDBFactory();
    await bg(idb, { loadPackage: loader(makePackage('v1')).load, packageVersion: '1.0.0' }).install();
    const l = loader(makePackage('v2'));
    const b = bg(idb, { loadPackage: l.load, packageVersion: '1.1.0' });
    expect((await lookup(b, 'iom'))?.summary).toContain('(v2)');
    expect(l.calls).toBe(1);
  });

  it('loads the index once under concurrent first requests', async () => {
    const idb = new IDBFactory();
    await bg(idb, { loadPackage: loader(makePackage()).load }).install();
    let loads = 0;
    const adapter = {
      ...defaultIndexAdapter,
      loadIndex: (j: unknown) => {
        loads++;
        return defaultIndexAdapter.loadIndex(j);
      },
    };
    const b = bg(idb, { loadPackage: noPackage, indexAdapter: adapter });
    const replies = await Promise.all(
      ['travel', 'remittance', 'domestic workers', 'forum', 'ICAO', 'border'].map((q) =>
        b.handleMessage({ type: 'search', query: q }),
      ),
    );
    expect(replies.every((r) => r.ok && (r.data as SearchHit[]).length > 0)).toBe(true);
    expect(loads).toBe(1);
  });
});

describe('background data layer: recovery', () => {
  it('corrupt records are detected on read and rebuilt from the package', async () => {
    const idb = new IDBFactory();
    const b0 = bg(idb, { loadPackage: loader(makePackage()).load });
    await b0.install();
    await b0.close();
    const raw = await rawOpen(idb);
    const rows = JSON.parse((await rawGet(raw, 'data', 'records')) as string) as unknown[];
    rows[3] = { id: '004:para12', kind: 'passage', text: 42 };
    await rawPut(raw, 'data', JSON.stringify(rows), 'records');
    raw.close();
    const log = memLog();
    const l = loader(makePackage());
    const b = bg(idb, { loadPackage: l.load, log: log.log });
    expect(nth(await search(b, 'remittances'), 0).id).toBe('004:para12');
    expect(log.has('db.corrupt-records')).toBe(true);
    expect(l.calls).toBe(1);
    await b.close();
    // Rebuilt in the database: the next worker needs no package.
    expect(nth(await search(bg(idb, { loadPackage: noPackage }), 'remittances'), 0).id).toBe('004:para12');
  });

  it('a corrupt glossary entry triggers a rebuild before lookups', async () => {
    const idb = new IDBFactory();
    const b0 = bg(idb, { loadPackage: loader(makePackage()).load });
    await b0.install();
    await b0.close();
    const raw = await rawOpen(idb);
    const rows = JSON.parse((await rawGet(raw, 'data', 'glossary')) as string) as unknown[];
    rows[0] = { id: 'iom', label: null };
    await rawPut(raw, 'data', JSON.stringify(rows), 'glossary');
    raw.close();
    const log = memLog();
    const b = bg(idb, { loadPackage: loader(makePackage()).load, log: log.log });
    expect((await lookup(b, 'iom'))?.label).toBe('IOM');
    expect(log.has('db.corrupt-glossary')).toBe(true);
  });

  it('a deleted database is rebuilt; the running worker keeps serving meanwhile', async () => {
    const idb = new IDBFactory();
    const b1 = bg(idb, { loadPackage: loader(makePackage()).load });
    await b1.install();
    await new Promise<void>((res, rej) => {
      const d = idb.deleteDatabase(DB_NAME);
      d.onsuccess = () => res();
      d.onerror = () => rej(d.error);
    });
    expect((await lookup(b1, 'icao'))?.label).toBe('ICAO');
    const log = memLog();
    const l = loader(makePackage());
    const b2 = bg(idb, { loadPackage: l.load, log: log.log });
    expect((await lookup(b2, 'iom'))?.label).toBe('IOM');
    expect(log.has('db.empty')).toBe(true);
    expect(l.calls).toBe(1);
    expect((await status(b2)).mode).toBe('idb');
  });

  it('a blocked open (old connection ignoring versionchange) falls back to memory', async () => {
    const idb = new IDBFactory();
    const stale = await rawOpen(idb, 1, (db) => db.createObjectStore('records'));
    stale.onversionchange = null; // an old worker that never closes
    const log = memLog();
    const b = bg(idb, {
      loadPackage: loader(makePackage()).load,
      log: log.log,
      schemaVersion: 2,
      blockedTimeoutMs: 30,
    });
    expect((await lookup(b, 'gfmd'))?.label).toBe('GFMD');
    expect(log.has('db.blocked')).toBe(true);
    expect((await status(b)).mode).toBe('memory');
    stale.close();
  });

  it('an older schema is upgraded: package stores rebuilt, custom entries kept', async () => {
    const idb = new IDBFactory();
    const old = await rawOpen(idb, 1, (db) => {
      db.createObjectStore('legacy');
      db.createObjectStore('custom', { keyPath: 'id' });
    });
    await rawPut(old, 'custom', {
      id: 'my-term',
      label: 'MYT',
      expansion: 'My term',
      category: 'other',
      summary: 'Mine.',
      related: [],
      excerpts: [],
      custom: true,
    });
    old.close();
    const log = memLog();
    const b = bg(idb, { loadPackage: loader(makePackage()).load, log: log.log, schemaVersion: 2 });
    expect((await lookup(b, 'iom'))?.label).toBe('IOM');
    expect(log.lines.find((l) => l.event === 'db.schema-upgrade')?.detail).toEqual({ from: 1, to: 2 });
    expect((await lookup(b, 'my-term'))?.custom).toBe(true);
  });

  it('an unknown (newer) schema is deleted and rebuilt', async () => {
    const idb = new IDBFactory();
    (await rawOpen(idb, SCHEMA_VERSION + 7, (db) => db.createObjectStore('whatever'))).close();
    const log = memLog();
    const b = bg(idb, { loadPackage: loader(makePackage()).load, log: log.log });
    expect((await lookup(b, 'iom'))?.label).toBe('IOM');
    expect(log.has('db.unknown-schema')).toBe(true);
    expect((await status(b)).mode).toBe('idb');
  });

  it('IndexedDB unavailable or throwing (private windows) → served from memory', async () => {
    for (const idb of [
      null,
      {
        open: () => {
          throw new DOMException('no IDB here', 'InvalidStateError');
        },
      } as unknown as IDBFactory,
    ]) {
      const log = memLog();
      const b = bg(idb, { loadPackage: loader(makePackage()).load, log: log.log });
      expect((await lookup(b, 'icao'))?.excerpts.length).toBe(2);
      expect(nth(await search(b, 'Stockholm'), 0).id).toBe('000:p3');
      const s = await status(b);
      expect(s.mode).toBe('memory');
      expect(log.has('serving-from-memory')).toBe(true);
    }
  });

  it('quota errors during install → served from memory', async () => {
    const idb = new IDBFactory();
    const log = memLog();
    const b = bg(idb, {
      loadPackage: loader(makePackage()).load,
      log: log.log,
      installHook: (s) => {
        if (s === 'index') throw new DOMException('full', 'QuotaExceededError');
      },
    });
    await b.install();
    const s = await status(b);
    expect(s.mode).toBe('memory');
    expect(s.reason).toMatch(/quota/);
    expect((await lookup(b, 'iom'))?.label).toBe('IOM');
  });

  it('an invalid package or a failing loader becomes an error reply, and a later request retries', async () => {
    let fail = true;
    const b = bg(new IDBFactory(), {
      loadPackage: async () => {
        if (fail) throw new Error('fetch failed');
        return makePackage();
      },
    });
    const r1 = await b.handleMessage({ type: 'lookup', termId: 'iom' });
    expect(r1).toEqual({ ok: false, error: 'fetch failed' });
    fail = false;
    expect((await lookup(b, 'iom'))?.label).toBe('IOM');
    const bad = bg(new IDBFactory(), {
      loadPackage: async () => ({ ...makePackage(), glossary: [{ id: 'x' }] as never }),
    });
    const r2 = await bad.handleMessage({ type: 'lookup', termId: 'iom' });
    expect(r2.ok).toBe(false);
    expect(!r2.ok && r2.error).toMatch(/glossary entry 0 is malformed/);
  });
});
