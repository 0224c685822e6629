/**
 * Document 002 (CEB 2013): 29 chapters → mandate, recommendation and passage records.
 * Chapter boundaries come from the title lines in CHAPTERS_002 (TOC order), sections from the
 * questionnaire headings; every expectation is checked and a mismatch raises KbParseError.
 */
import type { FootnoteRef, KbRecord, SectionKind } from '../../kb/types';
import { KbParseError } from './errors';
import { cleanInline } from './text';
import { buildUnits } from './units';
import { restorePlainMarkers } from './markers';
import { rehomeFootnotes } from './rehome';
import { assembleEntries, type Entry } from './lists';
import {
  CHAPTERS_002,
  KNOWN_CONTINUATIONS_002,
  KNOWN_FOOTNOTES_002,
  KNOWN_PARAGRAPH_STARTS_002,
  SECTION_HEADINGS_002,
  isChapterArtefact,
  type ChapterSpec,
} from './chapters-ceb-2013';

/** First body line after the List of acronyms (chapter 1 starts after it). */
const BODY_SEARCH_FROM = 371;

interface Section {
  kind: SectionKind;
  title?: string;
  heading: number;
  from: number;
  to: number;
}

export interface ChapterRange {
  spec: ChapterSpec;
  start: number;
  end: number;
  titleLines: number[];
}

/** Locate each chapter by its title line; the running-head duplicates that follow are skipped. */
export function locateChapters(lines: readonly string[], file: string): ChapterRange[] {
  const out: ChapterRange[] = [];
  let cursor = BODY_SEARCH_FROM;
  const norm = (s: string) => s.replace(/^CHAPTER\s+/, '').trim();
  for (const spec of CHAPTERS_002) {
    let found = -1;
    for (let n = cursor; n <= lines.length; n++) {
      if (norm(lines[n - 1] ?? '') === spec.title) {
        found = n;
        break;
      }
    }
    if (found < 0)
      throw new KbParseError(file, cursor, `chapter ${spec.n} (${spec.agency}) title "${spec.title}" not found`);
    // The chapter range starts at a preceding CHAPTER marker / logo line, if any.
    let start = found;
    for (let k = found - 1; k >= Math.max(cursor, found - 5); k--) {
      if (isChapterArtefact(lines[k - 1] ?? '')) start = k;
    }
    const titleLines = [found];
    let n = found + 1;
    for (; n <= lines.length; n++) {
      const t = norm(lines[n - 1] ?? '');
      if (t === '') continue;
      if (t === spec.title) {
        titleLines.push(n);
        continue;
      }
      break;
    }
    const prev = out[out.length - 1];
    if (prev) prev.end = start - 1;
    out.push({ spec, start, end: lines.length, titleLines });
    cursor = n;
  }
  // Back-cover residue after the World Bank chapter is not part of it.
  const last = out[out.length - 1];
  if (last) {
    const residue = lines.findIndex(
      (l, i) => i >= last.start && /^Empowered lives\. Resilient nations\.$/.test(l.trim()),
    );
    if (residue > 0) last.end = residue; // index of the line = 1-based line before it
  }
  return out;
}

function sectionKindOf(text: string): SectionKind | undefined {
  return SECTION_HEADINGS_002.find((h) => h.re.test(text))?.kind;
}

