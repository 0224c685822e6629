import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createBackground } from '@/lib/background/handler';
import { parseRequest, type FacetsReply, type Ok, type RecordReply } from '@/lib/messaging/protocol';
import { serializeIndex } from '@/lib/kb/search-options';
import { loader, makePackage, memorySettings, RECORDS } from './fixtures';

// Plus a chapter-1 synthesis record: chapter 1 is the CEB's, not one of the agency chapters.
function pkg() {
  const p = makePackage();
  const synth = {
    id: '002:ch1:synthesis:p1',
    kind: 'passage' as const,
    text: 'Synthesis of the contributions.',
    citation: {
      doc: '002' as const,
      chapter: 1,
      agency: 'CEB',
      section: 'synthesis' as const,
      lines: [100, 101] as [number, number],
    },
  };
  p.bundle.records = [...p.bundle.records, synth];
  p.bundle.index = serializeIndex(p.bundle.records);
  return p;
}
const mk = () =>
  createBackground({ idb: new IDBFactory(), loadPackage: loader(pkg()).load, storage: memorySettings() });

describe('record message', () => {
  it('validates the id', () => {
    expect(parseRequest({ type: 'record' })).toEqual({ error: 'record: id must be a non-empty string' });
    expect(parseRequest({ type: 'record', id: '' })).toEqual({ error: 'record: id must be a non-empty string' });
    expect(parseRequest({ type: 'record', id: 'x', more: 1 })).toEqual({ error: 'record: unexpected field "more"' });
    expect(parseRequest({ type: 'record', id: '004:para12' })).toEqual({ req: { type: 'record', id: '004:para12' } });
  });

  it('returns the full record with a formatted citation and title', async () => {
    const bg = mk();
    const r = await bg.handleMessage({ type: 'record', id: '002:ch5:recommendations:(b)' });
    expect(r.ok).toBe(true);
    const data = (r as Ok<RecordReply>).data;
    expect(data.record).toEqual(RECORDS[2]);
    expect(data.cite).toBe('CEB 2013, ch. 5 ILO, Recommendations, (b)');
    expect(data.title).toBe('ILO · Recommendations (b)');
    expect(data.docTitle).toBe('Contributions and Recommendations');
    await bg.close();
  });

  it('answers null for an unknown record id (not an error)', async () => {
    const bg = mk();
    expect(await bg.handleMessage({ type: 'record', id: '999:nothing' })).toEqual({ ok: true, data: null });
    await bg.close();
  });
});

describe('facets message', () => {
  it('derives documents, chapter agencies (chapter order) and sections from the data', async () => {
    const bg = mk();
    const r = await bg.handleMessage({ type: 'facets' });
    expect(r.ok).toBe(true);
    const f = (r as Ok<FacetsReply>).data;
    expect(f.documents.map((d) => d.key)).toEqual(['000', '002', '004']);
    expect(f.documents[1]).toEqual({
      key: '002',
      short: 'CEB 2013',
      title: 'Contributions and Recommendations',
      year: 2013,
    });
    expect(f.agencies).toEqual(['ICAO', 'ILO']);
    expect(f.sections).toEqual([
      { kind: 'body', name: 'Text' },
      { kind: 'mandate', name: 'Mandate' },
      { kind: 'recommendations', name: 'Recommendations' },
      { kind: 'synthesis', name: 'Synthesis' },
    ]);
    expect(parseRequest({ type: 'facets', x: 1 })).toEqual({ error: 'facets: unexpected field "x"' });
    await bg.close();
  });
});
