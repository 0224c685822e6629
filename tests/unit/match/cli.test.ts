import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { visibleText } from '../../../lib/pipeline/text/visible-text';
import { FIXTURES, ROOT } from './helpers/fixture';

interface Row {
  start: number;
  end: number;
  text: string;
  id: string;
  label: string;
}

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** Spawns the CLI; all runs start together in beforeAll so the file stays fast on a busy machine. */
function spawnCli(cmd: string, args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(cmd, args, { cwd: ROOT, encoding: 'utf8', timeout: 60_000 }, (err, stdout, stderr) => {
      done({ status: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}
/** As documented (`npx tsx lib/pipeline/cli/recognise.ts …`); `direct` skips npx's own start-up. */
const run = (...args: string[]) => spawnCli('npx', ['tsx', 'lib/pipeline/cli/recognise.ts', ...args]);
const direct = (...args: string[]) =>
  spawnCli(process.execPath, ['--import', 'tsx', 'lib/pipeline/cli/recognise.ts', ...args]);
const GLOSSARY = ['--glossary', join(FIXTURES, 'glossary')];
const FR = ['--glossary', join(FIXTURES, 'glossary-fr')];
const runs: Record<string, Run> = {};
beforeAll(async () => {
  const jobs: Record<string, Promise<Run>> = {
    txt: run('--json', ...GLOSSARY, join(FIXTURES, 'page.txt')),
    html: direct('--json', ...GLOSSARY, join(FIXTURES, 'page.html')),
    list: direct(...GLOSSARY, join(FIXTURES, 'page.txt')),
    missing: direct('--json', ...GLOSSARY, join(FIXTURES, 'does-not-exist.txt')),
    noGlossary: direct('--json', '--glossary', join(FIXTURES, 'nope'), join(FIXTURES, 'page.txt')),
    // No --glossary: the repository's own data/glossary, found from the CLI's location.
    defaultGlossary: direct('--json', join(FIXTURES, 'page.txt')),
    repeated: direct('--json', join(FIXTURES, 'repeated.txt')),
    repeatedAll: direct('--json', '--all', join(FIXTURES, 'repeated.txt')),
    // A French acronym gated by language (lib/match/forms.ts) in a text too short for a guess.
    langNone: direct('--json', ...FR, join(FIXTURES, 'short-fr.txt')),
    langFr: direct('--json', ...FR, '--lang', 'fr-CH', join(FIXTURES, 'short-fr.txt')),
    langEn: direct('--json', ...FR, '--lang', 'en', join(FIXTURES, 'short-fr.txt')),
    langMissing: direct('--json', ...FR, join(FIXTURES, 'short-fr.txt'), '--lang'),
  };
  for (const [k, p] of Object.entries(jobs)) runs[k] = await p;
}, 90_000);

describe('lib/pipeline/cli/recognise.ts', () => {
  it('--json on a .txt file prints only a JSON array with offsets into the file text', () => {
    const file = join(FIXTURES, 'page.txt');
    const r = runs.txt!;
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as Row[];
    const text = readFileSync(file, 'utf8');
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(['end', 'id', 'label', 'start', 'text']);
      expect(text.slice(row.start, row.end)).toBe(row.text);
    }
    expect(rows.map((x) => `${x.text}[${x.id}]`)).toEqual([
      'IOM[iom]',
      'ILO C\u2011189[c189]',
      'Conventions Nos. 97[c97]',
      '143[c143]',
      'ASEAN[asean]',
      'UN\u00A0Women[unwomen]',
    ]);
    expect(rows[0]!.label).toBe('IOM');
  });

  it('--json on an .html file uses the visible text only', () => {
    const file = join(FIXTURES, 'page.html');
    const r = runs.html!;
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as Row[];
    const text = visibleText(
      new DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/html') as unknown as Node,
    );
    for (const row of rows) expect(text.slice(row.start, row.end)).toBe(row.text);
    const ids = rows.map((x) => x.id);
    expect(ids).toEqual(expect.arrayContaining(['iom', 'unhcr', 'c189', 'sdg107', 'cedawgr26']));
    // <title>, <style>, <script>, hidden, <noscript>, <template> and "WHO WE ARE" contribute nothing.
    expect(ids).not.toContain('gfmd');
    expect(ids).not.toContain('icao');
    expect(ids).not.toContain('who');
    expect(rows.find((x) => x.id === 'c189')!.text).toBe('ILO Domestic Workers Convention,\u00A02011 (No.\u00A0189)');
    expect(rows.find((x) => x.id === 'cedawgr26')!.text).toBe('CEDAW\u2074 General Recommendation No. 26');
  });

  it('--lang gives the text language for gated French/Spanish forms; without it the text is guessed', () => {
    const ids = (r: Run) => (JSON.parse(r.stdout) as Row[]).map((x) => `${x.text}[${x.id}]`);
    expect(ids(runs.langFr!)).toEqual(['BIT[ilo]']);
    expect(ids(runs.langEn!)).toEqual([]);
    // "Contact : BIT." has no function words to guess from.
    expect(ids(runs.langNone!)).toEqual([]);
    expect(runs.langMissing!.status).toBe(1);
    expect(runs.langMissing!.stderr).toMatch(/--lang needs a language tag/);
    expect(runs.langMissing!.stdout).toBe('');
  });

  it('without --json prints a readable list', () => {
    const r = runs.list!;
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/IOM\s+→\s+iom \(IOM\)/);
    expect(r.stdout).toMatch(/6 term\(s\) in /);
  });

  it('exits 1 with a clear message for a missing file, and prints nothing on stdout', () => {
    const r = runs.missing!;
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/recognise: cannot read .*does-not-exist\.txt/);
  });

  it('without --glossary reads the curated data/glossary of this repository', () => {
    const r = runs.defaultGlossary!;
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as Row[]).map((x) => x.id)).toContain('iom');
  });

  it('--json prints what the extension underlines by default (concepts once); --all every match', () => {
    const key = (x: Row) => `${x.text}@${x.start}`;
    const shown = (JSON.parse(runs.repeated!.stdout) as Row[]).map(key);
    const all = JSON.parse(runs.repeatedAll!.stdout) as Row[];
    const count = (id: string) => all.filter((x) => x.id === id).length;
    expect(count('remit')).toBe(4);
    expect(count('iom')).toBe(3);
    // Text order, names at every occurrence, concepts (remittances, diaspora) at the first only.
    expect(shown).toEqual([
      'Remittances@0',
      'IOM@52',
      'IOM@81',
      'diaspora@102',
      'ILO@162',
      'IOM@170',
      'decent work@182',
    ]);
    expect(shown.every((k) => all.map(key).includes(k))).toBe(true);
  });

  it('exits 1 for a missing glossary directory', () => {
    const r = runs.noGlossary!;
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot read glossary directory/);
  });
});

describe('visibleText', () => {
  it('drops non-visible elements, decodes entities and breaks lines at blocks', () => {
    const doc = new DOMParser().parseFromString(
      '<html><head><title>T</title></head><body><div>a &amp;\n  b<br>c</div><script>x</script><p style="display: none">h</p><p>d<sup>12</sup></p></body></html>',
      'text/html',
    );
    expect(visibleText(doc as unknown as Node)).toBe('a & b\nc\n\nd\u00B9\u00B2');
  });
});