function splitSections(
  lines: readonly string[],
  ch: ChapterRange,
  file: string,
): { introFrom: number; introTo: number; sections: Section[] } {
  const bodyFrom = (ch.titleLines[ch.titleLines.length - 1] ?? ch.start) + 1;
  const sections: Section[] = [];
  for (let n = bodyFrom; n <= ch.end; n++) {
    const t = cleanInline(lines[n - 1] ?? '').text;
    if (t.length > 140) continue;
    const kind = sectionKindOf(t);
    if (!kind) continue;
    const prev = sections[sections.length - 1];
    if (prev) prev.to = n - 1;
    sections.push({ kind, title: t.replace(/^[1-6]\.\s+/, ''), heading: n, from: n + 1, to: ch.end });
  }
  const first = sections[0];
  if (!first)
    throw new KbParseError(file, bodyFrom, `chapter ${ch.spec.n} (${ch.spec.agency}): no section headings found`);
  const expected: SectionKind[] = ['activities', 'gfmd', 'good-practices', 'challenges', 'gaps', 'recommendations'];
  const missing = new Set(ch.spec.missing ?? []);
  const seen = sections.map((s) => s.kind).filter((k) => k !== 'postscript');
  const want = expected.filter((k) => !missing.has(k));
  if (seen.join() !== want.join()) {
    const i = want.findIndex((k, j) => seen[j] !== k);
    const at = sections.filter((x) => x.kind !== 'postscript')[i]?.heading ?? ch.end;
    throw new KbParseError(
      file,
      at,
      `chapter ${ch.spec.n} (${ch.spec.agency}): expected sections [${want.join(', ')}] but found [${seen.join(', ')}]` +
        ` (missing or unexpected: ${want[i] ?? seen[i] ?? '?'})`,
    );
  }
  return { introFrom: bodyFrom, introTo: first.heading - 1, sections };
}

const unitOpts = {
  knownFootnotes: KNOWN_FOOTNOTES_002,
  knownContinuations: KNOWN_CONTINUATIONS_002,
  knownParagraphStarts: KNOWN_PARAGRAPH_STARTS_002,
  detectUnmarked: true,
};

function footnotesOf(e: Entry): FootnoteRef[] {
  const all = [...e.footnotes, ...(e.type === 'item' ? e.subItems.flatMap((s) => s.footnotes) : [])];
  return all.sort((a, b) => a.line - b.line);
}

function withFootnotes(r: KbRecord, fns: FootnoteRef[]): KbRecord {
  if (fns.length) r.footnotes = fns;
  return r;
}

function itemText(e: Extract<Entry, { type: 'item' }>): string {
  return `(${e.letter}) ${e.text}`;
}

/** Records for one section of one chapter. */
function sectionRecords(lines: readonly string[], ch: ChapterRange, s: Section, prosePrefixRecs: boolean): KbRecord[] {
  const { units } = buildUnits(lines, s.from, s.to, unitOpts);
  const entries = assembleEntries(units);
  const base = `002:ch${ch.spec.n}:${s.kind}`;
  const isRec = s.kind === 'recommendations';
  const out: KbRecord[] = [];
  let p = 0;
  for (const e of entries) {
    const cite = {
      doc: '002' as const,
      chapter: ch.spec.n,
      agency: ch.spec.agency,
      section: s.kind,
      ...(s.title ? { sectionTitle: s.title } : {}),
    };
    if (e.type === 'para') {
      p++;
      const kind = isRec && prosePrefixRecs ? 'recommendation' : 'passage';
      out.push(
        withFootnotes(
          { id: `${base}:p${p}`, kind, text: e.text, citation: { ...cite, label: `p${p}`, lines: [e.start, e.end] } },
          footnotesOf(e),
        ),
      );
      continue;
    }
    const label = `(${e.letter})`;
    const id = e.list > 1 ? `${base}:L${e.list}:${label}` : `${base}:${label}`;
    const r: KbRecord = {
      id,
      kind: isRec ? 'recommendation' : 'passage',
      text: itemText(e),
      citation: { ...cite, label, lines: [e.start, e.end] },
    };
    if (e.context !== undefined) r.context = e.context;
    if (e.subItems.length) r.subItems = e.subItems.map((si) => ({ label: `(${si.label})`, text: si.text }));
    out.push(withFootnotes(r, footnotesOf(e)));
  }
  return out;
}

