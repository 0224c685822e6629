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
