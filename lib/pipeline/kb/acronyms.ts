/**
 * The List of acronyms of document 002 (l.121–370): one `ACRONYM Expansion` entry per line, with
 * wrapped expansions (CEDAW, CMW, ECLAC, ICRMW, UN DESA, UNESCAP) and two entries fused on one line
 * (SRSG + SU/SSC). See seeds.md "List of acronyms".
 */
import type { AcronymPair } from '../../kb/types';
import { KbParseError } from './errors';

/** First token of an entry: starts with a capital and has a second capital or a digit (AfDB, G20). */
const KEY_TOKEN = /^[A-Z][A-Za-z0-9.\-/&']*(?:\(s\))?$/;
function isKeyToken(tok: string): boolean {
  return KEY_TOKEN.test(tok) && (tok.replace(/\(s\)$/, '').match(/[A-Z0-9]/g)?.length ?? 0) >= 2;
}

/** Wrapped-expansion lines whose first word looks like an entry start (Workers, Social, Pacific). */
const CONTINUATION_WORDS = /^(?:Women|Caribbean|Workers|Social|Pacific|and)\b/;

/** Keys that are two tokens: "UN DESA" (the only one in the list) and "UNECE, ECE"-style pairs. */
function splitKey(line: string): { acronym: string; rest: string } | null {
  const pair = /^([A-Z][A-Za-z0-9\-/]*, [A-Z][A-Za-z0-9\-/]*) (.+)$/.exec(line);
  if (pair?.[1] && pair[2]) return { acronym: pair[1], rest: pair[2] };
  const unDesa = /^(UN DESA) (.+)$/.exec(line);
  if (unDesa?.[1] && unDesa[2]) return { acronym: unDesa[1], rest: unDesa[2] };
  const m = /^(\S+) (.+)$/.exec(line);
  if (!m?.[1] || !m[2] || !isKeyToken(m[1])) return null;
  return { acronym: m[1], rest: m[2] };
}

/** "Special Representative of the Secretary General SU/SSC Special Unit…" → two entries. */
function splitFused(expansion: string): [string, string, string] | null {
  const m = /^(.+?) ([A-Z]{2,}\/[A-Z]{2,}) ([A-Z].+)$/.exec(expansion);
  return m?.[1] && m[2] && m[3] ? [m[1], m[2], m[3]] : null;
}

export function parseAcronyms(lines: readonly string[], file: string, from = 121, to = 370): AcronymPair[] {
  if ((lines[from - 1] ?? '').trim() !== 'List of acronyms') {
    throw new KbParseError(file, from, 'expected "List of acronyms" heading');
  }
  const out: AcronymPair[] = [];
  for (let n = from + 1; n <= to; n++) {
    const line = (lines[n - 1] ?? '').replace(/\u00a0/g, ' ').trim();
    if (!line) continue;
    const key = CONTINUATION_WORDS.test(line) ? null : splitKey(line);
    if (!key) {
      const prev = out[out.length - 1];
      if (!prev) throw new KbParseError(file, n, `acronym list: continuation line without an entry: "${line}"`);
      prev.expansion = `${prev.expansion} ${line}`;
      continue;
    }
    const fused = splitFused(key.rest);
    if (fused) {
      out.push({ acronym: key.acronym, expansion: fused[0], line: n });
      out.push({ acronym: fused[1], expansion: fused[2], line: n });
    } else out.push({ acronym: key.acronym, expansion: key.rest, line: n });
  }
  // "United NationsInstitute" (l.355): a space lost in conversion.
  for (const a of out) a.expansion = a.expansion.replace(/Nations(?=[A-Z])/g, 'Nations ');
  // "Pacific (UNESCAP": the wrap left an unbalanced parenthesis; close it.
  for (const a of out) {
    const open = (a.expansion.match(/\(/g) ?? []).length;
    const close = (a.expansion.match(/\)/g) ?? []).length;
    if (open > close) a.expansion += ')';
  }
  return out;
}
