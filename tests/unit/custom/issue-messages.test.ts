/**
 * Every problem an import can report is a catalogue message (issue_*), so the reader sees it in their
 * language (issue #15). The inputs below provoke each problem once; the test fails when a problem is
 * added without a key, when a key is never produced, or when a language leaves one untranslated.
 */
import { describe, expect, it } from 'vitest';
import { formatIssueIn, render, type ImportIssue, type Msg } from '@/lib/custom/issue';
import { parseCustomFile, type ImportInput } from '@/lib/custom/io';
import { ID_RULE } from '@/lib/glossary/id';
import { CATALOGUES } from '@/lib/i18n/catalogues';
import { sayIn, ENGLISH } from '@/lib/background/ui-language';

const ctx = { builtinIds: new Set(['iom']), existingCustomIds: new Set<string>() };
const ok = { label: 'Okay', summary: 'A test entry.' };
const entries = [
  1,
  { id: 'dup', ...ok },
  { id: 'dup', ...ok },
  { id: 'iom', ...ok },
  { id: 'links', ...ok, related: ['nowhere'] },
  { id: 'no-text', label: 5 },
  { id: 'long', label: 'L'.repeat(201), summary: 'bell\u0007' },
  { id: 'lists', ...ok, aliases: 'abc', related: ['Not An Id'] },
  { id: 'many', ...ok, aliases: Array.from({ length: 51 }, (_, i) => `alias ${i}`) },
  { id: 'pipe', ...ok, aliases: ['a|b', 'x'], colour: 'red', custom: false },
  { id: 'BAD', label: 'X', summary: 's', category: 'nope' },
  { id: 'hints-1', ...ok, hints: [] },
  { id: 'hints-2', ...ok, hints: { patterns: ['a+'], caseSensitive: 'yes', colour: 1 } },
];
const INPUTS: ImportInput[] = [
  { text: JSON.stringify(entries, null, 1) },
  { text: '[]' },
  { text: JSON.stringify(Array.from({ length: 5001 }, () => ({}))) },
  { text: 'x'.repeat(2_200_000), format: 'csv' },
  { text: '[1,' },
  { text: '{}' },
  { text: 'a\n"x"y\n', format: 'csv' },
  { text: 'a,b\nx"y,z\n', format: 'csv' },
  { text: 'a\n"open\n', format: 'csv' },
  { text: '', format: 'csv' },
  { text: 'id,label,summary,colour,,id\n1,2,3,4,5,6\n', format: 'csv' },
  { text: 'id,label\n', format: 'csv' },
  { text: 'id,label,summary\na,b\n', format: 'csv' },
];
const issues: ImportIssue[] = INPUTS.flatMap((input) => {
  const r = parseCustomFile(input, ctx);
  return 'errors' in r ? r.errors : [];
});
const keysOf = (m: Msg): string[] => [m.key, ...m.subs.flatMap((s) => (typeof s === 'object' ? keysOf(s) : []))];

describe('import problems in the reader’s language', () => {
  it('every issue_* message is produced by some bad input', () => {
    const produced = new Set(issues.flatMap((i) => (i.text ? keysOf(i.text) : [])));
    const all = Object.keys(CATALOGUES.en).filter((k) => k.startsWith('issue_'));
    expect(all.length).toBeGreaterThan(30);
    expect(all.filter((k) => !produced.has(k))).toEqual([]);
  });

  it('each problem is a message whose English is the text the tools print', () => {
    expect(issues.length).toBeGreaterThan(35);
    for (const i of issues) {
      expect(i.text, i.message).toBeDefined();
      expect(render(i.text!, ENGLISH)).toBe(i.message);
    }
  });

  it('French and Spanish word every problem themselves, with every placeholder filled', () => {
    for (const lang of ['fr', 'es'] as const) {
      const say = sayIn(lang);
      for (const i of issues) {
        const text = render(i.text!, say);
        expect(text, `${lang}: ${i.message}`).not.toBe(i.message);
        expect(text).not.toMatch(/\$|issue_|import_/);
      }
    }
  });

  it('keeps names from the file as written and says where, in French', () => {
    const fr = sayIn('fr');
    // French puts a no-break space inside « » and before : and ; (compared here as plain spaces).
    const shown = issues.map((i) => formatIssueIn(i, fr).replace(/\u00a0/g, ' '));
    expect(shown).toContain(
      'ligne 8, entrée 3, champ « id »: identifiant « dup » en double (première utilisation : ligne 3)',
    );
    expect(shown).toContain(
      'ligne 2: CSV mal formé : un champ entre guillemets n’est pas refermé avant la fin du fichier',
    );
    expect(shown.find((s) => s.startsWith('ligne 1, colonne 5: colonne inconnue'))).toMatch(/: id, label, expansion,/);
    expect(
      formatIssueIn(
        issues.find((i) => i.column === 5)!,
        ENGLISH,
      ),
    ).toMatch(/^line 1, column 5: unknown column/);
  });

  it('words the id rule as lib/glossary/id.ts does for the build tools', () => {
    const bad = issues.find((i) => i.text?.key === 'issue_badId');
    expect(bad?.message).toBe(`"BAD" must be ${ID_RULE}`);
  });
});
