/**
 * Groups units into paragraphs and lettered lists with roman sub-items. Handles the list noise of
 * the conversion: `(I)` OCR'd for `(l)`, bullets that lost their label, un-indented sub-items,
 * un-bulleted items, paragraphs that continue an item across a page, and lists that restart at (a)
 * under a new lead-in or sub-heading (hence the list index). Unlettered bullets under a paragraph
 * stay in that paragraph as "• " lines.
 */
import type { FootnoteRef } from '../../kb/types';
import type { Unit } from './units';

const ROMANS = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];

export interface SubItem {
  label: string;
  text: string;
  start: number;
  end: number;
  footnotes: FootnoteRef[];
  refs: string[];
}

export interface ListItem {
  type: 'item';
  /** 1-based index of the list within the section. */
  list: number;
  letter: string;
  text: string;
  start: number;
  end: number;
  context?: string;
  subheading?: string;
  subItems: SubItem[];
  footnotes: FootnoteRef[];
}

export interface Para {
  type: 'para';
  text: string;
  start: number;
  end: number;
  subheading?: string;
  footnotes: FootnoteRef[];
}

export type Entry = ListItem | Para;

function nextLetter(l: string | undefined): string {
  return l === undefined ? 'a' : String.fromCharCode(l.charCodeAt(0) + 1);
}

function nextRoman(item: ListItem): string {
  return ROMANS[item.subItems.length] ?? `${item.subItems.length + 1}`;
}

export function assembleEntries(units: readonly Unit[]): Entry[] {
  const out: Entry[] = [];
  let listNo = 0;
  let item: ListItem | undefined;
  let subheading: string | undefined;

  const nextItemContinuesList = (from: number): boolean => {
    for (let k = from; k < units.length; k++) {
      const u = units[k];
      if (!u || u.kind === 'heading') return false;
      if (u.kind === 'item') {
        if (!item) return false;
        const want = nextLetter(item.letter);
        const lab = u.label === 'I' ? 'l' : u.label;
        // An unlabelled top-level bullet after a paragraph opens a plain bullet list, not item `want`.
        return u.level === 1 || lab === want || (lab !== undefined && ROMANS.includes(lab) && lab !== 'a');
      }
    }
    return false;
  };

  units.forEach((u, k) => {
    if (u.kind === 'heading') {
      item = undefined;
      subheading = u.text;
      return;
    }
    if (u.kind === 'text') {
      if (item && nextItemContinuesList(k + 1)) {
        // A paragraph between two items of the same list belongs to the item above it
        // (UNCTAD (a) l.2888–2890, UNITAR (a) l.4414–4416, regional commissions (e)).
        const target = item.subItems.length ? item.subItems[item.subItems.length - 1]! : item;
        target.text = `${target.text}\n${u.text}`;
        target.end = u.end;
        target.footnotes.push(...u.footnotes);
        item.end = Math.max(item.end, u.end);
        return;
      }
      item = undefined;
      const p: Para = { type: 'para', text: u.text, start: u.start, end: u.end, footnotes: [...u.footnotes] };
      if (subheading !== undefined) p.subheading = subheading;
      out.push(p);
      return;
    }
    // A plain bullet list under a lead-in paragraph (IOM l.1602–1609, UNCTAD l.2827–2830): the
    // source prints no letters, so inventing "(a)" would misquote it; keep it in the paragraph.
    const lastEntry = out[out.length - 1];
    if (u.label === undefined && u.level === 0 && !item && lastEntry?.type === 'para') {
      lastEntry.text = `${lastEntry.text}\n• ${u.text}`;
      lastEntry.end = u.end;
      lastEntry.footnotes.push(...u.footnotes);
      return;
    }
    // List item.
    const wantLetter = nextLetter(item?.letter);
    let label = u.label;
    if (label === 'I') label = item && wantLetter === 'l' ? 'l' : item && item.subItems.length ? nextRoman(item) : 'l';
    const isSub =
      item !== undefined &&
      (u.level === 1 ||
        (label !== undefined && ROMANS.includes(label) && label === nextRoman(item) && label !== wantLetter));
    if (isSub && item) {
      const sl = label ?? nextRoman(item);
      item.subItems.push({
        label: sl,
        text: u.text,
        start: u.start,
        end: u.end,
        footnotes: [...u.footnotes],
        refs: [...u.refs],
      });
      item.end = Math.max(item.end, u.end);
      return;
    }
    const letter = label ?? wantLetter;
    if (!item || letter === 'a' || letter !== wantLetter) listNo++;
    const prevEntry = out[out.length - 1];
    const li: ListItem = {
      type: 'item',
      list: listNo,
      letter,
      text: u.text,
      start: u.start,
      end: u.end,
      subItems: [],
      footnotes: [...u.footnotes],
    };
    if (subheading !== undefined) li.subheading = subheading;
    // The lead-in sentence ("… include the following:") is the paragraph right before the list.
    const first = out.find((e): e is ListItem => e.type === 'item' && e.list === listNo);
    if (first?.context !== undefined) li.context = first.context;
    else if (!first && prevEntry?.type === 'para') li.context = prevEntry.text;
    out.push(li);
    item = li;
  });
  return out;
}
