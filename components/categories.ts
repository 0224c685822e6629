/**
 * Reader-facing names of the glossary categories, for every surface: `one` names the category of a
 * single term (card, term view, custom list), `many` a group of terms (side panel headings, the
 * "categories to highlight" settings). Categories without a name (none today) are shown as they are.
 */
import type { Category } from '@/lib/glossary/types';
import type { MessageKey } from '@/lib/i18n/keys';
import { t } from '../lib/i18n/t';

export const CATEGORY_NAMES: Record<Category, { one: string; many: string }> = {
  agency: { one: 'Agency', many: 'Agencies' },
  'un-body': { one: 'UN body', many: 'UN bodies' },
  'process-forum': { one: 'Process or forum', many: 'Processes and forums' },
  instrument: { one: 'Instrument', many: 'Instruments' },
  programme: { one: 'Programme', many: 'Programmes' },
  system: { one: 'System', many: 'Systems' },
  concept: { one: 'Concept', many: 'Concepts' },
  document: { one: 'Document', many: 'Documents' },
  other: { one: 'Other', many: 'Other' },
};

const names = (c: string) => (Object.hasOwn(CATEGORY_NAMES, c) ? CATEGORY_NAMES[c as Category] : null);

/** The message `cat_…` (one) or `cats_…` (many) in the interface language; English where none answers (Node). */
function localised(c: string, many: boolean): string | null {
  const key = `${many ? 'cats' : 'cat'}_${c.replace(/-/g, '_')}` as MessageKey;
  const m = names(c) ? t(key) : key;
  return m === key ? null : m;
}

/** "UN body": the category of one term. */
export const categoryName = (c: string): string => localised(c, false) ?? names(c)?.one ?? c;

/** "UN bodies": a group of terms of that category. */
export const categoryGroupName = (c: string): string => localised(c, true) ?? names(c)?.many ?? c;
