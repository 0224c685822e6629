/**
 * Printed start pages of chapters and sections, read from each document's own contents page, so a
 * citation can say "p. 101 ff." without guessing a page inside a chapter. What each document's
 * contents page gives (../shared/research/seeds.md describes the pages):
 *   002 (CEB 2013)       "Chapter 7.<TAB>The International Organization for Migration (IOM)<TAB>101"
 *                        → chapter start pages (a long title may wrap onto a continuation line).
 *   001 (meeting 2017)   "VIII. TOUR-DE-TABLE .....<TAB>14" → section start pages, matched by title
 *                        (the body prints "XI. CLOSING OF THE MEETING" where the contents say "IX.").
 *   004 (GA 2006)        "II. Key findings<TAB>8–22<TAB>3" → paragraph ranges with their pages: a
 *                        paragraph gets the page of the innermost contents entry whose range holds it.
 *   000 (meeting 2015)   no contents page → no pages.
 */
import type { DocKey, KbRecord } from '../../kb/types';

export interface ContentsEntry {
  /** Chapter number (002), or the entry's title as printed (001, 004). */
  key: string;
  page: string;
  /** Paragraph range of the entry (004). */
  paras?: [number, number];
  /** 1-based line of the contents page the page number was read from. */
  line: number;
}

const PAGE = /^(?:\d+|[ivxlc]+)$/;

/** Lines between a contents heading and the first blank line after at least one entry. */
function contentsBlock(lines: readonly string[], heading: RegExp): { start: number; lines: string[] } | null {
  const at = lines.findIndex((l) => heading.test(l.trim()));
  if (at < 0) return null;
  const out: string[] = [];
  for (let i = at + 1; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (!l.trim()) {
      if (out.some((x) => x.trim())) break;
      out.push(l);
      continue;
    }
    out.push(l);
  }
  return { start: at + 2, lines: out };
}

function parse002(lines: readonly string[]): ContentsEntry[] {
  const block = contentsBlock(lines, /^Table of contents$/);
  if (!block) return [];
  const out: ContentsEntry[] = [];
  let pending: string | null = null;
  block.lines.forEach((l, i) => {
    const cells = l.split('\t').map((c) => c.trim());
    const ch = /^Chapter (\d+)\.$/.exec(cells[0] ?? '');
    if (ch) pending = ch[1] ?? null;
    const page = cells[cells.length - 1] ?? '';
    if (pending && PAGE.test(page) && cells.length > 1) {
      out.push({ key: pending, page, line: block.start + i });
      pending = null;
    }
  });
  return out;
}

/** "VIII. TOUR-DE-TABLE" → "TOUR-DE-TABLE": contents and body number sections differently. */
export const titleKey = (t: string) =>
  t
    .replace(/^[IVXLC]+\.\s+/, '')
    .replace(/[.\s]+$/, '')
    .replace(/\s+/g, ' ')
    .toUpperCase();

function parse001(lines: readonly string[]): ContentsEntry[] {
  const block = contentsBlock(lines, /^## CONTENTS$/);
  if (!block) return [];
  return block.lines.flatMap((l, i) => {
    const m = /^(.*?)\s*\.{3,}\s*(\S+)$/.exec(l.trim());
    return m && m[1] && m[2] && PAGE.test(m[2]) ? [{ key: titleKey(m[1]), page: m[2], line: block.start + i }] : [];
  });
}

function parse004(lines: readonly string[]): ContentsEntry[] {
  const block = contentsBlock(lines, /^Contents$/);
  if (!block) return [];
  return block.lines.flatMap((l, i) => {
    const cells = l.split('\t').map((c) => c.trim());
    const page = cells[cells.length - 1] ?? '';
    if (cells.length < 2 || !PAGE.test(page) || !cells[0]) return [];
    const r = /^(\d+)(?:[–-](\d+))?$/.exec(cells[1] ?? '');
    const e: ContentsEntry = { key: cells[0], page, line: block.start + i };
    if (r) e.paras = [Number(r[1]), Number(r[2] ?? r[1])];
    return [e];
  });
}

/** The contents entries of one document (empty when it has no contents page). */
export function parseContents(key: DocKey, lines: readonly string[]): ContentsEntry[] {
  if (key === '002') return parse002(lines);
  if (key === '001') return parse001(lines);
  if (key === '004') return parse004(lines);
  return [];
}

/** The start page for one record's citation, or undefined. */
function pageFor(key: DocKey, r: KbRecord, entries: readonly ContentsEntry[]): string | undefined {
  const c = r.citation;
  if (key === '002')
    return c.chapter !== undefined ? entries.find((e) => e.key === String(c.chapter))?.page : undefined;
  if (key === '001') {
    const top = c.sectionTitle?.split(' — ')[0];
    return top ? entries.find((e) => e.key === titleKey(top))?.page : undefined;
  }
  if (key === '004') {
    if (c.section === 'annex') return entries.find((e) => e.key === 'Annex')?.page;
    const n = /^para (\d+)$/.exec(c.label ?? '');
    if (!n) return undefined;
    const p = Number(n[1]);
    // Sub-sections follow their section, so the last entry whose range holds the paragraph is innermost.
    return entries.filter((e) => e.paras && e.paras[0] <= p && p <= e.paras[1]).pop()?.page;
  }
  return undefined;
}

/** Records with `citation.page` set where the document's contents page gives one. */
export function withPages(key: DocKey, records: KbRecord[], lines: readonly string[]): KbRecord[] {
  const entries = parseContents(key, lines);
  if (!entries.length) return records;
  return records.map((r) => {
    const page = pageFor(key, r, entries);
    return page ? { ...r, citation: { ...r.citation, page } } : r;
  });
}
