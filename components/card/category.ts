/**
 * The category name on a card, in the interface language. Built from the category id so the content
 * script needs no table; the background's English name (categoryName) is the fallback for a category
 * this build has no message for.
 */
import type { MessageKey } from '@/lib/i18n/keys';
import { t } from '@/lib/i18n/t';

export function categoryLabel(card: { category: string; categoryName?: string }): string {
  const key = `cat_${card.category.replace(/-/g, '_')}` as MessageKey;
  const m = t(key);
  return m === key ? (card.categoryName ?? card.category) : m;
}
