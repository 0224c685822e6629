/**
 * Composite-reference families (numbered instruments, targets, resolutions, symbols). A family is one regex that
 * extracts a KEY (ILO instrument number, SDG target, resolution number, document symbol…); keys are
 * mapped to glossary entries at compile time by running the same regex over every entry's label and
 * aliases, so the glossary decides which numbers exist ("Convention No. 100" with no c100 entry is
 * simply not a term, and a number alone never is). DEFAULT_IDS covers entries whose forms do not spell
 * the number (e.g. a c189 entry labelled only "Domestic Workers Convention").
 *
 * Regexes run over normalise()d text (dashes/quotes/NBSP/superscripts already folded).
 */
import { familyKey, type SynRule } from './key';

/** "No." and its variants: No, No., Nos., Nº, n°, núm., #. */
const NO = String.raw`(?:n[oº°]s?\.?|núm\.?|#)`;
const NO_CS = String.raw`(?:[Nn][oº°]s?\.?|[Nn]úm\.?|#)`;
const AND = String.raw`(?:,|and|&|or|y|et)`;

export interface FamilyDef {
  ns: string;
  re: string;
  ci: boolean;
  cont?: string;
  need?: string;
  /**
   * UN document symbols: hits no entry keys still become a term, with a synthetic "sym:" id
   * (lib/glossary/id.ts) built by the first matching rule (key.ts synRule); the background decodes it.
   */
  syn?: SynRule[];
  /**
   * A character every match contains (a regex character class source, e.g. "/" or "\\d"), for families
   * without trigger words: a block without it skips the regex. The symbol regex alone, run over every
   * block of the bench's 130 pages, cost a tenth of candidate preparation (issue #17).
   */
  has?: string;
}

/**
 * Sessions of the General Assembly whose resolutions are numbered "session/number": from the 31st
 * (1976; earlier ones were "2997 (XXVII)", see https://research.un.org/en/docs/ga/resolutions) to the
 * 81st; raise the bound as sessions open. A bare "resolution 16/9" is therefore no General Assembly
 * resolution (the Human Rights Council numbers its resolutions the same way): its organ stays unknown.
 */
const GA_SESSION = String.raw`(?:3[1-9]|[4-7]\d|8[01])`;

/** Organs named before "resolution": the matched group decides the symbol's series. */
const ORGAN = String.raw`(?:(?<hrc>HRC|Human\s+Rights\s+Council)|(?<chr>Commission\s+on\s+Human\s+Rights|CHR)|(?<sc>Security\s+Council|UNSC)|(?<eco>ECOSOC|Economic\s+and\s+Social\s+Council)|(?<ga>General\s+Assembly|UNGA|GA))`;

/**
 * The same organs in French and Spanish, after an article ("résolution 60/227 de l'Assemblée générale",
 * "las resoluciones de la Comisión de Derechos Humanos 2005/47"). `p` suffixes the group names: the
 * regex holds this twice (between the word and the number, and after the number). Quotes are already
 * straight (normalise.ts).
 */
const organOf = (p: string) =>
  String.raw`(?:de\s+l'\s*|de\s+la\s+|du\s+|del\s+|de\s+)(?:(?<hrc${p}>Conseil\s+des\s+droits\s+de\s+l'\s*homme|Consejo\s+de\s+Derechos\s+Humanos)|(?<chr${p}>Commission\s+des\s+droits\s+de\s+l'\s*homme|Comisi[oó]n\s+de\s+Derechos\s+Humanos)|(?<sc${p}>Conseil\s+de\s+s[eé]curit[eé]|Consejo\s+de\s+Seguridad)|(?<eco${p}>Conseil\s+[eé]conomique\s+et\s+social|Consejo\s+Econ[oó]mico\s+y\s+Social)|(?<ga${p}>Assembl[eé]e\s+g[eé]n[eé]rale(?:\s+des\s+Nations\s+Unies)?|Asamblea\s+General(?:\s+de\s+las\s+Naciones\s+Unidas)?))`;

/** A date after a resolution number: "of 23 December 2005", "du 18 juin 2008", "de 19 de abril de 2005". */
const DATE = String.raw`(?:\s+(?:of|du|de|del)\s+\d{1,2}(?:er)?\s+(?:de\s+)?[a-zà-ÿ]+\.?\s+(?:de\s+)?\d{4})?`;

