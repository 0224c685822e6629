/**
 * The card's text as lines, in the order the card shows them (all excerpts and related entries
 * expanded; the name first, though the card shows it in its toolbar's row): what `kb show` prints, so maintainers review what readers see. A unit test renders
 * the card and compares its text with these lines; the card itself does not import this file
 * (the content script stays small), so the two are kept equal by that test.
 */
import type { TermCard } from '../../lib/messaging/protocol';
import { tableFor } from '../../lib/i18n/catalogues';
import type { MessageKey } from '../../lib/i18n/keys';
import { pluralForm, type UiLang } from '../../lib/i18n/lang';
import { substitute } from '../../lib/i18n/t';

/** The card's messages in `lang`, read from the catalogue (this runs in Node too, without browser.i18n). */
function translator(lang: UiLang) {
  const table = tableFor(lang);
  return (key: MessageKey, ...subs: (string | number)[]) => substitute(table[key] ?? key, subs.map(String));
}

export type CardLineKind =
  | 'label'
  | 'category'
  | 'badge'
  | 'expansion'
  | 'summary'
  | 'heading'
  | 'excerpt'
  | 'cite'
  | 'copy'
  | 'source'
  | 'note'
  | 'recommendations'
  | 'related'
  | 'official';

export interface CardLine {
  kind: CardLineKind;
  /** The text as rendered. */
  text: string;
  /** Link target ('source', 'official'). */
  href?: string;
  /** Hover text ('cite'). */
  title?: string;
  /** What "Copy citation" puts on the clipboard ('copy'). */
  copy?: string;
}

/** Lines of one excerpt: text, citation, and its actions. */
function excerptLines(x: TermCard['excerpts'][number], out: CardLine[], t: ReturnType<typeof translator>): void {
  out.push({ kind: 'excerpt', text: x.text });
  out.push(x.citeTitle ? { kind: 'cite', text: x.cite, title: x.citeTitle } : { kind: 'cite', text: x.cite });
  if (x.ref) out.push({ kind: 'copy', text: t('card_copy'), copy: x.ref });
  if (x.url) out.push({ kind: 'source', text: t('card_openSource'), href: x.url });
}

export function cardText(card: TermCard, lang: UiLang = 'en'): CardLine[] {
  const t = translator(lang);
  const out: CardLine[] = [{ kind: 'label', text: card.label }];
  const cat = `cat_${card.category.replace(/-/g, '_')}` as MessageKey;
  out.push({ kind: 'category', text: tableFor(lang)[cat] ?? card.categoryName ?? card.category });
  if (card.custom) out.push({ kind: 'badge', text: t('card_custom') });
  if (card.expansion && card.expansion !== card.label) out.push({ kind: 'expansion', text: card.expansion });
  const kicker = [card.custom ? t('card_yourNote') : t('card_summary')];
  if (card.asOf) kicker.push(t('card_asOf', card.asOf));
  out.push({ kind: 'summary', text: `${kicker.join(' · ')} ${card.summary}` });
  const isAgency = !!card.mandateId;
  if (isAgency) {
    out.push({ kind: 'heading', text: t('card_mandate') });
    const mandate = card.excerpts.find((x) => x.recordId === card.mandateId);
    if (mandate) excerptLines(mandate, out, t);
    else out.push({ kind: 'note', text: t('card_mandateInSearch') });
  }
  const excerpts = isAgency ? card.excerpts.filter((x) => x.recordId !== card.mandateId) : card.excerpts;
  if (excerpts.length && isAgency) out.push({ kind: 'heading', text: t('card_inSources') });
  for (const x of excerpts) excerptLines(x, out, t);
  if (!excerpts.length && !isAgency && card.noExcerpt) out.push({ kind: 'note', text: card.noExcerpt });
  if (card.related.length) {
    out.push({ kind: 'heading', text: t('card_related') });
    for (const r of card.related) out.push({ kind: 'related', text: r.label });
  }
  // The compact card's disclosure buttons share one row after the related terms (./CardBody.tsx).
  const n = isAgency ? (card.recommendationIds?.length ?? 0) : 0;
  if (n) out.push({ kind: 'recommendations', text: t(`card_recsShow_${pluralForm(lang, n)}`, n) });
  if (card.officialUrl) out.push({ kind: 'official', text: t('card_official'), href: card.officialUrl });
  return out;
}

const INDENT: Partial<Record<CardLineKind, string>> = {
  excerpt: '  ',
  cite: '    — ',
  copy: '    ',
  source: '    ',
  related: '  ',
};

/** Plain text for a terminal: one line per card line, with link targets and copied text shown. */
export function cardTextToString(lines: readonly CardLine[]): string {
  return lines
    .map((l) => {
      const text = l.kind === 'excerpt' ? `“${l.text}”` : l.text;
      const extra = l.href ? ` <${l.href}>` : l.copy ? `: ${l.copy}` : '';
      const hover = l.title && l.title !== l.text ? `\n      (on hover: ${l.title})` : '';
      return `${l.kind === 'heading' ? '\n' : ''}${INDENT[l.kind] ?? ''}${text}${extra}${hover}`;
    })
    .join('\n');
}
