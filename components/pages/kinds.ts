/** The kind of a search hit ("mandate", "term"…) as a reader-facing word in the interface language. */
import type { MessageKey } from '@/lib/i18n/keys';
import { t } from '@/lib/i18n/t';

const KIND_KEYS: Record<string, MessageKey> = {
  mandate: 'kind_mandate',
  recommendation: 'kind_recommendation',
  passage: 'kind_passage',
  term: 'kind_term',
  custom: 'kind_custom',
};

export const kindName = (kind: string | undefined): string =>
  kind ? (Object.hasOwn(KIND_KEYS, kind) ? t(KIND_KEYS[kind]!) : kind) : '';
