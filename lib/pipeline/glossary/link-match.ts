/**
 * Finds where each glossary entry is mentioned in the knowledge-base records. All entries are
 * matched together and overlaps are resolved longest-first (like a page scanner would), so "UN"
 * does not collect the mentions of "UN Women" and "ILO" not those of "ILO Convention No. 189".
 */
import type { Citation, KbRecord } from '../../kb/types';
import { isContextGated } from './names';
import { entryForms, isCaseSensitive, termMatcher, wordTokens } from './text';
import type { GlossarySource } from '../../glossary/types';

/**
 * A quotable piece of a record: its body text, each lettered sub-item ((i), (ii)…, stored apart
 * by the KB parser) and each footnote. Excerpts are verbatim slices of one unit's text.
 */
export interface Unit {
  record: number;
  text: string;
  citation: Citation;
  footnote: boolean;
}

export function recordUnits(records: KbRecord[]): Unit[] {
  const units: Unit[] = [];
  records.forEach((r, ri) => {
    units.push({ record: ri, text: r.text, citation: r.citation, footnote: false });
    for (const sub of r.subItems ?? []) {
      const label = `${r.citation.label ?? ''}${sub.label}`;
      units.push({ record: ri, text: sub.text, citation: { ...r.citation, label }, footnote: false });
    }
    for (const fn of r.footnotes ?? []) {
      const label = fn.marker ? `footnote ${fn.marker}` : 'footnote';
      units.push({
        record: ri,
        text: fn.text,
        citation: { ...r.citation, label, lines: [fn.line, fn.line] },
        footnote: true,
      });
    }
  });
  return units;
}

export interface Mention {
  entry: number;
  /** Index into the units array. */
  unit: number;
  start: number;
  end: number;
  /** The form was acronym-like (used to spot "Full Name (ACRONYM)" definitions). */
  acronym: boolean;
}

/** Word → indexes of the units containing it; narrows each form to a few candidate units. */
export function buildPostings(units: { text: string }[]): Map<string, number[]> {
  const postings = new Map<string, number[]>();
  units.forEach((r, i) => {
    for (const w of new Set(wordTokens(r.text))) {
      const list = postings.get(w);
      if (list) list.push(i);
      else postings.set(w, [i]);
    }
  });
  return postings;
}

/** Units containing every word of `text` are a subset of the units of its rarest word. */
export function candidateRecords(text: string, postings: Map<string, number[]>): number[] {
  let best: number[] | undefined;
  for (const w of new Set(wordTokens(text))) {
    const list = postings.get(w) ?? [];
    if (!best || list.length < best.length) best = list;
  }
  return best ?? [];
}

/** Forms used for matching: label, aliases and the expansion when it is a plain name. */
export function matchForms(e: GlossarySource): string[] {
  const forms = entryForms(e);
  const exp = e.expansion.trim();
  if (exp && !/[()]/.test(exp) && !forms.includes(exp)) forms.push(exp);
  return forms;
}

function collect(re: RegExp, text: string, push: (s: number, e: number) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    push(m.index, m.index + m[0].length);
  }
}

/** All mentions per unit, after longest-match overlap resolution; indexed by unit. */
export function findMentions(
  entries: GlossarySource[],
  units: { text: string }[],
  postings: Map<string, number[]> = buildPostings(units),
): Mention[][] {
  const raw: Mention[][] = units.map(() => []);
  entries.forEach((e, ei) => {
    for (const form of matchForms(e)) {
      const cs = isCaseSensitive(e, form);
      const match = termMatcher(form, cs);
      const acronym = cs && !/\s/.test(form);
      for (const ri of candidateRecords(form, postings)) {
        for (const [start, end] of match(units[ri]!.text)) raw[ri]!.push({ entry: ei, unit: ri, start, end, acronym });
      }
    }
    for (const p of e.hints?.patterns ?? []) {
      let re: RegExp;
      try {
        re = new RegExp(p, e.hints?.caseSensitive ? 'g' : 'gi'); // same flags as the validator
      } catch {
        continue; // reported by validateGlossary
      }
      units.forEach((r, ri) =>
        collect(re, r.text, (start, end) => raw[ri]!.push({ entry: ei, unit: ri, start, end, acronym: false })),
      );
    }
  });
  // On an exact tie (shared alias), the ungated entry is the default reading (names.ts rule).
  const rank = entries.map((e) => (isContextGated(e) ? 1 : 0));
  return raw.map((spans) => resolveOverlaps(spans, rank));
}

/** Keeps the longest span at each place; any span overlapping a kept one is dropped. */
function resolveOverlaps(spans: Mention[], rank: number[]): Mention[] {
  const sorted = [...spans].sort(
    (a, b) => a.start - b.start || b.end - a.end || rank[a.entry]! - rank[b.entry]! || a.entry - b.entry,
  );
  const kept: Mention[] = [];
  let coverEnd = -1;
  for (const s of sorted) {
    if (s.start < coverEnd) continue;
    kept.push(s);
    coverEnd = s.end;
  }
  return kept;
}
