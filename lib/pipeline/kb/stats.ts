/** Counts over parsed records, shared by the CLI (`kb stats`) and tests. */
import type { AcronymPair, KbRecord } from '../../kb/types';

export interface KbStats {
  documents: number;
  records: number;
  passages: number;
  mandates: number;
  recommendations: number;
  /** Recommendation sub-items ((i), (ii)…). */
  subItems: number;
  acronyms: number;
  footnotes: number;
  perDocument: Record<string, number>;
  perAgency: Record<string, number>;
  perSection: Record<string, number>;
}

function bump(m: Record<string, number>, k: string): void {
  m[k] = (m[k] ?? 0) + 1;
}

/** Objects with sorted keys so `stats --json` output is stable. */
function sorted(m: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(m).sort(([a], [b]) => a.localeCompare(b)));
}

export function computeStats(records: readonly KbRecord[], acronyms: readonly AcronymPair[]): KbStats {
  const perDocument: Record<string, number> = {};
  const perAgency: Record<string, number> = {};
  const perSection: Record<string, number> = {};
  let passages = 0,
    mandates = 0,
    recommendations = 0,
    subItems = 0,
    footnotes = 0;
  for (const r of records) {
    bump(perDocument, r.citation.doc);
    if (r.citation.agency) bump(perAgency, r.citation.agency);
    bump(perSection, r.citation.section);
    if (r.kind === 'passage') passages++;
    else if (r.kind === 'mandate') mandates++;
    else recommendations++;
    subItems += r.subItems?.length ?? 0;
    footnotes += r.footnotes?.length ?? 0;
  }
  return {
    documents: Object.keys(perDocument).length,
    records: records.length,
    passages,
    mandates,
    recommendations,
    subItems,
    acronyms: acronyms.length,
    footnotes,
    perDocument: sorted(perDocument),
    perAgency: sorted(perAgency),
    perSection: sorted(perSection),
  };
}
