/**
 * How the reader met a term, sent with the card's lookup: the words of the match on the page and,
 * when the matcher tags its matches with a language, that tag. The background compares the words with
 * the entry's French and Spanish names (lib/background/reader-language.ts).
 */
import type { ReaderHint } from './card-cache';
import type { TextMatch } from '@/lib/scan/hittest';

/** The text a match covers, across the text nodes it spans. */
export function matchText(m: TextMatch): string {
  if (m.startNode === m.endNode) return m.startNode.data.slice(m.startOffset, m.endOffset);
  return m.nodes
    .map((n) =>
      n === m.startNode ? n.data.slice(m.startOffset) : n === m.endNode ? n.data.slice(0, m.endOffset) : n.data,
    )
    .join('');
}

export function readerHint(m: TextMatch): ReaderHint {
  const lang = (m as TextMatch & { lang?: unknown }).lang;
  const hint: ReaderHint = { surface: matchText(m).slice(0, 300) };
  if (typeof lang === 'string') hint.lang = lang;
  return hint;
}