/** Security Council resolutions carry their year: "2240 (2015)". */
const SC_NO = String.raw`^\d{1,4}\s*\(\d{4}\)$`;

/**
 * Document symbols worth a card without a glossary entry: the General Assembly (A/…, with its session,
 * a main committee, the HRC or a conference), the Security Council (S/RES/…, S/PRST/…, S/year/…) and
 * ECOSOC (E/year/…, E/RES/…, its commissions E/CN.n/…). Other series ("ESA/P/WP/249") only map to entries.
 */
const SYMBOL_GATE = String.raw`^(?:A/(?:RES/\d{1,2}/\d|\d{1,2}/|HRC/|CONF\.\d|C\.\d/|AC\.\d)|S/(?:RES/\d{1,4}(?:\s?\(\d{4}\))?$|PRST/|\d{4}/)|E/(?:\d{4}/|RES/\d{4}/|CN\.\d|C\.\d|HLPF/|ICEF/))`;

/** Words near an ILO number that make it one (English, French, Spanish). */
const ILO_NEED = String.raw`\b(?:ILO|OIT|BIT|Conventions?|Convenios?|labou?r|workers?|employment|travail\w*|trabaj\w*|emploi|empleo)\b`;

/** A French or Spanish title after the number, up to its year: "(n° 189) sur les travailleuses …, 2011". */
const ILO_TITLE = String.raw`(?:\s+(?:sur|concernant|sobre)\s+[^\n,.;()]{3,90}?,\s*\d{4}(?!\d))?`;

