/**
 * The one typed message protocol between content scripts, extension pages and the background.
 * Every message is validated on receipt (`parseRequest`) because content scripts run next to
 * hostile pages and messages may come from older builds after an update.
 */
import type { Category } from '../glossary/types';
import { isGlossaryId, isTermId } from '../glossary/id';
import type { KbRecord } from '../kb/types';
import type { CompiledMatcher } from '../match/types';
import type { Settings } from '../settings/schema';
import { isUiLang, type UiLang } from '../i18n/lang';
import { parseSettingsOp, type SettingsOp } from '../settings/ops';

export interface SearchFilters {
  agency?: string;
  doc?: string;
  section?: string;
  kind?: string;
}
export type CustomFormat = 'json' | 'csv';

export interface LookupRequest {
  type: 'lookup';
  termId: string;
  /**
   * How the reader met the term: its words on the page (`surface`) or the language the matcher tagged
   * it with. A French or Spanish form makes the card show the entry's names in that language.
   */
  surface?: string;
  lang?: string;
  /** The language of the text around the words: decides only between French and Spanish names spelt alike. */
  pageLang?: string;
}
/** The card's messages in a language the reader chose over the browser's (lib/content/language.ts). */
export interface UiStringsRequest {
  type: 'uiStrings';
  lang: UiLang;
}
export interface SearchRequest {
  type: 'search';
  query: string;
  filters?: SearchFilters;
  limit?: number;
}
export interface SuggestRequest {
  type: 'suggest';
  query: string;
  limit?: number;
}
export interface TermsRequest {
  type: 'terms';
}
export interface StatusRequest {
  type: 'status';
}
/**
 * Read the settings, or change them by one operation (lib/settings/ops); the reply is the settings
 * after the change. The background is their only writer.
 */
export type SettingsRequest = { type: 'settings'; op: 'get' } | ({ type: 'settings' } & SettingsOp);
export interface CustomImportRequest {
  type: 'customImport';
  text: string;
  filename?: string;
  format?: CustomFormat;
  mode?: 'merge' | 'replace';
}
export interface CustomListRequest {
  type: 'customList';
}
export interface CustomExportRequest {
  type: 'customExport';
  format: CustomFormat;
}
export interface CustomDeleteRequest {
  type: 'customDelete';
  ids: string[];
}
/** Full text of one KB record (reader view, agency mandate/recommendations). */
export interface RecordRequest {
  type: 'record';
  id: string;
}
/** Filter options for the search UI, taken from the data (documents, chapter agencies, sections). */
export interface FacetsRequest {
  type: 'facets';
}

export type Request =
  | LookupRequest
  | SearchRequest
  | SuggestRequest
  | TermsRequest
  | StatusRequest
  | SettingsRequest
  | CustomImportRequest
  | CustomListRequest
  | CustomExportRequest
  | CustomDeleteRequest
  | RecordRequest
  | FacetsRequest
  | UiStringsRequest;

export interface TermCard {
  id: string;
  label: string;
  expansion: string;
  category: string;
  /** Reader-facing name of the category ("UN body"), named in the background so the card needs no table. */
  categoryName?: string;
  summary: string;
  /** Top verbatim excerpts, best first. */
  excerpts: CardExcerpt[];
  related: { id: string; label: string }[];
  /** How many of `related` to list before "All related" (built-in entries with long lists). */
  relatedShown?: number;
  custom?: boolean;
  aliases?: string[];
  /** Why no excerpt is shown (curated), when `excerpts` is empty on purpose. */
  noExcerpt?: string;
  mandateId?: string;
  recommendationIds?: string[];
  /** The term's official page (an agency's site, a UN document on the Official Document System); http(s) only. */
  officialUrl?: string;
  /** Wording for the `officialUrl` link when "Official page" would not say enough. */
  linkLabel?: string;
  /** Why there is no official page to link. */
  officialUrlNote?: string;
  /** Year the summary's time-sensitive statements were last checked ("as of 2026"). */
  asOf?: number;
  /**
   * The entry's names in the language the reader met the term in (a French or Spanish page), shown next
   * to the English label, and our summary in that language when one is written.
   */
  local?: LocalNames;
}

export interface LocalNames {
  lang: 'fr' | 'es';
  label?: string;
  expansion?: string;
  summary?: string;
}

/** One excerpt of a card, with every citation string formatted by lib/kb/cite.ts. */
export interface CardExcerpt {
  text: string;
  /** Short citation shown under the excerpt. */
  cite: string;
  /** Hover text of the citation: the full section path. */
  citeTitle?: string;
  /** Full reference for "Copy citation". */
  ref?: string;
  /** The source document's official URL ("Open source document ↗"). */
  url?: string;
  /** The KB record the excerpt comes from. */
  recordId?: string;
}

export type HitKind = 'mandate' | 'recommendation' | 'passage' | 'term' | 'custom';

