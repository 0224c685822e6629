import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { KbBundle, KbRecord } from '@/lib/kb/types';
import { readSourcesText } from '@/lib/pipeline/glossary/index';
import { loadGlossarySources, type GlossaryFile } from '@/lib/pipeline/glossary/load';

export const FIXTURES = resolve(__dirname, '../../fixtures/glossary');
export const FIXTURE_ROOT = join(FIXTURES, 'root');
export const REPO_ROOT = resolve(__dirname, '../../..');

export const fixtureSources = () => readSourcesText(FIXTURE_ROOT);

export function loadBad(kind: string): GlossaryFile[] {
  return loadGlossarySources(join(FIXTURES, 'bad', kind));
}

export function fixtureRecords(): KbRecord[] {
  return JSON.parse(readFileSync(join(FIXTURES, 'records.json'), 'utf8')) as KbRecord[];
}

export function fixtureBundle(records: KbRecord[] = fixtureRecords()): KbBundle {
  // The glossary build never reads the index.
  return {
    version: 1,
    hash: 'fixture',
    documents: [],
    records,
    acronyms: [],
    index: null as unknown as KbBundle['index'],
  };
}
