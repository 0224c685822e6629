/**
 * Name-collision rule. Two entries may claim the same label/alias only if at least one of them is
 * context-gated (`hints.neverAlone`, or a non-empty `hints.context` or `hints.notNear`): then the
 * recogniser has a documented way to pick one, and the ungated entry is the default reading.
 * Comparison follows the matching rule: two case-sensitive forms (acronym-like, or forced by
 * `hints.caseSensitive`) collide only if identical; if either is case-insensitive, they collide
 * when equal ignoring case. Whitespace and apostrophe variants are ignored.
 */
import type { GlossaryError } from './errors';
import { entryForms, isCaseSensitive, normalizeForm } from './text';
import type { GlossarySource } from '../../glossary/types';

export interface Located {
  entry: GlossarySource;
  file: string;
  line?: number;
}

export function isContextGated(entry: GlossarySource): boolean {
  const h = entry.hints;
  if (!h) return false;
  return h.neverAlone === true || (h.context?.length ?? 0) > 0 || (h.notNear?.length ?? 0) > 0;
}

interface Claim {
  at: Located;
  form: string;
  field: string;
  cs: boolean;
}

function where(l: Located): string {
  return l.line !== undefined ? `${l.file}:${l.line}` : l.file;
}

export function findNameCollisions(items: Located[]): GlossaryError[] {
  const groups = new Map<string, Claim[]>();
  for (const at of items) {
    const forms = entryForms(at.entry);
    const aliases = at.entry.aliases ?? [];
    for (const form of forms) {
      const idx = aliases.findIndex((a) => typeof a === 'string' && a.trim() === form);
      const field = form === at.entry.label.trim() ? 'label' : `aliases[${idx}]`;
      const key = normalizeForm(form).toLowerCase();
      const claim: Claim = { at, form: normalizeForm(form), field, cs: isCaseSensitive(at.entry, form) };
      const list = groups.get(key);
      if (list) list.push(claim);
      else groups.set(key, [claim]);
    }
  }
  const errors: GlossaryError[] = [];
  for (const claims of groups.values()) {
    for (let j = 1; j < claims.length; j++) {
      for (let i = 0; i < j; i++) {
        const a = claims[i]!;
        const b = claims[j]!;
        if (a.at.entry === b.at.entry) continue;
        const clash = !(a.cs && b.cs) || a.form === b.form;
        if (!clash || isContextGated(a.at.entry) || isContextGated(b.at.entry)) continue;
        errors.push({
          file: b.at.file,
          id: b.at.entry.id,
          field: b.field,
          line: b.at.line,
          message:
            `"${b.form}" is also claimed by entry "${a.at.entry.id}" (${a.field}, ${where(a.at)}) and neither ` +
            'entry has hints.neverAlone, hints.context or hints.notNear to tell them apart',
        });
      }
    }
  }
  return errors;
}
