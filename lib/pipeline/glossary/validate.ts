/**
 * Static validation of curated glossary files against the four source texts. Returns every
 * problem found (never throws on bad data). Checks that need the knowledge base (linked excerpts,
 * chapter agencies) live in validate-linked.ts.
 */
import type { GlossaryError } from './errors';
import { findNameCollisions, type Located } from './names';
import { findCopiedRun, NgramSet } from './ngrams';
import { normalizeForVerbatim, sentenceSpans } from './text';
import { CATEGORIES, type GlossarySource } from '../../glossary/types';
import { ID_RULE, isGlossaryId } from '../../glossary/id';

export interface GlossaryFileInput {
  file: string;
  entries: GlossarySource[];
  entryLines?: number[];
}

export interface SourceText {
  doc: string;
  lines: string[];
}

export const SUMMARY_MAX_SENTENCES = 3;
/** Bounds for "absurd" summaries: below = a label, above = an essay. */
export const SUMMARY_MIN_CHARS = 20;
export const SUMMARY_MAX_CHARS = 700;

const KNOWN_FIELDS = new Set([
  'id',
  'label',
  'expansion',
  'category',
  'aliases',
  'summary',
  'related',
  'hints',
  'chapterAgency',
  'excerptHints',
  'noExcerpt',
  'custom',
  'officialUrl',
  'officialUrlNote',
  'asOf',
  'checkedAgainst',
  'fr',
  'es',
]);
const HINT_FIELDS = new Set(['caseSensitive', 'neverAlone', 'context', 'notNear', 'patterns']);

/** Source-derived lookups, built once per sources array (the 8-gram set takes ~100 ms). */
interface SourceIndex {
  grams: NgramSet;
  texts: string[];
}
const sourceCache = new WeakMap<SourceText[], SourceIndex>();

function indexSources(sources: SourceText[]): SourceIndex {
  let idx = sourceCache.get(sources);
  if (!idx) {
    const grams = new NgramSet();
    const texts: string[] = [];
    for (const s of sources) {
      const joined = s.lines.join('\n');
      grams.addText(joined);
      texts.push(normalizeForVerbatim(joined));
    }
    idx = { grams, texts };
    sourceCache.set(sources, idx);
  }
  return idx;
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim().length > 0);
}

type Report = (field: string | undefined, message: string) => void;

function checkPatterns(patterns: unknown, report: Report): void {
  if (!isStringArray(patterns)) return report('hints.patterns', 'must be an array of non-empty strings');
  patterns.forEach((p, i) => {
    let re: RegExp;
    try {
      re = new RegExp(p, 'gi');
    } catch (err) {
      return report(`hints.patterns[${i}]`, `invalid regular expression /${p}/: ${(err as Error).message}`);
    }
    // A pattern that matches "" would make a page scanner loop or highlight nothing forever.
    if (re.test('')) report(`hints.patterns[${i}]`, `regular expression /${p}/ matches the empty string`);
  });
}

function checkHints(hints: unknown, report: Report): void {
  if (typeof hints !== 'object' || hints === null || Array.isArray(hints)) return report('hints', 'must be an object');
  const h = hints as Record<string, unknown>;
  for (const k of Object.keys(h)) if (!HINT_FIELDS.has(k)) report(`hints.${k}`, 'unknown hints field');
  for (const k of ['caseSensitive', 'neverAlone'] as const) {
    if (h[k] !== undefined && typeof h[k] !== 'boolean') report(`hints.${k}`, 'must be true or false');
  }
  for (const k of ['context', 'notNear'] as const) {
    if (h[k] !== undefined && !isStringArray(h[k])) report(`hints.${k}`, 'must be an array of non-empty strings');
  }
  if (h.patterns !== undefined) checkPatterns(h.patterns, report);
}

function checkSummary(summary: unknown, report: Report, src: SourceIndex, names: NgramSet): void {
  if (typeof summary !== 'string' || summary.trim() === '') return report('summary', 'missing or empty summary');
  const s = summary.trim();
  if (s.length < SUMMARY_MIN_CHARS || s.length > SUMMARY_MAX_CHARS) {
    report('summary', `summary length ${s.length} is outside ${SUMMARY_MIN_CHARS}–${SUMMARY_MAX_CHARS} characters`);
  }
  const n = sentenceSpans(s).length;
  if (n > SUMMARY_MAX_SENTENCES) report('summary', `summary has ${n} sentences (max ${SUMMARY_MAX_SENTENCES})`);
  const copied = findCopiedRun(s, src.grams, names);
  if (copied) report('summary', `summary copies the sources ("${copied}"); rephrase in our own words`);
}

