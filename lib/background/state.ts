/**
 * The background's data state. Chrome may stop the MV3 worker at any moment, so nothing is loaded
 * at startup: the first request after a wake loads from IndexedDB (once, through a shared promise),
 * and every failure mode falls back to something servable — rebuild from the package, or serve the
 * package from memory — with a log line, never an exception at the content script.
 */
import type MiniSearch from 'minisearch';
import type { GlossaryEntry } from '../glossary/types';
import type { KbBundle, KbRecord } from '../kb/types';
import type { DocInfo } from '../kb/cite';
import type { SearchDoc, TermDoc } from '../kb/search-options';
import { MATCHER_FORMAT, type CompiledMatcher } from '../match/types';
import {
  DB_NAME,
  SCHEMA_VERSION,
  isQuotaError,
  openKbDb,
  readCore,
  readMeta,
  readSearchData,
  updateMeta,
  writePackage,
  type InstallHook,
  type KbDb,
  type Logger,
  type PackageMeta,
  type PackageRows,
} from './db';
import { defaultIndexAdapter, type IndexAdapter } from './search-index';
import { checkPackage, isGlossaryEntry, isKbRecord } from './validate';

export interface PackageData {
  bundle: KbBundle;
  glossary: GlossaryEntry[];
  matcher: CompiledMatcher;
}

export interface StateOptions {
  loadPackage: () => Promise<PackageData>;
  /** undefined → globalThis.indexedDB; null → no IndexedDB (memory only). */
  idb?: IDBFactory | null;
  log?: Logger;
  indexAdapter?: IndexAdapter;
  /** Cheap identity of the packaged data (e.g. manifest version): a mismatch on wake triggers a reinstall. */
  packageVersion?: string;
  dbName?: string;
  /** Tests only: simulate older/newer layouts. */
  schemaVersion?: number;
  blockedTimeoutMs?: number;
  /** Tests only: called inside the install transaction; throwing aborts it. */
  installHook?: InstallHook;
}

export interface SearchBase {
  records: Map<string, KbRecord>;
  index: MiniSearch<SearchDoc>;
  /** Serialised term index of the built-in glossary, when IndexedDB had one (else built from entries). */
  terms?: unknown;
}

export interface Core {
  mode: 'idb' | 'memory';
  reason?: string;
  meta: PackageMeta;
  docs: Map<string, DocInfo>;
  glossary: Map<string, GlossaryEntry>;
  custom: Map<string, GlossaryEntry>;
  /** Package kept when we have it anyway (fresh install, memory mode): saves re-reading IndexedDB. */
  pkg?: PackageData;
  search?: Promise<SearchBase>;
  termIndex?: MiniSearch<TermDoc>;
  entries?: Map<string, GlossaryEntry>;
  compiled?: { matcher: CompiledMatcher };
}

const toMap = <T extends { id: string }>(xs: Iterable<T>) => new Map([...xs].map((x) => [x.id, x] as [string, T]));
/** A stored row back to data; anything but a JSON string (older layout, tampering) reads as undefined. */
const parseRow = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : undefined);