function mandateRecord(lines: readonly string[], ch: ChapterRange, from: number, to: number, file: string): KbRecord {
  const { units, orphanFootnotes } = buildUnits(lines, from, to, { ...unitOpts, headings: false });
  const body = units.filter((u) => u.kind !== 'heading');
  const first = body[0];
  if (!first) throw new KbParseError(file, from, `chapter ${ch.spec.n} (${ch.spec.agency}): empty mandate intro`);
  const text = body.map((u) => (u.kind === 'item' && u.label ? `(${u.label}) ${u.text}` : u.text)).join('\n\n');
  const fns = [...orphanFootnotes, ...body.flatMap((u) => u.footnotes)].sort((a, b) => a.line - b.line);
  // A paragraph cut by a page break can end after the units that follow it (ILO l.1129 continues
  // at l.1141, after l.1137 and l.1139), so the range spans from the earliest start to the latest end.
  const lines0 = Math.min(...body.map((u) => u.start));
  const lines1 = Math.max(...body.map((u) => u.end));
  return withFootnotes(
    {
      id: `002:ch${ch.spec.n}:mandate`,
      kind: 'mandate',
      text,
      title: ch.spec.title,
      citation: {
        doc: '002',
        chapter: ch.spec.n,
        agency: ch.spec.agency,
        section: 'mandate',
        lines: [lines0, lines1],
      },
    },
    fns,
  );
}

/** Chapter 1: the synthesis, cut at its own sub-headings. */
function chapterOneRecords(lines: readonly string[], ch: ChapterRange): KbRecord[] {
  const from = (ch.titleLines[ch.titleLines.length - 1] ?? ch.start) + 1;
  const { units } = buildUnits(lines, from, ch.end, unitOpts);
  const entries = assembleEntries(units);
  const out: KbRecord[] = [];
  let p = 0;
  for (const e of entries) {
    const cite = {
      doc: '002' as const,
      chapter: 1,
      agency: ch.spec.agency,
      section: 'synthesis' as const,
      ...(e.subheading ? { sectionTitle: e.subheading } : {}),
    };
    if (e.type === 'para') {
      p++;
      out.push(
        withFootnotes(
          {
            id: `002:ch1:synthesis:p${p}`,
            kind: 'passage',
            text: e.text,
            citation: { ...cite, label: `p${p}`, lines: [e.start, e.end] },
          },
          footnotesOf(e),
        ),
      );
      continue;
    }
    const label = `(${e.letter})`;
    const r: KbRecord = {
      id: `002:ch1:synthesis:L${e.list}:${label}`,
      kind: 'passage',
      text: itemText(e),
      citation: { ...cite, label, lines: [e.start, e.end] },
    };
    if (e.context !== undefined) r.context = e.context;
    if (e.subItems.length) r.subItems = e.subItems.map((si) => ({ label: `(${si.label})`, text: si.text }));
    out.push(withFootnotes(r, footnotesOf(e)));
  }
  return out;
}

function chapterRecords(chLines: readonly string[], ch: ChapterRange, file: string): KbRecord[] {
  if (ch.spec.n === 1) return chapterOneRecords(chLines, ch);
  const { introFrom, introTo, sections } = splitSections(chLines, ch, file);
  const out = [mandateRecord(chLines, ch, introFrom, introTo, file)];
  for (const s of sections) {
    const recs = sectionRecords(chLines, ch, s, false);
    // Prose-only recommendation sections (IMO, NGO Committee, UNDP, WIPO, WMO): the paragraphs
    // themselves are the recommendations.
    if (s.kind === 'recommendations' && !recs.some((r) => r.kind === 'recommendation')) {
      out.push(...sectionRecords(chLines, ch, s, true));
    } else out.push(...recs);
  }
  return out;
}

export function parse002(lines: readonly string[], file: string): KbRecord[] {
  const out: KbRecord[] = [];
  for (const ch of locateChapters(lines, file)) {
    // Footnote numbering restarts per chapter, so plain-digit markers are resolved chapter by chapter.
    const chLines = restorePlainMarkers(lines, ch.start, ch.end).lines;
    const recs = chapterRecords(chLines, ch, file);
    rehomeFootnotes(recs, chLines);
    out.push(...recs);
  }
  return out;
}
