/**
 * Validation of user glossary entries (from JSON or CSV). Everything is checked before anything is
 * stored, so a bad file changes nothing. Text is kept verbatim (HTML stays literal text; the UI
 * renders text nodes only); only control characters are refused, loudly.
 */
import { CATEGORIES, type Category, type GlossaryEntry, type RecognitionHints } from '../glossary/types';
import { ID_MAX_LENGTH, ID_PATTERN, isGlossaryId } from '../glossary/id';
import type { MessageKey } from '../i18n/keys';
import { issueAt, msg, type ImportIssue, type Sub } from './issue';

export { formatIssue, type ImportIssue } from './issue';

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
  if (raws.length === 0) return { errors: [issueAt({}, 'issue_noEntries')] };
  if (raws.length > LIMITS.entries)
    return { errors: [issueAt({}, 'issue_tooManyEntries', raws.length, LIMITS.entries)] };
  const entries: GlossaryEntry[] = [];
  const firstSeen = new Map<string, RawEntry>();
  for (const raw of raws) {
    const at = { line: raw.line, entry: raw.entry };
    const issue: Report = (field, key, ...subs) => errors.push(issueAt({ ...at, field }, key, ...subs));
    const e = checkEntry(raw.value, issue);
    if (!e) continue;
    const prev = firstSeen.get(e.id);
    if (prev)
      issue(
        'id',
        'issue_duplicateId',
        e.id,
        prev.line !== undefined ? msg('import_atLine', prev.line) : msg('import_atEntry', prev.entry),
      );
    else firstSeen.set(e.id, raw);
    if (ctx.builtinIds.has(e.id)) issue('id', 'issue_builtinId', e.id);
    entries.push(e);
  }
  // Related ids must resolve now, or the card would show dangling links.
  const known = (id: string) => ctx.builtinIds.has(id) || ctx.existingCustomIds.has(id) || firstSeen.has(id);
  entries.forEach((e) => {
    const raw = firstSeen.get(e.id);
    for (const r of e.related)
      if (!known(r))
        errors.push(issueAt({ line: raw?.line, entry: raw?.entry, field: 'related' }, 'issue_unknownRelated', r));
  });
  return errors.length ? { errors } : { entries };
}

type Report = (field: string | undefined, key: MessageKey, ...subs: Sub[]) => void;

function text(v: unknown, field: string, max: number, report: Report, required: boolean): string | undefined {
  if (v === undefined || v === null || v === '') {
    if (required) report(field, 'issue_required');
    return undefined;
  }
  if (typeof v !== 'string') {
    report(field, 'issue_notText');
    return undefined;
  }
  const t = v.trim();
  if (required && !t) {
    report(field, 'issue_required');
    return undefined;
  }
  if (t.length > max) {
    report(field, 'issue_tooLong', t.length, max);
    return undefined;
  }
  if (CONTROL_RE.test(t)) {
    report(field, 'issue_controlChars');
    return undefined;
  }
  return t;
}

function textList(v: unknown, field: string, report: Report, re?: RegExp): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    report(field, 'issue_notList');
    return [];
  }
  if (v.length > LIMITS.listItems) {
    report(field, 'issue_tooManyItems', v.length, LIMITS.listItems);
    return [];
  }
  const out: string[] = [];
  v.forEach((x, i) => {
    const t = text(x, `${field}[${i}]`, LIMITS.listItem, report, true);
    if (t === undefined) return;
    if (re && !re.test(t)) {
      report(`${field}[${i}]`, 'issue_notAnId', t.slice(0, 60));
      return;
    }
    // '|' separates list items in CSV; allowing it would make a CSV export split the value.
    if (t.includes('|')) {
      report(`${field}[${i}]`, 'issue_pipe');
      return;
    }
    if (!out.includes(t)) out.push(t);
  });
  return out;
}

function checkEntry(v: unknown, report: Report): GlossaryEntry | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) {
    report(undefined, 'issue_notObject');
    return null;
  }
  const o = v as Record<string, unknown>;
  let bad = false;
  const r: Report = (...args) => {
    bad = true;
    report(...args);
  };
  for (const k of Object.keys(o))
    if (!(ENTRY_FIELDS as readonly string[]).includes(k))
      r(k, 'issue_unknownField', ENTRY_FIELDS.filter((f) => f !== 'custom').join(', '));
  if (o.custom !== undefined && o.custom !== true) r('custom', 'issue_onlyTrue');
  const id = text(o.id, 'id', ID_MAX_LENGTH, r, true);
  if (id !== undefined && !isGlossaryId(id)) r('id', 'issue_badId', id.slice(0, 60), ID_MAX_LENGTH);
  const label = text(o.label, 'label', LIMITS.label, r, true);
  if (label !== undefined && label.length < 2) r('label', 'issue_labelShort');
  const expansion = text(o.expansion, 'expansion', LIMITS.expansion, r, false) ?? '';
  const summary = text(o.summary, 'summary', LIMITS.summary, r, true);
  let category: Category = 'other';
  if (o.category !== undefined && o.category !== '') {
    if (typeof o.category === 'string' && (CATEGORIES as readonly string[]).includes(o.category))
      category = o.category as Category;
    else r('category', 'issue_category', CATEGORIES.join(', '));
  }
  const aliases = textList(o.aliases, 'aliases', r);
  aliases.forEach((a, i) => a.length < 2 && r(`aliases[${i}]`, 'issue_aliasShort'));
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
    r('hints', 'issue_notHintsObject');
    return undefined;
  }
  const o = v as Record<string, unknown>;
  const h: RecognitionHints = {};
  for (const k of Object.keys(o)) {
    // `patterns` are regular expressions run on every page: a user-supplied one could hang the tab.
    if (k === 'patterns') r('hints.patterns', 'issue_patterns');
    else if (!(HINT_FIELDS as readonly string[]).includes(k))
      r(`hints.${k}`, 'issue_unknownField', HINT_FIELDS.join(', '));
  }
  for (const k of ['caseSensitive', 'neverAlone'] as const) {
    if (o[k] === undefined) continue;
    if (typeof o[k] !== 'boolean') r(`hints.${k}`, 'issue_notBoolean');
    else h[k] = o[k] as boolean;
  }
  for (const k of ['context', 'notNear'] as const) {
    const l = textList(o[k], `hints.${k}`, r);
    if (l.length) h[k] = l;
  }
  return Object.keys(h).length ? h : undefined;
}
