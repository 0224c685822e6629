/**
 * Test helper: converts ../shared/research/terms.tsv rows into GlossarySource entries (label +
 * aliases, regex_aliases → hints.patterns, ambiguity notes → hints) so the matcher can be developed
 * before data/glossary/*.json is complete. The output is frozen in tests/fixtures/match/glossary/.
 */
import type { Category, GlossarySource, RecognitionHints } from '../../../../lib/glossary/types';

const CATEGORY: Record<string, Category> = { 'programme-initiative': 'programme' };

/** Hand-written evidence for the ambiguous acronyms the lookalike tests exercise. */
const OVERRIDES: Record<string, RecognitionHints> = {
  iom: {
    neverAlone: true,
    context: ['migration', 'migrant', 'refugee', 'UN'],
    notNear: ['Isle of Man', 'Manx', 'Douglas'],
  },
  imo: { neverAlone: true, context: ['maritime', 'ship', 'shipping', 'seafarer', 'SOLAS', 'vessel'] },
  who: { neverAlone: true, context: ['health', 'World Health', 'WHA', 'pandemic'] },
  pkd: {
    neverAlone: true,
    context: ['ICAO', 'passport', 'e-passport', 'travel document', 'MRTD'],
    notNear: ['kidney', 'polycystic', 'renal'],
  },
  gcmacr: {
    neverAlone: true,
    context: ['compact', 'Marrakech', 'orderly and regular'],
    notNear: ['Galois', 'AES', 'cipher', 'encryption', 'TLS'],
  },
  ip: {
    neverAlone: true,
    context: ['WIPO', 'patent', 'intellectual property'],
    notNear: ['address', 'Internet Protocol', 'IPv4', 'IPv6'],
  },
  crc: { notNear: ['cyclic redundancy', 'checksum'] },
  sar: {
    neverAlone: true,
    context: ['maritime', 'rescue', 'SOLAS', 'Convention'],
    notNear: ['Hong Kong', 'Macao', 'Macau', 'radar'],
  },
};

function hintsFor(
  aliases: string[],
  note: string,
  patterns: string[],
  curated: boolean,
): { hints: RecognitionHints; aliases: string[] } {
  const quoted = [...note.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
  // Aliases named as ambiguous in the note are dropped unless OVERRIDES gives them evidence rules ("do not use 'the Bank'/'WB'", "'HCR' … ambiguous").
  const kept = curated ? aliases : aliases.filter((a) => !quoted.includes(a));
  const hints: RecognitionHints = {};
  if (
    /^(?:HIGH|High|Medium)\b/.test(note) ||
    /never (?:expand|match) bare|do not match bare|full name only|match (?:only )?the full|require full name|match full name|only with/i.test(
      note,
    )
  ) {
    hints.neverAlone = true;
  }
  if (/case-insensitive match is safe/i.test(note)) hints.caseSensitive = false;
  if (patterns.length) hints.patterns = patterns;
  return { hints, aliases: kept };
}

/** Splits "(?:a)|(?:b)" regex_aliases into top-level alternatives. */
function splitPatterns(src: string): string[] {
  if (!src) return [];
  const out: string[] = [];
  let depth = 0,
    start = 0;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      out.push(src.slice(start, i));
      start = i + 1;
    }
  }
  out.push(src.slice(start));
  return out.filter(Boolean);
}

export function tsvToGlossary(tsv: string): GlossarySource[] {
  const lines = tsv.split(/\r?\n/).filter(Boolean);
  const head = lines[0]!.split('\t');
  const col = (name: string) => {
    const i = head.indexOf(name);
    if (i < 0) throw new Error(`terms.tsv line 1: missing column "${name}"`);
    return i;
  };
  const [ID, LABEL, EXP, CAT, AL, RX, AMB] = [
    'id',
    'label',
    'expansion',
    'category',
    'aliases',
    'regex_aliases',
    'ambiguity',
  ].map(col);
  const seen = new Set<string>();
  const out: GlossarySource[] = [];
  lines.slice(1).forEach((line, n) => {
    const f = line.split('\t');
    const id = f[ID!]!.toLowerCase();
    if (!id || seen.has(id)) throw new Error(`terms.tsv line ${n + 2}: empty or duplicate id "${id}"`);
    seen.add(id);
    const label = f[LABEL!]!;
    const aliases = (f[AL!] ?? '')
      .split('|')
      .map((a) => a.trim())
      .filter((a) => a && a !== label);
    const { hints, aliases: kept } = hintsFor(aliases, f[AMB!] ?? '', splitPatterns(f[RX!] ?? ''), id in OVERRIDES);
    Object.assign(hints, OVERRIDES[id]);
    const cat = f[CAT!]!;
    out.push({
      id,
      label,
      expansion: f[EXP!]!,
      category: CATEGORY[cat] ?? (cat as Category),
      summary: '',
      ...(kept.length ? { aliases: kept } : {}),
      ...(Object.keys(hints).length ? { hints } : {}),
    });
  });
  return out;
}