const isHttpsUrl = (v: unknown): boolean => {
  if (typeof v !== 'string') return false;
  try {
    return new URL(v).protocol === 'https:';
  } catch {
    return false;
  }
};

/** Words that make a statement true only at some moment: always dated. */
const TIME_WORDS =
  /\b(?:current|currently|now|nowadays|as of|(?<!up )to date|so far|at present|presently|today|recent|recently|latest|incumbent|ongoing)\b/i;
/** Counts, chairs and hosts change too, unless the sentence itself dates them ("in 2018, 164 governments…"). */
const UNLESS_DATED =
  /\b\d+\s+(?:members?|member states|states|countries|parties|ratifications|signatories|states parties)\b|\bratified by\b|\b(?:chaired|headed|led|hosted) by\b|\b(?:will|is to|are to) (?:be held|meet|take place)\b/i;

/** The first phrase of `summary` that goes stale with time, or null when it reads true whenever it is read. */
export function timeSensitivePhrase(summary: string): string | null {
  for (const sentence of summary.split(/(?<=[.!?])\s+/)) {
    const always = TIME_WORDS.exec(sentence);
    if (always) return always[0];
    const counted = UNLESS_DATED.exec(sentence);
    if (counted && !/\b(?:1[89]|20)\d\d\b/.test(sentence)) return counted[0];
  }
  return null;
}

/** Where a reader can check an entry: its official page (or why there is none), and how current it is. */
function checkProvenance(e: Record<string, unknown>, report: Report): void {
  const dated = typeof e.summary === 'string' ? timeSensitivePhrase(e.summary) : null;
  if (dated && e.asOf === undefined && e.custom !== true) {
    report(
      'asOf',
      `the summary says "${dated}", which changes with time: give asOf (the year it was checked) or word it timelessly`,
    );
  }
  if (e.officialUrl !== undefined && !isHttpsUrl(e.officialUrl)) report('officialUrl', 'must be an https:// URL');
  if (e.officialUrlNote !== undefined && (typeof e.officialUrlNote !== 'string' || !e.officialUrlNote.trim())) {
    report('officialUrlNote', 'must be a non-empty reason');
  }
  if (e.officialUrl !== undefined && e.officialUrlNote !== undefined) {
    report('officialUrlNote', 'give either officialUrl or the reason there is none, not both');
  }
  if (e.asOf !== undefined && (!Number.isInteger(e.asOf) || (e.asOf as number) < 1990 || (e.asOf as number) > 2100)) {
    report('asOf', 'must be a year (integer)');
  }
  if (e.checkedAgainst !== undefined && (!Array.isArray(e.checkedAgainst) || !e.checkedAgainst.every(isHttpsUrl))) {
    report('checkedAgainst', 'must be an array of https:// URLs');
  }
}

/** The official French or Spanish name, and our own summary in that language, when given. */
function checkLocalised(v: unknown, lang: 'fr' | 'es', report: Report): void {
  if (v === undefined) return;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return report(lang, 'must be an object');
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (k === 'aliases') {
      if (!isStringArray(o[k])) report(`${lang}.aliases`, 'must be an array of non-empty strings');
    } else if (k !== 'label' && k !== 'expansion' && k !== 'summary') report(`${lang}.${k}`, 'unknown field (typo?)');
    else if (typeof o[k] !== 'string' || !(o[k] as string).trim()) report(`${lang}.${k}`, 'must be a non-empty string');
  }
  if (o.summary !== undefined && typeof o.summary === 'string' && o.summary.length > SUMMARY_MAX_CHARS) {
    report(`${lang}.summary`, `longer than ${SUMMARY_MAX_CHARS} characters`);
  }
}

