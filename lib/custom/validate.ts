/**
 * Validation of user glossary entries (from JSON or CSV). Everything is checked before anything is
 * stored, so a bad file changes nothing. Text is kept verbatim (HTML stays literal text; the UI
 * renders text nodes only); only control characters are refused, loudly.
 */
import { CATEGORIES, type Category, type GlossaryEntry, type RecognitionHints } from '../glossary/types';
import { ID_MAX_LENGTH, ID_PATTERN, ID_RULE, isGlossaryId } from '../glossary/id';

export interface ImportIssue {
  /** 1-based line in the imported file where the entry (or the problem) starts. */
  line?: number;
  /** 1-based position of the entry in the file. */
  entry?: number;
  field?: string;
  message: string;
}

export function formatIssue(i: ImportIssue): string {
  const where = [
    i.line !== undefined ? `line ${i.line}` : '',
    i.entry !== undefined ? `entry ${i.entry}` : '',
    i.field ? `field "${i.field}"` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return where ? `${where}: ${i.message}` : i.message;
}

export const LIMITS = {
  fileBytes: 2 * 1024 * 1024,
  entries: 5000,
  label: 200,
  expansion: 300,
  summary: 2000,
  listItems: 50,
  listItem: 200,
} as const;

export const ENTRY_FIELDS = [
  'id',
  'label',
  'expansion',
  'category',
  'aliases',
  'summary',
  'related',
  'hints',
  'custom',
] as const;
export const HINT_FIELDS = ['caseSensitive', 'neverAlone', 'context', 'notNear'] as const;
// Tab, LF and CR are fine in a summary; other C0/C1 controls are never intended text.
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's purpose
const CONTROL_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export interface RawEntry {
  line?: number;
  entry: number;
  value: unknown;
}
export interface ValidateContext {
  builtinIds: ReadonlySet<string>;
  existingCustomIds: ReadonlySet<string>;
}

export function validateEntries(
  raws: RawEntry[],
  ctx: ValidateContext,
): { entries: GlossaryEntry[] } | { errors: ImportIssue[] } {
  const errors: ImportIssue[] = [];
  if (raws.length === 0) return { errors: [{ message: 'the file contains no entries' }] };
  if (raws.length > LIMITS.entries)
    return { errors: [{ message: `the file has ${raws.length} entries; the maximum is ${LIMITS.entries}` }] };
  const entries: GlossaryEntry[] = [];
  const firstSeen = new Map<string, RawEntry>();
  for (const raw of raws) {
    const at = { line: raw.line, entry: raw.entry };
    const issue = (field: string | undefined, message: string) => errors.push({ ...at, field, message });
    const e = checkEntry(raw.value, issue);
    if (!e) continue;
    const prev = firstSeen.get(e.id);
    if (prev)
      issue(
        'id',
        `duplicate id "${e.id}" (first used at ${prev.line !== undefined ? `line ${prev.line}` : `entry ${prev.entry}`})`,
      );
    else firstSeen.set(e.id, raw);
    if (ctx.builtinIds.has(e.id))
      issue('id', `id "${e.id}" is already used by a built-in glossary entry; choose another id`);
    entries.push(e);
  }
  // Related ids must resolve now, or the card would show dangling links.
  const known = (id: string) => ctx.builtinIds.has(id) || ctx.existingCustomIds.has(id) || firstSeen.has(id);
  entries.forEach((e) => {
    const raw = firstSeen.get(e.id);
    for (const r of e.related)
      if (!known(r))
        errors.push({ line: raw?.line, entry: raw?.entry, field: 'related', message: `unknown related id "${r}"` });
  });
  return errors.length ? { errors } : { entries };
}

type Report = (field: string | undefined, message: string) => void;

function text(v: unknown, field: string, max: number, report: Report, required: boolean): string | undefined {
  if (v === undefined || v === null || v === '') {
    if (required) report(field, 'is required');
    return undefined;
  }
  if (typeof v !== 'string') {
    report(field, 'must be text');
    return undefined;
  }
  const t = v.trim();
  if (required && !t) {
    report(field, 'is required');
    return undefined;
  }
  if (t.length > max) {
    report(field, `is ${t.length} characters; the maximum is ${max}`);
    return undefined;
  }
  if (CONTROL_RE.test(t)) {
    report(field, 'contains control characters');
    return undefined;
  }
  return t;
}

function textList(v: unknown, field: string, report: Report, re?: RegExp): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    report(field, 'must be a list of text values');
    return [];
  }
  if (v.length > LIMITS.listItems) {
    report(field, `has ${v.length} items; the maximum is ${LIMITS.listItems}`);
    return [];
  }
  const out: string[] = [];
  v.forEach((x, i) => {
    const t = text(x, `${field}[${i}]`, LIMITS.listItem, report, true);
    if (t === undefined) return;
    if (re && !re.test(t)) {
      report(`${field}[${i}]`, `"${t.slice(0, 60)}" is not a valid id`);
      return;
    }
    // '|' separates list items in CSV; allowing it would make a CSV export split the value.
    if (t.includes('|')) {
      report(`${field}[${i}]`, 'may not contain "|" (it separates list items in CSV files)');
      return;
    }
    if (!out.includes(t)) out.push(t);
  });
  return out;
}

