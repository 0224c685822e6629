/**
 * How the reader met a term, sent with the card's lookup: the words of the match on the page, the
 * language of the text around them and, when the matcher tags its matches with a language, that tag.
 * The background compares the words with the entry's French and Spanish names; the text's language
 * only decides between the two when both spell the name alike ("la OIT" on a Spanish page is Spanish,
 * "l'OIT" French) (lib/background/reader-language.ts).
 */
import type { ReaderHint } from './card-cache';
import type { TextMatch } from '@/lib/scan/hittest';
import { guessLang, primaryLang } from '@/lib/match/lang';

/** The text a match covers, across the text nodes it spans. */
export function matchText(m: TextMatch): string {
  if (m.startNode === m.endNode) return m.startNode.data.slice(m.startOffset, m.endOffset);
  return m.nodes
    .map((n) =>
      n === m.startNode ? n.data.slice(m.startOffset) : n === m.endNode ? n.data.slice(0, m.endOffset) : n.data,
    )
    .join('');
}

/** Text read around a match for the guess: its block, bounded (a hover must stay cheap). */
const AROUND = 2000;

/**
 * The language of the text the match sits in: the nearest `lang` (element or document), else the same
 * function-word guess the matcher's gates use (lib/match/lang.ts) over the match's parent element.
 */
export function textLanguage(m: TextMatch): string | undefined {
  const el = m.startNode.parentElement;
  const declared = primaryLang(el?.closest('[lang]')?.getAttribute('lang'));
  if (declared) return declared;
  const block = el?.closest('p, li, td, th, dd, blockquote, h1, h2, h3, h4, h5, h6, section, article') ?? el;
  return guessLang((block?.textContent ?? '').slice(0, AROUND));
}

export function readerHint(m: TextMatch): ReaderHint {
  const lang = (m as TextMatch & { lang?: unknown }).lang;
  const hint: ReaderHint = { surface: matchText(m).slice(0, 300) };
  if (typeof lang === 'string') hint.lang = lang;
  const around = textLanguage(m);
  if (around) hint.pageLang = around;
  return hint;
}