/** All checks that need only one entry (plus the sources). */
function checkEntry(e: Record<string, unknown>, report: Report, src: SourceIndex, names: NgramSet): void {
  for (const k of Object.keys(e)) if (!KNOWN_FIELDS.has(k)) report(k, 'unknown field (typo?)');
  if (!isGlossaryId(e.id)) {
    report('id', `bad id ${JSON.stringify(e.id)}: must be ${ID_RULE}`);
  }
  if (typeof e.label !== 'string' || e.label.trim() === '') report('label', 'missing or empty label');
  if (typeof e.expansion !== 'string' || e.expansion.trim() === '') report('expansion', 'missing or empty expansion');
  if (!CATEGORIES.includes(e.category as never)) {
    report('category', `bad category ${JSON.stringify(e.category)}; expected one of ${CATEGORIES.join(', ')}`);
  }
  if (e.aliases !== undefined && !isStringArray(e.aliases)) report('aliases', 'must be an array of non-empty strings');
  if (e.related !== undefined && !isStringArray(e.related)) report('related', 'must be an array of entry ids');
  if (e.hints !== undefined) checkHints(e.hints, report);
  if (e.chapterAgency !== undefined && (typeof e.chapterAgency !== 'string' || !e.chapterAgency.trim())) {
    report('chapterAgency', 'must be a non-empty agency code');
  }
  if (e.noExcerpt !== undefined && (typeof e.noExcerpt !== 'string' || !e.noExcerpt.trim())) {
    report('noExcerpt', 'must be a non-empty reason');
  }
  if (e.custom !== undefined && typeof e.custom !== 'boolean') report('custom', 'must be true or false');
  checkProvenance(e, report);
  for (const lang of ['fr', 'es'] as const) checkLocalised(e[lang], lang, report);
  if (e.excerptHints !== undefined) {
    if (!isStringArray(e.excerptHints)) report('excerptHints', 'must be an array of non-empty strings');
    else {
      e.excerptHints.forEach((hint, i) => {
        const h = normalizeForVerbatim(hint);
        if (!src.texts.some((t) => t.includes(h))) {
          report(`excerptHints[${i}]`, `not found verbatim in the sources: "${hint.slice(0, 80)}"`);
        }
      });
    }
  }
  checkSummary(e.summary, report, src, names);
}

function namesOf(e: GlossarySource): string[] {
  const out = [e.label, e.expansion, ...(Array.isArray(e.aliases) ? e.aliases : [])];
  return out.filter((x): x is string => typeof x === 'string');
}

export function validateGlossary(files: GlossaryFileInput[], sourcesText: SourceText[]): GlossaryError[] {
  const src = indexSources(sourcesText);
  const errors: GlossaryError[] = [];
  const items: Located[] = [];
  for (const f of files) {
    f.entries.forEach((entry, i) => {
      const line = f.entryLines?.[i];
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
        errors.push({ file: f.file, line, message: `entry #${i + 1} is not a JSON object` });
        return;
      }
      items.push({ entry, file: f.file, line });
    });
  }
  // Official names of any entry may appear in summaries even when they are ≥ 8 words long.
  const names = new NgramSet();
  for (const it of items) for (const n of namesOf(it.entry)) names.addText(n);

  const firstById = new Map<string, Located>();
  for (const it of items) {
    const e = it.entry;
    const id = typeof e.id === 'string' ? e.id : undefined;
    checkEntry(
      e as unknown as Record<string, unknown>,
      (field, message) => {
        errors.push({ file: it.file, id, field, line: it.line, message });
      },
      src,
      names,
    );
    if (id === undefined) continue;
    const first = firstById.get(id);
    if (first) {
      const at = first.line !== undefined ? `${first.file}:${first.line}` : first.file;
      errors.push({ file: it.file, id, field: 'id', line: it.line, message: `duplicate id (first defined at ${at})` });
    } else firstById.set(id, it);
  }
  for (const it of items) {
    if (!isStringArray(it.entry.related)) continue;
    it.entry.related.forEach((r, i) => {
      const msg =
        r === it.entry.id
          ? 'an entry cannot be related to itself'
          : firstById.has(r)
            ? null
            : `dangling related id "${r}"`;
      if (msg) errors.push({ file: it.file, id: it.entry.id, field: `related[${i}]`, line: it.line, message: msg });
    });
  }
  // Collisions only among entries whose label/aliases are well-formed strings.
  const named = items.filter(
    (it) => typeof it.entry.label === 'string' && (it.entry.aliases === undefined || isStringArray(it.entry.aliases)),
  );
  errors.push(...findNameCollisions(named));
  return errors;
}

/** Structural minimum for the linker (it reads these fields without further checks). */
export function isWellFormed(e: unknown): e is GlossarySource {
  if (typeof e !== 'object' || e === null || Array.isArray(e)) return false;
  const x = e as Record<string, unknown>;
  const optArray = (v: unknown) => v === undefined || isStringArray(v);
  const h = x.hints as Record<string, unknown> | undefined;
  const hintsOk =
    h === undefined ||
    (typeof h === 'object' && h !== null && optArray(h.context) && optArray(h.notNear) && optArray(h.patterns));
  return (
    typeof x.id === 'string' &&
    typeof x.label === 'string' &&
    typeof x.expansion === 'string' &&
    optArray(x.aliases) &&
    optArray(x.related) &&
    optArray(x.excerptHints) &&
    hintsOk &&
    (x.chapterAgency === undefined || typeof x.chapterAgency === 'string')
  );
}