/** Most specific first: at compile time a later family ignores spans an earlier one already keyed. */
export const FAMILIES: FamilyDef[] = [
  {
    // CEDAW General Recommendation No. 26 · CEDAW GR 26 · General Recommendation (GR) No. 26 · GR No. 26
    ns: 'cedawgr',
    ci: false,
    re: String.raw`\b(?:CEDAW\s*(?:Committee\s*)?)?(?:GR|G\.R\.|Gen\.\s?Rec\.|[Gg]eneral\s+[Rr]ecommendation|[Rr]ecommandation\s+g[ée]n[ée]rale|[Rr]ecomendaci[óo]n\s+[Gg]eneral)(?:\s*\(GR\))?\s*(?:${NO_CS}\s*)?(?<k>\d{1,2})(?![\d%]|[.,/]\d)`,
    need: String.raw`CEDAW|women|migrant|General Recommendation \(GR\)`,
    has: String.raw`\d`,
  },
  {
    // General Comment No. 1 / No. 2 (CMW), No. 20 (CESCR), and the source's mislabelled No. 26 (CEDAW).
    ns: 'gc',
    ci: true,
    re: String.raw`\bGeneral\s+Comments?\s*(?:${NO}\s*)?(?<k>\d{1,2})(?![\d%]|[.,/]\d)`,
    need: String.raw`\b(?:CMW|CESCR|CEDAW|migrants?|Committee)\b`,
  },
  {
    // C189, C-189, C.189, C097, R201, ILO C189, ILO-C189 (case-sensitive: "c189" is not an instrument).
    ns: 'ilo',
    ci: false,
    re: String.raw`\b(?:ILO[\s-]?)?(?<t>[CR])[.-]?(?<k>0?\d{2,3})(?![\w%]|[.,/-]\d)`,
    need: ILO_NEED,
    has: String.raw`\d`,
  },
  {
    // ILO Convention No. 189 · Conventions Nos. 97 and 143 · Domestic Workers Convention, 2011 (No. 189)
    // · Recommendation No. 201 · Convenio núm. 189 · Migration for Employment Convention (Revised), 1949 (No. 97)
    // · recommandation (n° 201) · Convention (n° 189) sur les travailleuses et travailleurs domestiques, 2011
    ns: 'ilo',
    ci: true,
    re: String.raw`\b(?:(?:ILO|OIT)[\s-]*)?(?<t>Convention|Recommendation|Recommandation|Convenio|Recomendaci[óo]n)s?(?:\s*\(revised\))?(?:,?\s*\d{4})?,?\s*\(?\s*(?:${NO}\s*)?(?<k>\d{2,3})(?![\d%]|[.,/]\d)\)?${ILO_TITLE}`,
    cont: String.raw`(?:\s+(?:in|en)\s+\d{4})?\s*${AND}\s*(?<s>(?:${NO}\s*)?(?<k>\d{2,3})(?![\d%]|[.,/]\d))(?:\s+(?:in|en)\s+\d{4})?`,
    need: ILO_NEED,
  },
  {
    // SDG 10.7 · SDG target 10.c · target 10.7 and 8.8 · targets 5.2 and 16.2 · indicator 10.7.1 · Goal 17
    // · cible 10.7 · objectif 10 · indicateur 10.7.2 · ODD 8 · meta 10.7 · indicador 10.7.2 · ODS 10
    ns: 'sdg',
    ci: true,
    re: String.raw`\b(?:SDGs?|ODS|ODD|Goals?|Targets?|Indicators?|cibles?|objectifs?|indicateurs?|metas?|objetivos?|indicador(?:es)?)\s*(?:(?:target|indicator|cible|indicateur|meta|indicador)s?\s*)?(?<k>\d{1,2}(?:\.(?:\d{1,2}|[a-c])(?:\.\d{1,2})?)?)(?![\d%]|[.,]\d|\.[a-z]\b)`,
    cont: String.raw`\s*${AND}\s*(?<s>(?:(?:target|cible|meta)\s*)?(?<k>\d{1,2}\.(?:\d{1,2}|[a-c]))(?![\d%]|[.,]\d))`,
    need: String.raw`\b(?:SDGs?|ODS|ODD|Sustainable Development|2030 Agenda|Agenda 2030|Programme 2030|d[ée]veloppement durable|desarrollo sostenible|migra\w*)\b`,
  },
  {
    // resolution 60/227 · A/RES/68/4 · resolutions 56/203 and 58/208 · Resolution 2997 (XXVII) · resolution 1983
    // · HRC resolution 34/21 · Commission on Human Rights resolution 2005/47 · S/RES/2240 (2015) · résolution 73/195
    // · résolution 60/227 de l'Assemblée générale · résolutions 8/10 du 18 juin 2008, 17/12 … et 43/6
    // · résolutions de la Commission des droits de l'homme 1999/44 · resolución 71/1
    ns: 'res',
    ci: true,
    re: String.raw`(?:(?<![\w/.\\])(?:(?<ares>A)|(?<sres>S))/RES/|\b(?:${ORGAN}\s+)?(?:r[eé]solutions?|resoluci[oó]n(?:es)?|res\.)\s*(?:${organOf('b')}\s+)?(?:${NO}\s*)?)(?<k>\d{1,2}/\d{1,3}|\d{4}/\d{1,3}|\d{3,4}(?:\s*\((?:[IVXL]+|\d{4})\))?)(?![\d/]|[.,]\d)(?:\s+${organOf('a')})?`,
    cont: String.raw`${DATE}\s*(?:,|and|&|et|y)\s*(?<s>(?<k>\d{1,2}/\d{1,3}|\d{4}/\d{1,3}))(?![\d/]|[.,]\d)`,
    syn: [
      { g: 'hrc|hrcb|hrca', p: 'A/HRC/RES/', if: String.raw`^\d{1,2}/\d`, own: 1 },
      { g: 'chr|chrb|chra', p: 'E/CN.4/RES/', if: String.raw`^\d{4}/\d`, own: 1 },
      { g: 'sc|scb|sca', p: 'S/RES/', if: SC_NO, own: 1 },
      { g: 'eco|ecob|ecoa', p: 'E/RES/', if: String.raw`^\d{4}/\d`, own: 1 },
      { g: 'ga|gab|gaa', p: 'A/RES/', if: String.raw`^${GA_SESSION}/\d` },
      { g: 'ares', p: 'A/RES/', if: String.raw`^\d{1,2}/\d` },
      { g: 'sres', p: 'S/RES/', if: String.raw`^\d{1,4}(?:\s*\(\d{4}\))?$`, own: 1 },
      { p: 'A/RES/', if: String.raw`^${GA_SESSION}/\d` },
      { p: 'RES/', if: String.raw`^\d{1,4}/\d` },
    ],
  },
  {
    // UN document symbols: A/68/190, A/HRC/20/24, A/C.3/66/L.18, E/2010/89, ESA/P/WP/249, CMW/C/GC/1,
    // A/HRC/38/41/Add.1, A/CONF.231/L.1, S/RES/2240 (2015). Never inside a path or URL ("/A/72/173"); at
    // most eight parts, as symbol ids allow (lib/glossary/id.ts).
    ns: 'sym',
    ci: false,
    re: String.raw`(?<![\w/.\\])(?=[A-Z]{1,6}/[A-Za-z0-9./]*\d)(?<k>[A-Z]{1,6}(?:/(?:[A-Z0-9]{1,6}(?:\.[A-Z0-9]{1,4})?|(?:Add|Rev|Corr)\.\d{1,3})){1,8}(?:\s?\(\d{4}\))?)(?![\w/]|\.\d)`,
    syn: [{ p: '', if: SYMBOL_GATE }],
    has: '/',
  },
  {
    // Doc 9303 · Doc. 9303 · ICAO Doc 9303 · Document 9303, Part 1
    ns: 'doc',
    ci: true,
    re: String.raw`\b(?:ICAO\s+)?Doc(?:ument|\.)?\s*(?<k>\d{4})(?!\d)(?:,?\s*Part\s*\d{1,2}\b)?`,
  },
  {
    // WHO resolutions WHA61.17, WHA 63.16
    ns: 'wha',
    ci: false,
    re: String.raw`\bWHA\s?(?<k>\d{2}\.\d{1,2})(?![\d.])`,
  },
];

