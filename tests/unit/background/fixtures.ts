/** Small, hand-made knowledge-base package for background tests (not the real build output). */
import type { GlossaryEntry } from '@/lib/glossary/types';
import type { KbBundle, KbRecord } from '@/lib/kb/types';
import type { Logger } from '@/lib/background/db';
import type { PackageData } from '@/lib/background/state';
import { MATCHER_FORMAT, type CompiledMatcher } from '@/lib/match/types';
import { normaliseSettings, type Settings } from '@/lib/settings/schema';
import { serializeIndex } from '@/lib/kb/search-options';
import { nth } from '@/tests/unit/helpers/nth';

export const RECORDS: KbRecord[] = [
  {
    id: '002:ch3:mandate',
    kind: 'mandate',
    text: 'ICAO develops standards for machine readable travel documents and runs the Public Key Directory for ePassports.',
    citation: {
      doc: '002',
      chapter: 3,
      agency: 'ICAO',
      section: 'mandate',
      sectionTitle: 'Mandate',
      lines: [1200, 1204],
    },
  },
  {
    id: '002:ch3:recommendations:(a)',
    kind: 'recommendation',
    text: 'Strengthen border security through interoperable travel documents and identity management.',
    citation: { doc: '002', chapter: 3, agency: 'ICAO', section: 'recommendations', label: '(a)', lines: [1250, 1252] },
  },
  {
    id: '002:ch5:recommendations:(b)',
    kind: 'recommendation',
    text: 'Ratify the Domestic Workers Convention, 2011 (No. 189) and protect migrant domestic workers from abuse.',
    citation: { doc: '002', chapter: 5, agency: 'ILO', section: 'recommendations', label: '(b)', lines: [1800, 1803] },
  },
  {
    id: '004:para12',
    kind: 'passage',
    text: 'Remittance costs remain high in many corridors; reducing the transaction costs of remittances benefits migrants and their families.',
    citation: { doc: '004', section: 'body', label: 'para 12', lines: [300, 303] },
  },
  {
    id: '000:p3',
    kind: 'passage',
    text: 'The Global Forum on Migration and Development held its summit meeting in Stockholm with many governments.',
    citation: { doc: '000', section: 'body', label: 'p3', lines: [88, 90] },
  },
];

export function glossary(tag = 'v1'): GlossaryEntry[] {
  return [
    {
      id: 'iom',
      label: 'IOM',
      expansion: 'International Organization for Migration',
      category: 'agency',
      summary: `Intergovernmental migration organization (${tag}).`,
      related: ['gfmd'],
      excerpts: [],
    },
    {
      id: 'gfmd',
      label: 'GFMD',
      expansion: 'Global Forum on Migration and Development',
      category: 'process-forum',
      summary: `State-led forum on migration and development (${tag}).`,
      related: ['iom', 'missing-id'],
      excerpts: [
        {
          recordId: '000:p3',
          text: 'The Global Forum on Migration and Development held its summit meeting in Stockholm.',
          citation: nth(RECORDS, 4).citation,
        },
      ],
    },
    {
      id: 'icao',
      label: 'ICAO',
      expansion: 'International Civil Aviation Organization',
      category: 'agency',
      summary: `UN agency for civil aviation standards (${tag}).`,
      related: [],
      chapterAgency: 'ICAO',
      mandateId: '002:ch3:mandate',
      excerpts: [
        {
          recordId: '002:ch3:mandate',
          text: 'ICAO develops standards for machine readable travel documents.',
          citation: nth(RECORDS, 0).citation,
        },
        {
          recordId: '002:ch3:recommendations:(a)',
          text: 'Strengthen border security.',
          citation: nth(RECORDS, 1).citation,
        },
      ],
    },
  ];
}

export function makePackage(tag = 'v1'): PackageData {
  const bundle: KbBundle = {
    version: 1,
    hash: `hash-${tag}`,
    documents: [
      {
        key: '000',
        title: 'Thirteenth Coordination Meeting',
        short: 'Coordination Meeting 2015',
        year: 2015,
        symbol: null,
        citation: 'UN DESA 2015',
      },
      {
        key: '002',
        title: 'Contributions and Recommendations',
        short: 'CEB 2013',
        year: 2013,
        symbol: null,
        citation: 'CEB 2013',
      },
      {
        key: '004',
        title: 'GA hearings',
        short: 'GA hearings 2006',
        year: 2006,
        symbol: 'A/61/187',
        citation: 'UN 2006',
      },
    ],
    records: RECORDS,
    acronyms: [{ acronym: 'ICAO', expansion: 'International Civil Aviation Organization', line: 40 }],
    index: serializeIndex(RECORDS),
  };
  // A tagged stand-in: the background passes the matcher through, looking only at its format number.
  const matcher = { v: MATCHER_FORMAT, kind: 'fixture-matcher', tag } as unknown as CompiledMatcher;
  return { bundle, glossary: glossary(tag), matcher };
}

export interface LogLine {
  level: string;
  event: string;
  detail?: unknown;
}
export function memLog(): { log: Logger; lines: LogLine[]; has: (event: string) => boolean } {
  const lines: LogLine[] = [];
  return {
    lines,
    log: (level, event, detail) => {
      lines.push({ level, event, detail });
    },
    has: (e) => lines.some((l) => l.event === e),
  };
}

/** Loader that counts calls; `pkg` may be swapped between calls. */
export function loader(pkg: PackageData | (() => PackageData)) {
  const l = {
    calls: 0,
    load: async () => {
      l.calls++;
      return typeof pkg === 'function' ? pkg() : pkg;
    },
  };
  return l;
}

export const memorySettings = () => {
  let v: unknown = {};
  return {
    get: async () => normaliseSettings(v),
    put: async (next: Settings) => {
      v = next;
    },
  };
};
