/**
 * Cards for UN document symbols that the page names and no glossary entry covers (the "sym:" ids the
 * matcher emits, lib/glossary/id.ts). The symbol is decoded here, in the background, so the content
 * script carries none of this: which organ issued it, the session or year, what kind of document it is,
 * and where the UN publishes it.
 */
import { isSymbolId } from '../glossary/id';
import type { GlossaryEntry } from '../glossary/types';
import { familyKey } from '../match/key';
import type { CompiledMatcher } from '../match/types';
import type { TermCard } from '../messaging/protocol';
import { ENGLISH, type Say } from './ui-language';

export type SymbolKind =
  | 'resolution'
  | 'document'
  | 'draft'
  | 'addendum'
  | 'revision'
  | 'corrigendum'
  | 'conference document'
  | 'presidential statement';

export interface DecodedSymbol {
  /** The canonical symbol ("A/HRC/38/41/Add.1"; "RES/95/3" when the organ is unknown). */
  symbol: string;
  /** Issuing organ or body, null when the text did not say. */
  organ: string | null;
  kind: SymbolKind;
  /** Session number (General Assembly, Human Rights Council) or year (ECOSOC, Security Council…). */
  session?: number;
  year?: number;
  /** The document's or resolution's own number ("170", "L.66" → "66"). */
  number?: string;
  /** One line for the card, e.g. "General Assembly resolution, 65th session, No. 170". */
  description: string;
  /** Where to read it: the symbol's page on the UN Official Document System, or a search when the organ is unknown. */
  url: string;
  /** true: `url` is the document itself; false: a search. */
  official: boolean;
}

/**
 * The UN Official Document System serves a symbol at https://docs.un.org/en/<symbol>, written without
 * spaces ("S/RES/2240(2015)", "A/HRC/38/41/Add.1"). Checked against stored public material: projects
 * that cite UN documents link them in exactly this form (https://docs.un.org/en/A/HRC/62/16/Add.1,
 * https://docs.un.org/en/S/RES/2503(2019), https://docs.un.org/en/A/RES/48/263); the older short form,
 * https://undocs.org/<symbol>, is the one https://researchguides.library.vanderbilt.edu/UNDocs/symbols
 * describes. No stored page of the UN itself spelled the address out.
 */
export const ODS_URL = 'https://docs.un.org/en/';
/** A resolution without its organ has no one document: search the UN Digital Library for it. */
export const UNDL_SEARCH_URL = 'https://digitallibrary.un.org/search?ln=en&p=';

const COMMITTEES = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth'];