export interface SearchHit {
  /** Record id, or glossary id for kind 'term'/'custom'. */
  id: string;
  /** Short: kind, agency and label of a record ("Recommendation · ICAO · (b)"), or the term's name. */
  title: string;
  /** The record's section, shown on a second line. */
  section?: string;
  /** Plain text around the first hit (with "…" where cut). */
  snippet: string;
  /** [start, end) offsets of matched words inside `snippet`, for emphasis. */
  marks?: [number, number][];
  cite: string;
  score: number;
  kind?: HitKind;
}

export interface TermsReply {
  /**
   * Bundle hash + custom-glossary revision. The background also stores it under GLOSSARY_VERSION_KEY
   * when the custom glossary changes, so open tabs see that their matcher is out of date.
   */
  version: string;
  /** The matcher over built-in + custom entries. */
  matcher: CompiledMatcher;
}

/** storage.local key (WXT form) of the current TermsReply.version; written only by the background. */
export const GLOSSARY_VERSION_KEY = 'local:glossaryVersion' as const;

export interface StatusReply {
  mode: 'idb' | 'memory';
  hash: string | null;
  /** null until search data was loaded in this wake. */
  records: number | null;
  glossary: number;
  custom: number;
  /** Why we serve from memory, if we do. */
  reason?: string;
  /**
   * `terms` replies answered in this wake and their size as JSON (what runtime messaging copies to
   * each frame): the matcher traffic of page loads, reported by `npm run bench` (frames_matcher_*).
   */
  terms: { replies: number; bytes: number };
}

export interface CustomSummary {
  id: string;
  label: string;
  expansion: string;
  category: Category;
}
export interface ImportReply {
  added: number;
  updated: number;
  total: number;
  /** false when IndexedDB is unusable: entries last until the browser stops the background. */
  persisted: boolean;
}

export interface RecordReply {
  record: KbRecord;
  /** Formatted citation (same format as excerpts and search hits). */
  cite: string;
  /** Short title, e.g. "ICAO · Recommendations (b)". */
  title: string;
  /** Full title of the source document. */
  docTitle: string;
}

export interface FacetsReply {
  documents: { key: string; short: string; title: string; year: number }[];
  /** Agency codes of the document 002 chapters, in chapter order. */
  agencies: string[];
  /** Section kinds present in the records, with display names. */
  sections: { kind: string; name: string }[];
}

export type Ok<T> = { ok: true; data: T };
export type Err = { ok: false; error: string };
export type Reply<T> = Ok<T> | Err;

export interface ResponseMap {
  lookup: TermCard | null;
  search: SearchHit[];
  suggest: SearchHit[];
  terms: TermsReply;
  status: StatusReply;
  settings: Settings;
  customImport: ImportReply;
  customList: CustomSummary[];
  customExport: { format: CustomFormat; text: string; count: number };
  customDelete: { deleted: number };
  record: RecordReply | null;
  facets: FacetsReply;
  uiStrings: Record<string, string>;
}

export type RequestOf<K extends Request['type']> = Extract<Request, { type: K }>;