/**
 * Keys implied by conventional entry ids (as in terms.tsv: c189, r201, cedawgr26, sdg107, sdg10c, res60227,
 * doc9303, wha6117). Used only for keys that no entry form spells. Ambiguous splits ("sdg107" → 10.7 or
 * 1.07) yield every reading; the wrong ones are harmless because real text never contains them.
 */
export function keysFromId(id: string): string[] {
  let m: RegExpExecArray | null;
  if ((m = /^([cr])0?(\d{2,3})$/.exec(id))) return [familyKey('ilo', m[2]!, m[1])];
  if ((m = /^cedawgr(\d{1,2})$/.exec(id)))
    return [familyKey('cedawgr', m[1]!), ...(m[1] === '26' ? [familyKey('gc', '26')] : [])];
  if ((m = /^doc(\d{4})$/.exec(id))) return [familyKey('doc', m[1]!)];
  if ((m = /^wha(\d{2})(\d{1,2})$/.exec(id))) return [familyKey('wha', `${m[1]}.${m[2]}`)];
  if ((m = /^res(\d{2})(\d{1,3})$/.exec(id)))
    return [
      familyKey('res', `${m[1]}/${m[2]}`),
      familyKey('res', m[1]! + m[2]!),
      familyKey('sym', `A/RES/${m[1]}/${m[2]}`),
    ];
  if ((m = /^res(\d{3,4})$/.exec(id))) return [familyKey('res', m[1]!)];
  if ((m = /^sdg(?:goal)?(\d{1,2})$/.exec(id)) && id.includes('goal')) return [familyKey('sdg', m[1]!)];
  if (/^sdg(\d{1,2})(\d{1,2}|[a-c])?(\d)?$/.test(id)) {
    const d = id.slice(3);
    const out: string[] = [];
    // Every split of the digits into goal(.target(.indicator)) with 1–2 digit parts.
    for (let a = 1; a <= 2 && a <= d.length; a++) {
      const g = d.slice(0, a),
        rest = d.slice(a);
      if (!rest) {
        out.push(familyKey('sdg', g));
        continue;
      }
      for (let b = 1; b <= 2 && b <= rest.length; b++) {
        const t = rest.slice(0, b),
          r = rest.slice(b);
        if (!/^(\d+|[a-c])$/.test(t)) continue;
        if (!r) out.push(familyKey('sdg', `${g}.${t}`));
        else if (/^\d{1,2}$/.test(r)) out.push(familyKey('sdg', `${g}.${t}.${r}`));
      }
    }
    return out;
  }
  return [];
}
