/**
 * Custom glossary files: JSON (array of GlossarySource-like objects) or CSV (header row with the
 * same field names; list fields `|`-separated; hint fields as their own columns). Export is the
 * canonical form, so export → import → export is byte-identical.
 */
import type { GlossaryEntry } from '../glossary/types';
import { CsvError, parseCsv, writeCsv } from './csv';
import { issueAt, type ImportIssue } from './issue';
import { HINT_FIELDS, LIMITS, validateEntries, type RawEntry, type ValidateContext } from './validate';

export type CustomFormat = 'json' | 'csv';

export const CSV_COLUMNS = [
  'id',
  'label',
  'expansion',
  'category',
  'aliases',
  'summary',
  'related',
  ...HINT_FIELDS,
] as const;
const LIST_COLUMNS = new Set(['aliases', 'related', 'context', 'notNear']);

export interface ImportInput {
  text: string;
  filename?: string;
  format?: CustomFormat;
}
export type ImportResult = { entries: GlossaryEntry[]; format: CustomFormat } | { errors: ImportIssue[] };

export function detectFormat(input: ImportInput): CustomFormat {
  if (input.format) return input.format;
  const ext = input.filename?.toLowerCase().match(/\.(json|csv)$/)?.[1];
  if (ext === 'json' || ext === 'csv') return ext;
  return /^\s*[[{]/.test(input.text) ? 'json' : 'csv';
}

/** UTF-8 byte length without allocating a 10 MB buffer for an oversized file. */
function utf8Bytes(s: string): number {
  if (s.length > LIMITS.fileBytes) return s.length; // already too big (bytes ≥ UTF-16 units for BMP text)
  return new TextEncoder().encode(s).length;
}

export function parseCustomFile(input: ImportInput, ctx: ValidateContext): ImportResult {
  const bytes = utf8Bytes(input.text);
  if (bytes > LIMITS.fileBytes) return { errors: [issueAt({}, 'issue_fileTooBig', (bytes / 1024 / 1024).toFixed(1))] };
  const format = detectFormat(input);
  const raws = format === 'json' ? readJson(input.text) : readCsv(input.text);
  if ('errors' in raws) return raws;
  const r = validateEntries(raws.raws, ctx);
  return 'errors' in r ? r : { entries: r.entries, format };
}

function lineAt(text: string, pos: number): number {
  let line = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Offsets where each top-level array element starts, so JSON errors can name a line. */
function elementOffsets(text: string): number[] {
  const out: number[] = [];
  let depth = 0,
    inStr = false,
    expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inStr) {
      if (c === '\\') i++;
      else if (c === '"') inStr = false;
      continue;
    }
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t') continue;
    if (depth === 1 && expectValue && c !== ']') {
      out.push(i);
      expectValue = false;
    }
    if (c === '"') inStr = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expectValue = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expectValue = true;
  }
  return out;
}

function readJson(text: string): { raws: RawEntry[] } | { errors: ImportIssue[] } {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const msg = (e as Error).message;
    const pos = Number(msg.match(/position (\d+)/)?.[1]);
    const line = Number.isFinite(pos) ? lineAt(text, pos) : Number(msg.match(/line (\d+)/)?.[1]) || undefined;
    // The detail is the JavaScript engine's own wording (English in V8 and SpiderMonkey alike).
    return { errors: [issueAt({ line }, 'issue_malformedJson', msg)] };
  }
  if (!Array.isArray(data)) return { errors: [issueAt({ line: 1 }, 'issue_notArray')] };
  const offs = elementOffsets(text);
  return {
    raws: data.map((value, i) => ({
      value,
      entry: i + 1,
      line: offs[i] !== undefined ? lineAt(text, offs[i]) : undefined,
    })),
  };
}

function readCsv(text: string): { raws: RawEntry[] } | { errors: ImportIssue[] } {
  let rows;
  try {
    rows = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvError) return { errors: [issueAt({ line: e.line }, 'issue_malformedCsv', e.reason)] };
    throw e;
  }
  const [head, ...body] = rows;
  if (!head) return { errors: [issueAt({}, 'issue_emptyFile')] };
  const cols = head.cells.map((c) => c.trim());
  const errors: ImportIssue[] = [];
  cols.forEach((c, i) => {
    if (!(CSV_COLUMNS as readonly string[]).includes(c))
      errors.push(
        issueAt(
          c ? { line: head.line, field: c } : { line: head.line, column: i + 1 },
          'issue_unknownColumn',
          CSV_COLUMNS.join(', '),
        ),
      );
    else if (cols.indexOf(c) !== i) errors.push(issueAt({ line: head.line, field: c }, 'issue_columnTwice'));
  });
  for (const req of ['id', 'label', 'summary'])
    if (!cols.includes(req)) errors.push(issueAt({ line: head.line, field: req }, 'issue_missingColumn'));
  body.forEach((r) => {
    if (r.cells.length !== cols.length)
      errors.push(issueAt({ line: r.line }, 'issue_fieldCount', r.cells.length, cols.length));
  });
  if (errors.length) return { errors };
  const raws = body.map((r, i): RawEntry => {
    const o: Record<string, unknown> = {};
    const hints: Record<string, unknown> = {};
    cols.forEach((c, j) => {
      const cell = r.cells[j] ?? ''; // every row has one cell per column (checked above)
      if (cell.trim() === '') return;
      let v: unknown = LIST_COLUMNS.has(c) ? cell.split('|') : cell;
      if (c === 'caseSensitive' || c === 'neverAlone')
        v = cell.trim() === 'true' ? true : cell.trim() === 'false' ? false : cell;
      if ((HINT_FIELDS as readonly string[]).includes(c)) hints[c] = v;
      else o[c] = v;
    });
    if (Object.keys(hints).length) o.hints = hints;
    return { value: o, entry: i + 1, line: r.line };
  });
  return { raws };
}

/** Canonical, ordered plain object (no `custom`, no build-only fields, empty lists omitted). */
function toSource(e: GlossaryEntry): Record<string, unknown> {
  const o: Record<string, unknown> = { id: e.id, label: e.label, expansion: e.expansion, category: e.category };
  if (e.aliases?.length) o.aliases = e.aliases;
  o.summary = e.summary;
  if (e.related?.length) o.related = e.related;
  const h: Record<string, unknown> = {};
  for (const k of HINT_FIELDS) {
    const v = e.hints?.[k];
    if (v !== undefined && !(Array.isArray(v) && v.length === 0)) h[k] = v;
  }
  if (Object.keys(h).length) o.hints = h;
  return o;
}

export function exportCustom(entries: GlossaryEntry[], format: CustomFormat): string {
  const sorted = [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (format === 'json') return JSON.stringify(sorted.map(toSource), null, 2) + '\n';
  const rows = sorted.map((e) => {
    const src = toSource(e);
    const hints = (src.hints ?? {}) as Record<string, unknown>;
    return CSV_COLUMNS.map((c) => {
      const v = c in src ? src[c] : hints[c];
      return v === undefined ? '' : Array.isArray(v) ? v.join('|') : String(v);
    });
  });
  return writeCsv([[...CSV_COLUMNS], ...rows]);
}
