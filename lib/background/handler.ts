/**
 * Message handler of the background worker. Pure with respect to the browser: the entrypoint
 * creates it with the packaged-data loader and wires it to runtime.onMessage; tests call it directly.
 */
import { storage } from 'wxt/utils/storage';
import type { GlossaryEntry } from '../glossary/types';
import { compileMatcher } from '../match/compile';
import type { CompiledMatcher } from '../match/types';
import {
  GLOSSARY_VERSION_KEY,
  parseRequest,
  type Reply,
  type Request,
  type ResponseMap,
  type StatusReply,
  type TermsReply,
} from '../messaging/protocol';
import { applySettingsOp } from '../settings/ops';
import type { Settings } from '../settings/schema';
import { createSettingsStore, type SettingsStore } from '../settings/store';
import { createCustomOps } from './custom-ops';
import type { Logger } from './db';
import { fnv1a, toTermCard } from './lookup';
import { withReaderLanguage } from './reader-language';
import { cardTable } from '../i18n/catalogues';
import { facetsReply, recordReply } from './record';
import { symbolCard } from './symbol';
import { runSearch, type SearchContext } from './search';
import { defaultIndexAdapter } from './search-index';
import { createState, type Core, type SearchBase, type StateOptions } from './state';
import { readerLanguage, sayIn, type Say } from './ui-language';

export type { PackageData } from './state';

/** The settings side the background needs: read, and write a whole value it built (SettingsStore fits). */
export type SettingsAccess = Pick<SettingsStore, 'get' | 'put'>;

export interface BackgroundOptions extends StateOptions {
  /** Defaults to lib/settings/store's createSettingsStore() (WXT storage), created on first use. */
  storage?: SettingsAccess;
  /** Recompiles built-in + custom entries for the `terms` reply; defaults to lib/match's compileMatcher. */
  compile?: (entries: GlossaryEntry[]) => CompiledMatcher;
  /** Publishes TermsReply.version after a custom-glossary change; defaults to storage.local (GLOSSARY_VERSION_KEY). */
  publishVersion?: (version: string) => Promise<void>;
  /**
   * Runs after each settings change is stored, before the change is answered (so a caller that sees
   * the reply sees its effect too): the PDF redirect rule follows its option here.
   */
  onSettingsChanged?: (next: Settings, prev: Settings) => Promise<void>;
}

export interface Background {
  handleMessage(msg: unknown): Promise<Reply<unknown>>;
  /** Typed call without the validation step (for code inside the background). */
  dispatch<K extends Request['type']>(req: Extract<Request, { type: K }>): Promise<ResponseMap[K]>;
  /** Call from runtime.onInstalled (install and update). */
  install(): Promise<void>;
  close(): Promise<void>;
}

function allEntries(core: Core): Map<string, GlossaryEntry> {
  // Custom ids never clash with built-in ones (checked on import), so a plain merge is safe.
  return (core.entries ??= new Map([...core.glossary, ...core.custom]));
}

