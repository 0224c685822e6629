/**
 * Custom glossary operations on the background state. All changes are validated fully first and
 * written in one IndexedDB transaction, so a bad file or a failed write changes nothing.
 */
import type { GlossaryEntry } from '../glossary/types';
import { exportCustom, parseCustomFile } from '../custom/io';
import { formatIssueIn, type ImportIssue } from '../custom/issue';
import { pluralForm } from '../i18n/lang';
import type { CustomExportRequest, CustomImportRequest, CustomSummary, ImportReply } from '../messaging/protocol';
import { writeCustom } from './db';
import type { Core, State } from './state';
import { ENGLISH, type Say } from './ui-language';

export { formatIssueIn };

const MAX_LISTED_ERRORS = 20;

/** The import's failure message, in the reader's language: its heading and the first problems. */
export function importFailure(errors: readonly ImportIssue[], say: Say): string {
  const lines = errors.slice(0, MAX_LISTED_ERRORS).map((i) => formatIssueIn(i, say));
  const more = errors.length - MAX_LISTED_ERRORS;
  if (more > 0) lines.push(say(`import_more_${pluralForm(say('lang'), more)}`, more));
  return `${say('import_failed')}\n${lines.join('\n')}`;
}

export function createCustomOps(state: State, sayNow: () => Promise<Say> = async () => ENGLISH) {
  // Serialise mutations: two imports racing must not both read the same "before" state.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn);
    queue = run.catch(() => undefined);
    return run;
  };

  async function commit(
    core: Core,
    next: Map<string, GlossaryEntry>,
    change: Parameters<typeof writeCustom>[1],
  ): Promise<boolean> {
    let persisted = false;
    const db = core.mode === 'idb' ? await state.getDb() : null;
    if (db) {
      try {
        await writeCustom(db, change);
        persisted = true;
      } catch (e) {
        throw new Error((await sayNow())('import_saveFailed', e instanceof Error ? e.message : String(e)), {
          cause: e,
        });
      }
    } else {
      state.setMemoryCustom(next); // kept until the worker stops; the status reply says so
    }
    core.custom = next;
    core.termIndex = undefined;
    core.entries = undefined;
    core.compiled = undefined;
    return persisted;
  }

  return {
    importFile: (req: CustomImportRequest) =>
      serial(async (): Promise<ImportReply & { persisted: boolean }> => {
        const core = await state.getCore();
        const replace = req.mode === 'replace';
        const r = parseCustomFile(req, {
          builtinIds: new Set(core.glossary.keys()),
          existingCustomIds: replace ? new Set() : new Set(core.custom.keys()),
        });
        if ('errors' in r) throw new Error(importFailure(r.errors, await sayNow()));
        const next = new Map(replace ? [] : core.custom);
        let updated = 0;
        for (const e of r.entries) {
          if (next.has(e.id)) updated++;
          next.set(e.id, e);
        }
        const persisted = await commit(core, next, { clear: replace, put: r.entries });
        return { added: r.entries.length - updated, updated, total: next.size, persisted };
      }),

    list: async (): Promise<CustomSummary[]> => {
      const core = await state.getCore();
      return [...core.custom.values()]
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((e) => ({ id: e.id, label: e.label, expansion: e.expansion, category: e.category }));
    },

    exportFile: async (req: CustomExportRequest) => {
      const core = await state.getCore();
      return { format: req.format, text: exportCustom([...core.custom.values()], req.format), count: core.custom.size };
    },

    remove: (ids: string[]) =>
      serial(async () => {
        const core = await state.getCore();
        const unknown = ids.filter((id) => !core.custom.has(id));
        if (unknown.length)
          throw new Error(`customDelete: no custom entry with id ${unknown.map((i) => `"${i}"`).join(', ')}`);
        const gone = new Set(ids);
        // Refuse to leave dangling links: they would make the next export fail to re-import.
        const refs = [...core.custom.values()].filter((e) => !gone.has(e.id) && e.related.some((r) => gone.has(r)));
        if (refs.length)
          throw new Error(
            `customDelete: still referenced in "related" by ${refs.map((e) => `"${e.id}"`).join(', ')}; delete or edit those too`,
          );
        const next = new Map([...core.custom].filter(([id]) => !gone.has(id)));
        await commit(core, next, { remove: ids });
        return { deleted: ids.length };
      }),
  };
}
