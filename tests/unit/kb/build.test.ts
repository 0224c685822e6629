import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KB_VERSION, buildKnowledgeBase, serializeBundle } from '../../../lib/pipeline/kb/build';
import { KbParseError } from '../../../lib/pipeline/kb/errors';
import { createIndex, loadIndex } from '../../../lib/kb/search-options';
import type { KbBundle } from '../../../lib/kb/types';
import { ROOT } from './fixture';

const F002 = 'data/sources/2013-ceb-contributions-and-recommendations.txt';
const tmpDirs: string[] = [];
afterAll(() => tmpDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the sources with one line of 002 replaced. */
function mutatedRoot(line: number, replacement: string, ...more: [number, string][]): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-'));
  tmpDirs.push(dir);
  cpSync(join(ROOT, 'data/sources'), join(dir, 'data/sources'), { recursive: true });
  const lines = readFileSync(join(dir, F002), 'utf8').split('\n');
  for (const [n, text] of [[line, replacement] as [number, string], ...more]) lines[n - 1] = text;
  writeFileSync(join(dir, F002), lines.join('\n'));
  return dir;
}

describe('bundle build', () => {
  const first = buildKnowledgeBase(ROOT);
  const s1 = serializeBundle(first);

  it('is deterministic: two builds serialise byte-identically', () => {
    expect(serializeBundle(buildKnowledgeBase(ROOT))).toBe(s1);
  });

  it('has a sha256 hash over the content and the version constant', () => {
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.version).toBe(KB_VERSION);
    expect(first.documents.map((d) => d.key).sort()).toEqual(['000', '001', '002', '004']);
    const changed = buildKnowledgeBase(mutatedRoot(893, '- (b) States issuing e-passports should join the PKD.'));
    expect(changed.hash).not.toBe(first.hash);
  });

  it('round-trips the index: serialise → load with shared options → same results', () => {
    const parsed = JSON.parse(s1) as KbBundle;
    const loaded = loadIndex(parsed.index);
    const fresh = createIndex(first.records);
    for (const q of [
      'remittance costs',
      'ICAO Public Key Directory',
      'Crépeau',
      'UN-Habitat',
      'domestic workers convention',
    ]) {
      const a = loaded.search(q).map((h) => [h.id, h.score.toFixed(6)]);
      const b = fresh.search(q).map((h) => [h.id, h.score.toFixed(6)]);
      expect(a.length, q).toBeGreaterThan(0);
      expect(a, q).toEqual(b);
    }
    expect(loadIndex(JSON.stringify(parsed.index)).search('remittance costs')[0]?.id).toBe(
      fresh.search('remittance costs')[0]?.id,
    );
  });

  it('finds records by agency, document and section kind', () => {
    const idx = loadIndex(first.index);
    // No stored fields in the index: hits are resolved through the records, as the background does.
    const byId = new Map(first.records.map((r) => [r.id, r]));
    const cite = (id: unknown) => byId.get(String(id))!.citation;
    const hits = idx.search('ICAO', { fields: ['agency'] });
    expect(hits.length).toBeGreaterThan(5);
    expect(hits.every((h) => cite(h.id).agency === 'ICAO')).toBe(true);
    const recs = idx.search('recommendations', { fields: ['section'], filter: (h) => cite(h.id).agency === 'UPU' });
    expect(recs.map((h) => cite(h.id).label).sort()).toEqual(['(a)', '(b)', 'p1']);
    expect(idx.search('004', { fields: ['doc'] }).length).toBe(
      first.records.filter((r) => r.citation.doc === '004').length,
    );
  });
});

describe('parse errors name file and line', () => {
  it('rejects a chapter whose recommendations heading disappeared', () => {
    const root = mutatedRoot(888, 'Some other heading');
    let err: unknown;
    try {
      buildKnowledgeBase(root);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(KbParseError);
    const e = err as KbParseError;
    expect(e.file).toBe(F002);
    expect(e.line).toBeGreaterThan(803);
    expect(e.line).toBeLessThan(899); // ICAO chapter: l.803–898
    expect(e.message).toContain('ICAO');
    expect(e.message).toMatch(/2013-ceb-contributions-and-recommendations\.txt:\d+:/);
  });

  it('rejects a missing chapter title', () => {
    const root = mutatedRoot(2781, 'Something else', [2785, 'Something else']);
    expect(() => buildKnowledgeBase(root)).toThrow(
      /2013-ceb-contributions-and-recommendations\.txt:\d+: chapter 15 \(UNCTAD\)/,
    );
  });
});