function checkEntry(v: unknown, report: Report): GlossaryEntry | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) {
    report(undefined, 'each entry must be an object');
    return null;
  }
  const o = v as Record<string, unknown>;
  let bad = false;
  const r: Report = (f, m) => {
    bad = true;
    report(f, m);
  };
  for (const k of Object.keys(o))
    if (!(ENTRY_FIELDS as readonly string[]).includes(k))
      r(k, `unknown field; allowed: ${ENTRY_FIELDS.filter((f) => f !== 'custom').join(', ')}`);
  if (o.custom !== undefined && o.custom !== true) r('custom', 'may only be true');
  const id = text(o.id, 'id', ID_MAX_LENGTH, r, true);
  if (id !== undefined && !isGlossaryId(id)) r('id', `"${id.slice(0, 60)}" must be ${ID_RULE}`);
  const label = text(o.label, 'label', LIMITS.label, r, true);
  if (label !== undefined && label.length < 2)
    r('label', 'must be at least 2 characters (shorter labels would match everywhere)');
  const expansion = text(o.expansion, 'expansion', LIMITS.expansion, r, false) ?? '';
  const summary = text(o.summary, 'summary', LIMITS.summary, r, true);
  let category: Category = 'other';
  if (o.category !== undefined && o.category !== '') {
    if (typeof o.category === 'string' && (CATEGORIES as readonly string[]).includes(o.category))
      category = o.category as Category;
    else r('category', `must be one of ${CATEGORIES.join(', ')}`);
  }
  const aliases = textList(o.aliases, 'aliases', r);
  aliases.forEach((a, i) => a.length < 2 && r(`aliases[${i}]`, 'must be at least 2 characters'));
  const related = textList(o.related, 'related', r, ID_PATTERN);
  const hints = checkHints(o.hints, r);
  if (bad || !id || !label || !summary) return null;
  const e: GlossaryEntry = { id, label, expansion, category, summary, related, excerpts: [], custom: true };
  if (aliases.length) e.aliases = aliases;
  if (hints) e.hints = hints;
  return e;
}

function checkHints(v: unknown, r: Report): RecognitionHints | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) {
    r('hints', 'must be an object');
    return undefined;
  }
  const o = v as Record<string, unknown>;
  const h: RecognitionHints = {};
  for (const k of Object.keys(o)) {
    // `patterns` are regular expressions run on every page: a user-supplied one could hang the tab.
    if (k === 'patterns') r('hints.patterns', 'regular-expression patterns are not supported in custom glossaries');
    else if (!(HINT_FIELDS as readonly string[]).includes(k))
      r(`hints.${k}`, `unknown field; allowed: ${HINT_FIELDS.join(', ')}`);
  }
  for (const k of ['caseSensitive', 'neverAlone'] as const) {
    if (o[k] === undefined) continue;
    if (typeof o[k] !== 'boolean') r(`hints.${k}`, 'must be true or false');
    else h[k] = o[k] as boolean;
  }
  for (const k of ['context', 'notNear'] as const) {
    const l = textList(o[k], `hints.${k}`, r);
    if (l.length) h[k] = l;
  }
  return Object.keys(h).length ? h : undefined;
}
