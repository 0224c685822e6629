/**
 * Knowledge-base CLI: `npx tsx lib/pipeline/cli/kb.ts <cmd>` (or `npm run kb -- <cmd>`).
 *   stats [--json]        counts per document, agency and section kind
 *   search "<query>"      top 10 hits with citations
 *   audit [--kind K] [--counts] [--all]  text-quality audit of all records; unexplained hits only
 *                         unless --all (known false positives are listed in lib/pipeline/kb/audit.ts)
 *   show [--verbose] <TERM>  the glossary entry exactly as the card shows it (id, label or alias);
 *                         --verbose adds record ids and source-file lines for maintainers
 * Commands live in COMMANDS; main() only dispatches.
 * Relative imports only: tsx runs this file directly.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAll, readLines, readSources } from '../kb/build';
import { auditRecords, countByKind, explainIssues } from '../kb/audit';
import { computeStats } from '../kb/stats';
import { createIndex } from '../../kb/search-options';
import type { DocKey } from '../../kb/types';
import { formatCitation } from '../../kb/cite';
import { reviewStats, show, termStats } from './kb-glossary';

export interface KbCommand {
  usage: string;
  summary: string;
  /** Returns the process exit code. */
  run(args: string[], ctx: { root: string; out: (s: string) => void }): number | Promise<number>;
}

function table(title: string, m: Record<string, number>): string {
  const w = Math.max(...Object.keys(m).map((k) => k.length), 4);
  return [`${title}:`, ...Object.entries(m).map(([k, v]) => `  ${k.padEnd(w)}  ${String(v).padStart(5)}`)].join('\n');
}

export const COMMANDS: Record<string, KbCommand> = {
  stats: {
    usage: 'stats [--json]',
    summary: 'record counts per document, agency and section kind',
    run(args, { root, out }) {
      const { records, acronyms } = parseAll(root);
      const s = computeStats(records, acronyms);
      const t = termStats({ rootDir: root });
      const terms = {
        terms: t.terms,
        termsWithExcerpt: t.withExcerpt,
        termsWithNoExcerptReason: t.withNoExcerptReason,
        termsMissingSummary: t.missingSummary,
        glossaryErrors: t.buildErrors,
        termsWithOfficialUrl: t.withOfficialUrl,
        termsWithOfficialUrlNote: t.withOfficialUrlNote,
        termsWithAsOf: t.withAsOf,
        termsCheckedAgainstSources: t.withCheckedSources,
        termsWithFrenchName: t.withFrench,
        termsWithSpanishName: t.withSpanish,
        ...reviewStats({ rootDir: root }),
      };
      if (args.includes('--json')) {
        out(JSON.stringify({ ...s, ...terms }));
        return 0;
      }
      out(
        [
          `documents ${s.documents}  records ${s.records}  passages ${s.passages}  mandates ${s.mandates}  ` +
            `recommendations ${s.recommendations} (+${s.subItems} sub-items)  acronyms ${s.acronyms}  footnotes ${s.footnotes}`,
          `glossary terms ${t.terms}  with excerpts ${t.withExcerpt}  with a no-excerpt reason ${t.withNoExcerptReason}  ` +
            `missing summary ${t.missingSummary}  build errors ${t.buildErrors}`,
          `official page ${t.withOfficialUrl}  no official page (reason given) ${t.withOfficialUrlNote}  ` +
            `dated (asOf) ${t.withAsOf}  checked against public sources ${t.withCheckedSources}  ` +
            `French name ${t.withFrench}  Spanish name ${t.withSpanish}`,
          `reviewed first excerpts ${terms.reviewedExcerpts} (still first and substantive: ${terms.reviewedExcerptsHolding})`,
          table('per document', s.perDocument),
          table('per section kind', s.perSection),
          table('per agency (002)', s.perAgency),
        ].join('\n\n'),
      );
      return 0;
    },
  },
  search: {
    usage: 'search "<query>"',
    summary: 'top 10 hits with citations',
    run(args, { root, out }) {
      const q = args.join(' ').trim();
      if (!q) {
        out('usage: kb search "<query>"');
        return 2;
      }
      const { records, documents } = parseAll(root);
      const docs = new Map(documents.map((d) => [d.key, d]));
      const byId = new Map(records.map((r) => [r.id, r]));
      const hits = createIndex(records).search(q).slice(0, 10);
      if (!hits.length) out(`no hits for "${q}"`);
      hits.forEach((h, i) => {
        const r = byId.get(String(h.id));
        if (!r) return;
        const snippet = r.text.length > 160 ? `${r.text.slice(0, 157)}…` : r.text;
        out(
          `${String(i + 1).padStart(2)}. [${h.score.toFixed(2)}] ${r.id} (${r.kind})\n    ${formatCitation(r.citation, docs, { lines: true })}\n    ${snippet}`,
        );
      });
      return 0;
    },
  },
  show: {
    usage: 'show [--verbose] <TERM>',
    summary: 'print a glossary entry exactly as the card shows it (--verbose: plus record ids and source lines)',
    run(args, { root, out }) {
      const verbose = args.includes('--verbose');
      const q = args
        .filter((a) => a !== '--verbose')
        .join(' ')
        .trim();
      if (!q) {
        out('usage: kb show <TERM>   (id, label or alias, e.g. GFMD, c189, "ICAO PKD")');
        return 2;
      }
      try {
        show(q, { rootDir: root, write: out, verbose });
        return 0;
      } catch (e) {
        out(e instanceof Error ? e.message : String(e));
        return 1;
      }
    },
  },
  audit: {
    usage: 'audit [--kind K] [--counts] [--all]',
    summary: 'list unexplained suspicious joins, footnotes in body text, short line ranges, markup, digit markers',
    run(args, { root, out }) {
      const { records } = parseAll(root);
      const linesByDoc: Partial<Record<DocKey, string[]>> = {};
      for (const m of readSources(root)) linesByDoc[m.key] = readLines(join(root, 'data/sources', m.file));
      const k = args.indexOf('--kind');
      const kind = k >= 0 ? args[k + 1] : undefined;
      const issues = explainIssues(auditRecords(records, linesByDoc)).filter((i) => !kind || i.kind === kind);
      const unexplained = issues.filter((i) => i.known === undefined);
      const shown = args.includes('--all') ? issues : unexplained;
      if (!args.includes('--counts'))
        for (const i of shown)
          out(`${i.kind.padEnd(20)} ${i.id}${i.known ? `  [known: ${i.known}]` : ''}\n    ${i.excerpt}`);
      out(JSON.stringify(countByKind(issues)));
      out(`${unexplained.length} unexplained, ${issues.length - unexplained.length} known false positives`);
      return unexplained.length ? 1 : 0;
    },
  },
};

export async function main(argv: string[], root = process.cwd()): Promise<number> {
  const [cmd, ...rest] = argv;
  const command = cmd ? COMMANDS[cmd] : undefined;
  if (!command) {
    console.log(
      ['usage: kb <command>', ...Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(24)} ${c.summary}`)].join('\n'),
    );
    return cmd ? 2 : 0;
  }
  return command.run(rest, { root, out: (s) => console.log(s) });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
