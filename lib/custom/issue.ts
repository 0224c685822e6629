/**
 * A problem found in an imported custom glossary, kept as a message key and its substitutions
 * (public/_locales/<lang>/messages.json, keys issue_*), so the background can show it in the reader's
 * language (lib/background/custom-ops.ts). The English text is rendered from the same catalogue,
 * so there is one wording per problem.
 */
import { tableFor } from '../i18n/catalogues';
import type { MessageKey } from '../i18n/keys';
import { substitute } from '../i18n/t';

/** A substitution: plain text (a name from the file, a number), or a message of its own. */
export type Sub = string | number | Msg;
export interface Msg {
  key: MessageKey;
  subs: readonly Sub[];
}
/** A translator bound to one language (the background's `Say`). */
export type Translate = (key: MessageKey, ...subs: (string | number)[]) => string;

export interface ImportIssue {
  /** 1-based line in the imported file where the entry (or the problem) starts. */
  line?: number;
  /** 1-based position of the entry in the file. */
  entry?: number;
  field?: string;
  /** 1-based column of a CSV header cell that has no name (so no field to point at). */
  column?: number;
  /** The problem in English. */
  message: string;
  /** The same problem as a message, for other languages (absent: only `message` exists). */
  text?: Msg;
}

export const msg = (key: MessageKey, ...subs: Sub[]): Msg => ({ key, subs });

export function render(m: Msg, say: Translate): string {
  return say(m.key, ...m.subs.map((s) => (typeof s === 'object' ? render(s, say) : s)));
}

const en = tableFor('en');
export const english: Translate = (key, ...subs) => substitute(en[key] ?? key, subs.map(String));

/** An issue at `at`, worded by `key`: the English message and the key travel together. */
export function issueAt(at: Omit<ImportIssue, 'message' | 'text'>, key: MessageKey, ...subs: Sub[]): ImportIssue {
  const text = msg(key, ...subs);
  return { ...at, message: render(text, english), text };
}

/** "line 3, entry 2, field "label": is required", in the language `say` speaks. */
export function formatIssueIn(i: ImportIssue, say: Translate): string {
  const where = [
    i.line !== undefined ? say('import_atLine', i.line) : '',
    i.entry !== undefined ? say('import_atEntry', i.entry) : '',
    i.field ? say('import_atField', i.field) : '',
    i.column !== undefined ? say('import_atColumn', i.column) : '',
  ]
    .filter(Boolean)
    .join(', ');
  const message = i.text ? render(i.text, say) : i.message;
  return where ? `${where}: ${message}` : message;
}

export const formatIssue = (i: ImportIssue): string => formatIssueIn(i, english);