export function createState(o: StateOptions) {
  const log: Logger = o.log ?? (() => undefined);
  const adapter = o.indexAdapter ?? defaultIndexAdapter;
  const schema = o.schemaVersion ?? SCHEMA_VERSION;
  const factory = o.idb === undefined ? ((globalThis as { indexedDB?: IDBFactory }).indexedDB ?? null) : o.idb;
  let dbPromise: Promise<KbDb | null> | null = null;
  let unavailable: string | undefined;
  let corePromise: Promise<Core> | null = null;
  /** Custom entries kept here when IndexedDB is unusable, so they survive core reloads in this wake. */
  let memoryCustom = new Map<string, GlossaryEntry>();

  function getDb(): Promise<KbDb | null> {
    if (!factory) {
      unavailable = 'IndexedDB is not available in this context';
      return Promise.resolve(null);
    }
    return (dbPromise ??= (async () => {
      try {
        const db = await openKbDb(factory, {
          name: o.dbName ?? DB_NAME,
          version: schema,
          blockedTimeoutMs: o.blockedTimeoutMs ?? 3000,
          log,
          onLost: () => {
            dbPromise = null;
          },
        });
        unavailable = undefined;
        return db;
      } catch (e) {
        // Private windows (open() throws or errors), blocked upgrades: serve from memory this time.
        dbPromise = null;
        unavailable = `IndexedDB unusable: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
        log('warn', 'db.unavailable', unavailable);
        return null;
      }
    })());
  }

  async function loadPkg(): Promise<PackageData> {
    const pkg = await o.loadPackage();
    const problem = checkPackage(pkg);
    if (problem) throw new Error(`packaged knowledge base is invalid: ${problem}`);
    return pkg;
  }

  const buildMeta = (pkg: PackageData): PackageMeta => ({
    schema,
    hash: pkg.bundle.hash,
    packageVersion: o.packageVersion,
    bundleVersion: pkg.bundle.version,
    documents: pkg.bundle.documents,
    acronyms: pkg.bundle.acronyms,
    matcher: pkg.matcher,
    installedAt: Date.now(),
  });

  /** Install-time work: the term index is built once here, not on every wake. */
  const toRows = (pkg: PackageData): PackageRows => ({
    records: JSON.stringify(pkg.bundle.records),
    glossary: JSON.stringify(pkg.glossary),
    index: pkg.bundle.index,
    terms: adapter.serializeTermIndex(pkg.glossary),
  });

  function makeCore(
    mode: Core['mode'],
    meta: PackageMeta,
    glossary: GlossaryEntry[],
    custom: Map<string, GlossaryEntry>,
    pkg?: PackageData,
    reason?: string,
  ): Core {
    return {
      mode,
      reason,
      meta,
      docs: new Map(meta.documents.map((d) => [d.key, d])),
      glossary: toMap(glossary),
      custom,
      pkg,
    };
  }

  function validCustom(raw: unknown[]): Map<string, GlossaryEntry> {
    const ok = raw.filter((c): c is GlossaryEntry => isGlossaryEntry(c) && c.custom === true);
    if (ok.length !== raw.length) log('warn', 'db.corrupt-custom', { dropped: raw.length - ok.length });
    return toMap(ok);
  }

  const memoryCore = (pkg: PackageData, reason: string) => {
    log('warn', 'serving-from-memory', reason);
    return makeCore('memory', buildMeta(pkg), pkg.glossary, memoryCustom, pkg, reason);
  };

  /** Valid data already in the database, or null (missing, outdated, corrupt). */
  async function readValid(db: KbDb, expectHash?: string): Promise<Core | null> {
    try {
      const meta = await readMeta(db);
      if (!meta) {
        log('info', 'db.empty');
        return null;
      }
      if (meta.schema !== schema || typeof meta.hash !== 'string' || !Array.isArray(meta.documents)) {
        log('warn', 'db.bad-meta');
        return null;
      }
      if (expectHash !== undefined && meta.hash !== expectHash) return null;
      // A matcher stored by an older build (the nested-object trie before issue #17) would fail in every
      // content script, and the KB hash alone does not change with the matcher's format.
      if (meta.matcher?.v !== MATCHER_FORMAT) {
        log('info', 'db.matcher-format');
        return null;
      }
      if (o.packageVersion !== undefined && meta.packageVersion !== o.packageVersion && expectHash === undefined) {
        log('info', 'db.package-changed');
        return null;
      }
      const { glossary: row, custom } = await readCore(db);
      const glossary = parseRow(row);
      if (!Array.isArray(glossary) || !glossary.every(isGlossaryEntry)) {
        log('warn', 'db.corrupt-glossary');
        return null;
      }
      return makeCore('idb', meta, glossary, validCustom(custom));
    } catch (e) {
      log('warn', 'db.read-failed', String(e));
      return null;
    }
  }

  async function installInto(db: KbDb, pkg: PackageData): Promise<Core> {
    const meta = buildMeta(pkg);
    try {
      await writePackage(db, toRows(pkg), meta, o.installHook);
      log('info', 'db.installed', { hash: meta.hash, records: pkg.bundle.records.length });
      const custom = validCustom((await readCore(db)).custom);
      return makeCore('idb', meta, pkg.glossary, custom, pkg);
    } catch (e) {
      if (isQuotaError(e)) return memoryCore(pkg, 'storage quota exceeded');
      log('error', 'db.install-failed', String(e));
      // The transaction rolled back: whatever was there before is still consistent, serve it.
      const prev = await readPrevIgnoringVersion(db);
      if (prev) {
        log('warn', 'db.serving-previous', { hash: prev.meta.hash });
        return prev;
      }
      return memoryCore(pkg, `install failed: ${String(e)}`);
    }
  }

  async function readPrevIgnoringVersion(db: KbDb): Promise<Core | null> {
    const meta = await readMeta(db).catch(() => undefined);
    return meta ? readValid(db, meta.hash) : null;
  }

  async function loadCore(pkgHint?: PackageData): Promise<Core> {
    const db = await getDb();
    if (!db) return memoryCore(pkgHint ?? (await loadPkg()), unavailable ?? 'IndexedDB unavailable');
    const existing = await readValid(db, pkgHint?.bundle.hash);
    if (existing) {
      if (pkgHint) {
        log('info', 'db.unchanged', { hash: pkgHint.bundle.hash });
        if (o.packageVersion !== undefined && existing.meta.packageVersion !== o.packageVersion)
          await updateMeta(db, { ...existing.meta, packageVersion: o.packageVersion }).catch((e) =>
            log('warn', 'db.meta-update-failed', String(e)),
          );
      }
      return existing;
    }
    return installInto(db, pkgHint ?? (await loadPkg()));
  }

  /** Records + index for search, validated; corrupt data is rebuilt from the package. */
  async function loadSearch(core: Core): Promise<SearchBase> {
    if (!core.pkg) {
      const db = await getDb();
      if (db) {
        try {
          const row = await readSearchData(db);
          const records = parseRow(row.records);
          const bad = Array.isArray(records) ? records.findIndex((r) => !isKbRecord(r)) : -1;
          if (Array.isArray(records) && records.length && bad < 0 && row.index) {
            // A bad term index only costs building it from the entries; a bad KB index throws → rebuild.
            return {
              records: toMap(records as KbRecord[]),
              index: adapter.loadIndex(row.index),
              terms: row.terms ?? undefined,
            };
          }
          log('warn', 'db.corrupt-records', {
            count: Array.isArray(records) ? records.length : null,
            firstBad: bad,
            hasIndex: !!row.index,
          });
        } catch (e) {
          log('warn', 'db.corrupt-index', String(e));
        }
      }
      const pkg = await loadPkg();
      if (db)
        await writePackage(db, toRows(pkg), buildMeta(pkg), o.installHook).then(
          () => log('info', 'db.rebuilt'),
          (e) => log('error', 'db.rebuild-failed', String(e)),
        );
      Object.assign(core, {
        pkg,
        meta: buildMeta(pkg),
        glossary: toMap(pkg.glossary),
        termIndex: undefined,
        entries: undefined,
        compiled: undefined,
      });
    }
    const pkg = core.pkg!;
    return { records: toMap(pkg.bundle.records), index: adapter.loadIndex(pkg.bundle.index) };
  }

  function share(p: Promise<Core>): Promise<Core> {
    const shared = p.catch((e) => {
      if (corePromise === shared) corePromise = null;
      throw e;
    });
    corePromise = shared;
    return shared;
  }

  return {
    getDb,
    getCore: (): Promise<Core> => corePromise ?? share(loadCore()),
    /** runtime.onInstalled: load the package, skip work when the hash is unchanged. */
    install(): Promise<Core> {
      const prev = corePromise;
      return share(
        (async () => {
          await prev?.catch(() => undefined);
          return loadCore(await loadPkg());
        })(),
      );
    },
    getSearch(core: Core): Promise<SearchBase> {
      const p = (core.search ??= loadSearch(core));
      p.catch(() => {
        if (core.search === p) core.search = undefined;
      });
      return p;
    },
    setMemoryCustom: (m: Map<string, GlossaryEntry>) => {
      memoryCustom = m;
    },
    /** Drops the cached state (tests simulate a worker restart with a new state instead). */
    async close() {
      const db = await dbPromise?.catch(() => null);
      db?.close();
      dbPromise = null;
      corePromise = null;
    },
  };
}

export type State = ReturnType<typeof createState>;
