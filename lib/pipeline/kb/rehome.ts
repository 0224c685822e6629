/**
 * Marked footnotes whose body sits in a different section from their reference. Units are built
 * per section, so a footnote printed at the bottom of a page that already belongs to the next
 * section (ICAO fn 6: reference l.847 in activities, body l.857 under good practices) would be
 * attached to the wrong record. Within one chapter, move each marked footnote to the record whose
 * own source lines print that marker, nearest before the footnote line.
 *
 * Footnote bodies that lost their number are placed the same way when their number can be
 * inferred: footnotes are printed in numbering order, so a run of k unmarked bodies between the
 * marked footnotes a and a+k+1 holds numbers a+1…a+k (IOM l.1447 between the mandate's ¹ and
 * fn 2 is fn 1, whose marker is printed in the mandate). The inferred number only steers the move;
 * `marker` stays empty, since it records what the page prints.
 */
import type { FootnoteRef, KbRecord } from '../../kb/types';

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

/**
 * Numbers for unmarked footnotes, where the run they sit in fits the numbering exactly: every
 * number in the gap is printed as a reference and has no footnote line of its own. A gap that
 * holds more or fewer bodies than numbers (a footnote printed as two paragraphs) is left alone.
 */
export function inferFootnoteNumbers(
  footnotes: readonly FootnoteRef[],
  printed: ReadonlySet<string>,
): Map<FootnoteRef, string> {
  const out = new Map<FootnoteRef, string>();
  const ordered = [...footnotes].sort((a, b) => a.line - b.line);
  const marked = new Set(ordered.filter((f) => /^\d+$/.test(f.marker)).map((f) => f.marker));
  const maxPrinted = Math.max(0, ...[...printed].filter((m) => /^\d+$/.test(m)).map(Number));
  let prev = 0;
  let run: FootnoteRef[] = [];
  const close = (next: number | undefined): void => {
    if (run.length === 0) return;
    const expected = Array.from({ length: run.length }, (_, i) => String(prev + 1 + i));
    const fits =
      (next === undefined ? prev + run.length === maxPrinted : next - prev - 1 === run.length) &&
      expected.every((m) => printed.has(m) && !marked.has(m));
    if (fits) run.forEach((f, i) => out.set(f, expected[i]!));
    run = [];
  };
  for (const f of ordered) {
    if (f.marker === '') {
      run.push(f);
      continue;
    }
    if (!/^\d+$/.test(f.marker)) continue;
    const n = Number(f.marker);
    if (n > prev) close(n);
    else run = []; // numbering restarts or repeats: nothing can be inferred across it
    prev = n;
  }
  close(undefined);
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
  const inferred = inferFootnoteNumbers(
    records.flatMap((r) => r.footnotes ?? []),
    new Set(printedAt.keys()),
  );
  const printsIn = (r: KbRecord, marker: string, upTo = Infinity): boolean =>
    (printedAt.get(marker) ?? []).some((n) => n >= r.citation.lines[0] && n <= Math.min(r.citation.lines[1], upTo));
  for (const r of records) {
    for (const fn of [...(r.footnotes ?? [])]) {
      const marker = fn.marker || inferred.get(fn);
      if (!marker || printsIn(r, marker)) continue;
      const owner = records.filter((x) => x.citation.lines[0] <= fn.line && printsIn(x, marker, fn.line)).pop();
      if (!owner || owner === r) continue;
      r.footnotes = (r.footnotes ?? []).filter((f) => f !== fn);
      if (r.footnotes.length === 0) delete r.footnotes;
      owner.footnotes = [...(owner.footnotes ?? []), fn].sort((x, y) => x.line - y.line);
    }
  }
}
