/**
 * Canonical composite key shared by compiler and runtime: namespace, type letter (C/R for ILO), then the
 * number/symbol uppercased without spaces, leading zeros or a trailing "(XXVII)" session number.
 */
export function familyKey(ns: string, k: string, t?: string): string {
  let key = k
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/\s+/g, '')
    .toUpperCase();
  if (/^\d+$/.test(key)) key = String(Number(key));
  return `${ns}:${t ? t[0]!.toUpperCase() : ''}${key}`;
}

/**
 * How a family hit that no glossary entry keys becomes a UN document symbol (families.ts): the first
 * rule one of whose groups `g` ("hrc|hrca": alternatives) took part in the match (or that has no `g`) decides. `p` is put before the key,
 * `re` (the compiled `if`) must accept the key, `own` means the hit names another organ than the
 * family's keys do (an HRC resolution never maps to a General Assembly entry of the same number).
 */
export interface SynRule {
  g?: string;
  p: string;
  if?: string;
  own?: 1;
}

/**
 * "S/RES/2240 (2015)" → "S/RES/2240(2015)": the symbol as an id. Nothing else to fold: the symbol family
 * is case-sensitive (capitals, and "Add."/"Rev."/"Corr." as the UN writes them) and the other rules only
 * put a fixed prefix before digits.
 */
export const canonSymbol = (s: string): string => s.replace(/\s+/g, '');

/**
 * The rule for one hit: a rule whose organ group matched but whose `if` rejects the key ends the search
 * ("Commission on Human Rights resolution 47/3" is no General Assembly resolution); organ-less rules fall
 * through to the next one.
 */
export function synRule<R extends SynRule>(
  rules: readonly R[],
  groups: Record<string, string | undefined>,
  k: string,
  test: (r: R, k: string) => boolean,
): R | null {
  for (const r of rules) {
    if (r.g && r.g.split('|').every((n) => groups[n] === undefined)) continue;
    if (test(r, k)) return r;
    if (r.g) return null;
  }
  return null;
}