/** Typed client: `request(browser.runtime.sendMessage, { type: 'lookup', termId })`. */
export async function request<K extends Request['type']>(
  send: (msg: unknown) => Promise<unknown>,
  req: RequestOf<K>,
): Promise<Reply<ResponseMap[K]>> {
  try {
    const r = (await send(req)) as Reply<ResponseMap[K]> | undefined;
    return r && typeof r === 'object' && 'ok' in r ? r : { ok: false, error: 'background did not answer' };
  } catch (e) {
    return { ok: false, error: `background unreachable: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * Only our own extension pages and content scripts are answered: other extensions can message us
 * through runtime.onMessageExternal only if we listen there, but checking the id here makes the
 * rule explicit and testable.
 */
export function isTrustedSender(sender: { id?: string } | null | undefined, runtimeId: string | undefined): boolean {
  return !!runtimeId && !!sender && sender.id === runtimeId;
}

const isStr = (v: unknown, max = 500): v is string => typeof v === 'string' && v.length <= max;
const MAX_IMPORT_CHARS = 16 * 1024 * 1024; // hard cap on the message; the 2 MB rule gives the user-facing error

function optLimit(v: unknown, type: string): number | undefined | string {
  if (v === undefined) return undefined;
  const n = Number(v);
  return typeof v === 'number' && Number.isInteger(n) && n > 0 && n <= 100
    ? n
    : `${type}: limit must be an integer between 1 and 100`;
}

function only(m: Record<string, unknown>, allowed: string[]): string | null {
  const extra = Object.keys(m).find((k) => k !== 'type' && !allowed.includes(k));
  return extra ? `${String(m.type)}: unexpected field "${extra.slice(0, 40)}"` : null;
}

/** Validate an untrusted message. Returns the typed request or a human-readable error. */
export function parseRequest(msg: unknown): { req: Request } | { error: string } {
  if (!msg || typeof msg !== 'object' || Array.isArray(msg)) return { error: 'message must be an object' };
  const m = msg as Record<string, unknown>;
  const check = (allowed: string[]) => only(m, allowed);
  let e: string | null;
  switch (m.type) {
    case 'lookup': {
      if ((e = check(['termId', 'surface', 'lang', 'pageLang']))) return { error: e };
      if (!isStr(m.termId, 200) || !m.termId) return { error: 'lookup: termId must be a non-empty string' };
      if (!isTermId(m.termId)) return { error: 'lookup: termId must be a glossary id or a document-symbol id' };
      const req: LookupRequest = { type: 'lookup', termId: m.termId };
      if (m.surface !== undefined) {
        if (!isStr(m.surface, 300)) return { error: 'lookup: surface must be a string of at most 300 characters' };
        req.surface = m.surface;
      }
      if (m.lang !== undefined) {
        if (!isStr(m.lang, 20)) return { error: 'lookup: lang must be a language tag' };
        req.lang = m.lang;
      }
      if (m.pageLang !== undefined) {
        if (!isStr(m.pageLang, 20)) return { error: 'lookup: pageLang must be a language tag' };
        req.pageLang = m.pageLang;
      }
      return { req };
    }
    case 'uiStrings':
      if ((e = check(['lang']))) return { error: e };
      if (!isUiLang(m.lang)) return { error: 'uiStrings: lang must be en, fr or es' };
      return { req: { type: 'uiStrings', lang: m.lang } };
    case 'search': {
      if ((e = check(['query', 'filters', 'limit']))) return { error: e };
      if (!isStr(m.query, 500)) return { error: 'search: query must be a string of at most 500 characters' };
      const f = m.filters;
      if (f !== undefined && (typeof f !== 'object' || f === null || Array.isArray(f)))
        return { error: 'search: filters must be an object' };
      const filters: SearchFilters = {};
      for (const k of Object.keys(f ?? {}))
        if (!['agency', 'doc', 'section', 'kind'].includes(k))
          return { error: `search: unknown filter "${k.slice(0, 40)}"` };
      for (const k of ['agency', 'doc', 'section', 'kind'] as const) {
        const v = (f as Record<string, unknown> | undefined)?.[k];
        if (v === undefined || v === '') continue;
        if (!isStr(v, 100)) return { error: `search: filters.${k} must be a string` };
        filters[k] = v;
      }
      const limit = optLimit(m.limit, 'search');
      if (typeof limit === 'string') return { error: limit };
      return { req: { type: 'search', query: m.query, filters, limit } };
    }
    case 'suggest': {
      if ((e = check(['query', 'limit']))) return { error: e };
      if (!isStr(m.query, 200)) return { error: 'suggest: query must be a string of at most 200 characters' };
      const limit = optLimit(m.limit, 'suggest');
      if (typeof limit === 'string') return { error: limit };
      return { req: { type: 'suggest', query: m.query, limit } };
    }
    case 'record':
      if ((e = check(['id']))) return { error: e };
      if (!isStr(m.id, 200) || !m.id) return { error: 'record: id must be a non-empty string' };
      return { req: { type: 'record', id: m.id } };
    case 'terms':
    case 'status':
    case 'customList':
    case 'facets':
      if ((e = check([]))) return { error: e };
      return { req: { type: m.type } };
    case 'settings': {
      if (m.op === 'get') return (e = check(['op'])) !== null ? { error: e } : { req: { type: 'settings', op: 'get' } };
      const r = parseSettingsOp(m);
      return 'error' in r ? r : { req: { type: 'settings', ...r.op } };
    }
    case 'customImport': {
      if ((e = check(['text', 'filename', 'format', 'mode']))) return { error: e };
      if (typeof m.text !== 'string') return { error: 'customImport: text must be the file content as a string' };
      if (m.text.length > MAX_IMPORT_CHARS)
        return { error: `customImport: the file is ${(m.text.length / 1048576).toFixed(1)} MB; the maximum is 2 MB` };
      if (m.filename !== undefined && !isStr(m.filename, 300))
        return { error: 'customImport: filename must be a string' };
      if (m.format !== undefined && m.format !== 'json' && m.format !== 'csv')
        return { error: 'customImport: format must be "json" or "csv"' };
      if (m.mode !== undefined && m.mode !== 'merge' && m.mode !== 'replace')
        return { error: 'customImport: mode must be "merge" or "replace"' };
      return { req: { type: 'customImport', text: m.text, filename: m.filename, format: m.format, mode: m.mode } };
    }
    case 'customExport':
      if ((e = check(['format']))) return { error: e };
      if (m.format !== 'json' && m.format !== 'csv') return { error: 'customExport: format must be "json" or "csv"' };
      return { req: { type: 'customExport', format: m.format } };
    case 'customDelete': {
      if ((e = check(['ids']))) return { error: e };
      const ids = m.ids;
      if (!Array.isArray(ids) || ids.length === 0 || ids.length > 5000 || !ids.every(isGlossaryId))
        return { error: 'customDelete: ids must be a non-empty list of glossary ids' };
      return { req: { type: 'customDelete', ids: [...new Set(ids as string[])] } };
    }
    default:
      return { error: `unknown message type: ${JSON.stringify(String(m.type)).slice(0, 60)}` };
  }
}