export function createBackground(opts: BackgroundOptions): Background {
  const log: Logger = opts.log ?? (() => undefined);
  const state = createState({ ...opts, log });
  /** The reader's language for text written here: settings.language, else the browser's (ui-language.ts). */
  const say = async (): Promise<Say> =>
    sayIn(
      readerLanguage(
        await getSettings()
          .get()
          .then((s) => s.language)
          .catch(() => undefined),
      ),
    );
  const custom = createCustomOps(state, say);
  let settings = opts.storage;
  // Static import: MV3 service workers cannot use dynamic import().
  const getSettings = (): SettingsAccess => (settings ??= createSettingsStore());
  const compile = opts.compile ?? compileMatcher;
  const publishVersion = opts.publishVersion ?? ((v: string) => storage.setItem<string>(GLOSSARY_VERSION_KEY, v));

  // The only writer of the settings: each operation is applied to the value stored at that moment,
  // one after the other, so interleaved changes from the popup, the options page and the cards all land.
  let settingsQueue: Promise<unknown> = Promise.resolve();
  function changeSettings(change: (s: Settings) => Settings): Promise<Settings> {
    const run = settingsQueue.then(async () => {
      const st = getSettings();
      const prev = await st.get();
      const next = change(prev);
      await st.put(next);
      await opts
        .onSettingsChanged?.(next, prev)
        .catch((e: unknown) => log('warn', 'settings-effect-failed', String(e)));
      return next;
    });
    settingsQueue = run.catch(() => undefined);
    return run;
  }

  const versionOf = (core: Core): string =>
    `${core.meta.hash}:${core.custom.size ? fnv1a(JSON.stringify([...core.custom.values()])) : '0'}`;

  const served = { replies: 0, bytes: 0 };
  /** JSON size of each matcher served (computed once per matcher object). */
  const sizes = new WeakMap<object, number>();
  function countTerms(reply: TermsReply): TermsReply {
    let n = sizes.get(reply.matcher);
    if (n === undefined) sizes.set(reply.matcher, (n = JSON.stringify(reply.matcher).length));
    served.replies++;
    served.bytes += n + reply.version.length;
    return reply;
  }

  function terms(core: Core): TermsReply {
    const version = versionOf(core);
    if (!core.custom.size) return { version, matcher: core.meta.matcher };
    try {
      core.compiled ??= { matcher: compile([...allEntries(core).values()]) };
      return { version, matcher: core.compiled.matcher };
    } catch (e) {
      // Underlining the built-in terms beats underlining nothing; the custom ones still have cards.
      log('error', 'terms.compile-failed', String(e));
      return { version, matcher: core.meta.matcher };
    }
  }

  /** Tells open tabs (content scripts watch the key) that the matcher changed, after a custom-glossary change. */
  async function announceGlossary<T>(result: T): Promise<T> {
    try {
      await publishVersion(versionOf(await state.getCore()));
    } catch (e) {
      log('warn', 'glossary-version.publish-failed', String(e)); // tabs pick the change up on reload
    }
    return result;
  }

  const adapter = opts.indexAdapter ?? defaultIndexAdapter;

  /** Stored built-in term index + custom entries; built from all entries when there is none. */
  function termIndex(core: Core, base: SearchBase): NonNullable<Core['termIndex']> {
    if (base.terms !== undefined) {
      try {
        return adapter.loadTermIndex(base.terms, core.custom.values());
      } catch (e) {
        log('warn', 'db.corrupt-terms', String(e));
        base.terms = undefined;
      }
    }
    return adapter.createTermIndex(allEntries(core).values());
  }

  async function searchContext(core: Core): Promise<SearchContext> {
    const base = await state.getSearch(core);
    const { records, index } = base;
    return {
      records,
      index,
      docs: core.docs,
      entries: allEntries(core),
      terms: (core.termIndex ??= termIndex(core, base)),
    };
  }

  async function dispatch(req: Request): Promise<unknown> {
    switch (req.type) {
      case 'lookup': {
        const core = await state.getCore();
        const all = allEntries(core);
        const e = all.get(req.termId);
        if (e)
          return withReaderLanguage(
            toTermCard(e, (id) => all.get(id), core.docs),
            e,
            req,
          );
        // A UN document symbol no entry covers: decoded here, titled from the glossary when it knows it.
        return symbolCard(req.termId, terms(core).matcher, (id) => all.get(id), await say());
      }
      case 'search': {
        const core = await state.getCore();
        return runSearch(await searchContext(core), req.query, req.filters, req.limit ?? 20, 'search', await say());
      }
      case 'suggest': {
        const core = await state.getCore();
        return runSearch(await searchContext(core), req.query, {}, req.limit ?? 8, 'suggest', await say());
      }
      case 'terms':
        return countTerms(terms(await state.getCore()));
      case 'status': {
        const core = await state.getCore();
        const loaded = core.search ? (await core.search.catch(() => null))?.records.size : undefined;
        const s: StatusReply = {
          mode: core.mode,
          hash: core.meta.hash,
          records: loaded ?? core.pkg?.bundle.records.length ?? null,
          glossary: core.glossary.size,
          custom: core.custom.size,
          terms: { ...served },
        };
        if (core.reason) s.reason = core.reason;
        return s;
      }
      case 'settings': {
        if (req.op === 'get') return getSettings().get();
        const { type: _type, ...op } = req;
        return changeSettings((s) => applySettingsOp(s, op));
      }
      case 'customImport':
        return announceGlossary(await custom.importFile(req));
      case 'customList':
        return custom.list();
      case 'customExport':
        return custom.exportFile(req);
      case 'customDelete':
        return announceGlossary(await custom.remove(req.ids));
      case 'record': {
        const core = await state.getCore();
        return recordReply((await state.getSearch(core)).records, core.docs, req.id);
      }
      case 'uiStrings':
        return cardTable(req.lang);
      case 'facets': {
        const core = await state.getCore();
        // A few thousand records: cheap enough to derive per request (the search UI asks once per open).
        return facetsReply((await state.getSearch(core)).records.values(), core.docs, await say());
      }
    }
  }

  return {
    async handleMessage(msg) {
      const parsed = parseRequest(msg);
      if ('error' in parsed) {
        log('warn', 'message.rejected', parsed.error);
        return { ok: false, error: parsed.error };
      }
      try {
        return { ok: true, data: await dispatch(parsed.req) };
      } catch (e) {
        // Never throw at a content script: failures become error replies the UI can show.
        log('error', `message.failed:${parsed.req.type}`, String(e));
        return { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
    },
    dispatch: dispatch as Background['dispatch'],
    async install() {
      try {
        await state.install();
      } catch (e) {
        log('error', 'install.failed', String(e)); // requests will retry loading on demand
      }
    },
    close: () => state.close(),
  };
}