function ordinal(n: number): string {
  const t = n % 100;
  const s = t >= 11 && t <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

/** The organ a symbol's leading parts name, and how many parts that took. */
function organOf(p: readonly string[]): { organ: string | null; used: number; conf?: boolean } {
  const [a, b = ''] = p;
  let m: RegExpExecArray | null;
  if (a === 'A') {
    if (b === 'HRC') return { organ: 'Human Rights Council', used: 2 };
    if (/^CONF\.\d+$/.test(b)) return { organ: `United Nations conference (A/${b})`, used: 2, conf: true };
    if ((m = /^C\.([1-6])$/.exec(b)))
      return { organ: `General Assembly, ${COMMITTEES[Number(m[1]) - 1]} Committee`, used: 2 };
    if (/^AC\.\d+$/.test(b)) return { organ: `General Assembly ad hoc committee (A/${b})`, used: 2 };
    return { organ: 'General Assembly', used: 1 };
  }
  if (a === 'S') return { organ: 'Security Council', used: 1 };
  if (a === 'E') {
    if (b === 'CN.4') return { organ: 'Commission on Human Rights', used: 2 };
    if (/^CN\.\d+$/.test(b)) return { organ: `ECOSOC functional commission (E/${b})`, used: 2 };
    if (/^C\.\d+$/.test(b)) return { organ: `ECOSOC committee (E/${b})`, used: 2 };
    return { organ: 'Economic and Social Council', used: 1 };
  }
  return { organ: null, used: a === 'RES' ? 0 : 1 };
}

const MODS: Record<string, SymbolKind> = { Add: 'addendum', Rev: 'revision', Corr: 'corrigendum' };

/** Decodes a canonical symbol (the part of a "sym:" id after the prefix). */
export function decodeSymbol(symbol: string): DecodedSymbol {
  const parts = symbol.split('/');
  const { organ, used, conf } = organOf(parts);
  const rest = parts.slice(used);
  // Trailing Add./Rev./Corr. parts modify the document before them ("/Rev.1/Add.2": an addendum to a revision).
  const mods: { kind: SymbolKind; n: string }[] = [];
  for (let m; rest.length && (m = /^(Add|Rev|Corr)\.(\d+)$/.exec(rest[rest.length - 1]!)); rest.pop())
    mods.unshift({ kind: MODS[m[1]!]!, n: m[2]! });
  let kind: SymbolKind = conf ? 'conference document' : 'document';
  if (rest[0] === 'RES') {
    kind = 'resolution';
    rest.shift();
  } else if (rest[0] === 'PRST') {
    kind = 'presidential statement';
    rest.shift();
  }
  let session: number | undefined, year: number | undefined, number: string | undefined;
  /** "2240(2015)": a Security Council resolution's number with its year of adoption. */
  let adopted = false;
  rest.forEach((part, i) => {
    let m: RegExpExecArray | null;
    if ((m = /^L\.(\d+)$/.exec(part))) {
      if (kind === 'document' || kind === 'conference document') kind = 'draft';
      number = m[1];
    } else if ((m = /^(\d+)\((\d{4})\)$/.exec(part))) {
      number = m[1];
      year = Number(m[2]);
      adopted = true;
    } else if (/^\d+$/.test(part)) {
      // A number with another after it is the session (1–2 digits) or the year (4 digits).
      if (i === 0 && i < rest.length - 1) {
        if (part.length === 4) year = Number(part);
        else session = Number(part);
      } else number = part;
    }
  });
  const unknown = organ === null && parts[0] === 'RES';
  const what =
    (kind as SymbolKind) === 'draft'
      ? 'draft (limited distribution)'
      : kind === 'conference document'
        ? 'document'
        : kind;
  let description = unknown
    ? `Resolution ${rest.join('/')}, organ not stated`
    : `${organ ?? `UN ${parts[0]} series`} ${what}`;
  if (!unknown) {
    if (session !== undefined) description += `, ${ordinal(session)} session`;
    else if (year !== undefined && !adopted) description += `, ${year}`;
    if (number !== undefined) description += `, No. ${number}`;
    if (adopted) description += `, adopted in ${year}`;
  }
  for (const m of mods) description += ` — ${m.kind} ${m.n}`;
  const last = mods[mods.length - 1];
  const out: DecodedSymbol = {
    symbol,
    organ,
    kind: last ? last.kind : kind,
    description,
    url: unknown ? UNDL_SEARCH_URL + encodeURIComponent(`resolution ${rest.join('/')}`) : ODS_URL + symbol,
    official: !unknown,
  };
  if (session !== undefined) out.session = session;
  if (year !== undefined) out.year = year;
  if (number !== undefined) out.number = number;
  return out;
}

/** The glossary entry a symbol (or the document it amends) belongs to, through the matcher's symbol keys. */
function entryFor(
  symbol: string,
  matcher: CompiledMatcher,
  resolve: (id: string) => GlossaryEntry | undefined,
): GlossaryEntry | undefined {
  const key = familyKey('sym', symbol);
  // A matcher without families (or an older layout) knows no symbol.
  for (const f of Array.isArray(matcher.fam) ? matcher.fam : []) {
    const x = f.syn ? f.keys[key] : undefined;
    const id = x === undefined ? undefined : matcher.ids[x];
    if (id !== undefined) return resolve(id);
  }
  return undefined;
}

/** The card for a "sym:" id, or null when the id is not one. */
export function symbolCard(
  id: string,
  matcher: CompiledMatcher,
  resolve: (id: string) => GlossaryEntry | undefined,
  say: Say = ENGLISH,
): TermCard | null {
  if (!isSymbolId(id)) return null;
  const d = decodeSymbol(id.slice(4));
  const known = entryFor(d.symbol, matcher, resolve);
  // "A/HRC/38/41/Add.1": the report it belongs to may be in the glossary even when the addendum is not.
  const parent = known ? undefined : entryFor(d.symbol.replace(/(?:\/(?:Add|Rev|Corr)\.\d+)+$/, ''), matcher, resolve);
  const title = known ? known.expansion || known.label : undefined;
  const summary = title
    ? say('sym_title', title)
    : d.official
      ? parent
        ? say('sym_partOf', parent.expansion || parent.label, parent.label)
        : say('sym_unknown')
      : say('sym_noOrgan');
  const related = known ?? parent;
  const card: TermCard = {
    id,
    label: d.symbol.startsWith('RES/') ? say('sym_resolution', d.symbol.slice(4)) : d.symbol,
    expansion: d.description,
    category: 'document',
    summary,
    excerpts: [],
    related: related ? [{ id: related.id, label: related.label }] : [],
    // The description (organ, session, number) stays English: organ names need the UN's official
    // French and Spanish names first (see the README's French and Spanish section).
    noExcerpt: say('sym_noExcerpt'),
    officialUrl: d.url,
    linkLabel: say(d.official ? 'sym_openOds' : 'sym_searchUndl'),
  };
  return card;
}
