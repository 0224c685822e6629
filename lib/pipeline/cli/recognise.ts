/**
 * Command-line recogniser: `npx tsx lib/pipeline/cli/recognise.ts [--json] [--all] [--glossary DIR] [--lang L] FILE`
 * (also `npm run --silent recognise -- --json FILE`). Reads a UTF-8 .txt file or the visible text of
 * an .html file, compiles data/glossary/*.json and lists, in text order, exactly what the extension
 * underlines with default settings: concepts at their first occurrence only (lib/scan/underline.ts,
 * the rule the scanner uses). --all lists every match instead. With --json, stdout holds ONLY a JSON
 * array of {start, end, text, id, label} (offsets into the text / extracted text). The text's language
 * (for French/Spanish forms gated by language, lib/match/forms.ts) is guessed from its words unless
 * --lang gives it.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GlossaryBuildError } from '../glossary/errors';
import { loadGlossarySources } from '../glossary/load';
import type { GlossarySource } from '../../glossary/types';
import { compileMatcher } from '../../match/compile';
import { primaryLang } from '../../match/lang';
import { loadMatcher } from '../../match/matcher';
import { htmlToText } from '../text/html-node';
import { defaultSettings } from '../../settings/schema';
import { modeByCategory, underlinedInTextOrder } from '../../scan/underline';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
const USAGE = 'usage: recognise [--json] [--all] [--glossary DIR] [--lang fr|es|en|…] FILE(.txt|.html)';

class CliError extends Error {}

function parseArgs(argv: string[]): { json: boolean; all: boolean; glossary: string; file: string; lang?: string } {
  let json = false;
  let all = false;
  let lang: string | undefined;
  let glossary = join(ROOT, 'data/glossary');
  let file = '';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--all') all = true;
    else if (a === '--glossary') {
      const dir = argv[++i];
      if (!dir) throw new CliError(`--glossary needs a directory\n${USAGE}`);
      glossary = resolve(dir);
    } else if (a === '--lang') {
      lang = primaryLang(argv[++i]);
      if (!lang) throw new CliError(`--lang needs a language tag (fr, es, en…)\n${USAGE}`);
    } else if (a.startsWith('-')) throw new CliError(`unknown option ${a}\n${USAGE}`);
    else if (file) throw new CliError(`only one FILE expected\n${USAGE}`);
    else file = a;
  }
  if (!file) throw new CliError(`missing FILE\n${USAGE}`);
  return { json, all, glossary, file, ...(lang ? { lang } : {}) };
}

function loadGlossary(dir: string): GlossarySource[] {
  let all: GlossarySource[];
  try {
    all = loadGlossarySources(dir).flatMap((f) => f.entries);
  } catch (err) {
    // Syntax errors already name file, line and column; anything else is the directory itself.
    throw new CliError(
      err instanceof GlossaryBuildError
        ? err.message
        : `cannot read glossary directory ${dir}: ${(err as Error).message}`,
    );
  }
  if (!all.length) throw new CliError(`no *.json glossary files in ${dir}`);
  return all;
}

async function readText(file: string): Promise<string> {
  let raw: string;
  try {
    if (!statSync(file).isFile()) throw new Error('not a regular file');
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as Error).message}`);
  }
  return /\.x?html?$/i.test(file) ? htmlToText(raw) : raw;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const entries = loadGlossary(args.glossary);
  let matcher;
  try {
    matcher = loadMatcher(compileMatcher(entries));
  } catch (err) {
    throw new CliError(`glossary in ${args.glossary}: ${(err as Error).message}`);
  }
  const text = await readText(args.file);
  const labels = new Map(entries.map((e) => [e.id, e.label]));
  // A symbol no entry knows ("sym:A/RES/65/170") is labelled with the symbol itself.
  const label = (id: string) => labels.get(id) ?? id.replace(/^sym:/, '');
  const every = matcher
    .find(text, undefined, args.lang ? { lang: args.lang } : {})
    .map((m) => ({ ...m, termId: m.id, ord: m.start, text: text.slice(m.start, m.end), label: label(m.id) }))
    .sort((a, b) => a.start - b.start);
  // The extension's default settings, through the same rule its scanner applies.
  const category = new Map<string, string>(entries.map((e) => [e.id, e.category]));
  const modeOf = modeByCategory(defaultSettings().categories, category);
  const found = args.all ? every : underlinedInTextOrder(every, modeOf);
  if (args.json) {
    process.stdout.write(
      `${JSON.stringify(found.map(({ start, end, text: t, id, label }) => ({ start, end, text: t, id, label })))}\n`,
    );
    return;
  }
  const lineOf = (i: number) => text.slice(0, i).split('\n').length;
  for (const m of found) {
    process.stdout.write(
      `${String(lineOf(m.start)).padStart(5)}:${m.start}-${m.end}  ${m.text.replace(/\s+/g, ' ')}  →  ${m.id} (${m.label})\n`,
    );
  }
  process.stdout.write(`${found.length} term(s) in ${args.file}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`recognise: ${err instanceof CliError ? err.message : ((err as Error).stack ?? String(err))}\n`);
  process.exit(1);
});
