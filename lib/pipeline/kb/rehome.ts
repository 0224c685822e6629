/**
 * Marked footnotes whose body sits in a different section from their reference. Units are built
 * per section, so a footnote printed at the bottom of a page that already belongs to the next
 * section (ICAO fn 6: reference l.847 in activities, body l.857 under good practices) would be
 * attached to the wrong record. Within one chapter, move each marked footnote to the record whose
 * own source lines print that marker, nearest before the footnote line.
 */
import type { KbRecord } from '../../kb/types';

const SUP_VALUE: Record<string, string> = Object.fromEntries([...'⁰¹²³⁴⁵⁶⁷⁸⁹'].map((c, i) => [c, String(i)]));

/** Reference markers a line prints (superscripts, <sup>n</sup>), not counting a footnote line's own number. */
function printedMarkers(raw: string): string[] {
  const body = raw.trimStart().replace(/^[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s|^<sup>[^<]*<\/sup>/i, '');
  const out: string[] = [];
  for (const m of body.matchAll(/([⁰¹²³⁴⁵⁶⁷⁸⁹]+)|<sup>\s*(\d+)\s*<\/sup>/gi)) {
    out.push(m[1] ? [...m[1]].map((c) => SUP_VALUE[c] ?? '').join('') : (m[2] ?? ''));
  }
  return out;
}

/** Mutates the records of one chapter; `lines` must be the chapter's (marker-restored) lines. */
export function rehomeFootnotes(records: KbRecord[], lines: readonly string[]): void {
  // marker → lines printing it, computed once per chapter.
  const printedAt = new Map<string, number[]>();
  const first = Math.min(...records.map((r) => r.citation.lines[0]));
  const last = Math.max(...records.map((r) => r.citation.lines[1]));
  for (let n = first; n <= last; n++) {
    for (const m of printedMarkers(lines[n - 1] ?? '')) printedAt.set(m, [...(printedAt.get(m) ?? []), n]);
  }
  const printsIn = (r: KbRecord, marker: string, upTo = Infinity): boolean =>
    (printedAt.get(marker) ?? []).some((n) => n >= r.citation.lines[0] && n <= Math.min(r.citation.lines[1], upTo));
  for (const r of records) {
    for (const fn of [...(r.footnotes ?? [])]) {
      if (!fn.marker || printsIn(r, fn.marker)) continue;
      const owner = records.filter((x) => x.citation.lines[0] <= fn.line && printsIn(x, fn.marker, fn.line)).pop();
      if (!owner || owner === r) continue;
      r.footnotes = (r.footnotes ?? []).filter((f) => f !== fn);
      if (r.footnotes.length === 0) delete r.footnotes;
      owner.footnotes = [...(owner.footnotes ?? []), fn].sort((x, y) => x.line - y.line);
    }
  }
}
