import { describe, expect, it } from 'vitest';
import { isKbRecord } from '../../../lib/background/validate';
import { formatCitation } from '../../../lib/kb/cite';
import { DOC_NAMES, DOCUMENTS, isDocKey } from '../../../lib/kb/documents';
import type { Citation } from '../../../lib/kb/types';
import { parseDocument } from '../../../lib/pipeline/kb/build';
import { kb } from './fixture';
import { nth } from '../helpers/nth';

describe('document table (data/sources/sources.json)', () => {
  it('is what the build puts in the bundle, in the same order', () => {
    const { key, title, short, year, symbol, citation, url } = nth(DOCUMENTS, 0);
    expect(kb().documents[0]).toEqual({ key, title, short, year, symbol, citation, url: url ?? null });
    expect(kb().documents.map((d) => d.key)).toEqual(DOCUMENTS.map((d) => d.key));
  });

  it('gives every record a known document, and nothing else is one', () => {
    expect(kb().records.every((r) => isDocKey(r.citation.doc))).toBe(true);
    expect(isDocKey('003')).toBe(false);
    expect(isDocKey(2)).toBe(false);
  });

  it('lets the background reject a stored record of a document it does not know', () => {
    const r = nth(kb().records, 0);
    expect(isKbRecord(r)).toBe(true);
    expect(isKbRecord({ ...r, citation: { ...r.citation, doc: '003' } })).toBe(false);
  });

  it('cites with the short name and, where the document prints one, its symbol', () => {
    const c: Citation = { doc: '001', section: 'body', label: 'p2', lines: [10, 12] };
    expect(formatCitation(c, DOC_NAMES)).toBe('Coordination Meeting 2017 (ESA/P/WP/249), Text, para. 2');
    // Source lines only for maintainers (kb show --verbose).
    expect(formatCitation(c, DOC_NAMES, { lines: true })).toBe(
      'Coordination Meeting 2017 (ESA/P/WP/249), Text, para. 2, lines 10–12',
    );
  });

  it('refuses to parse a document that has no parser', () => {
    expect(() => parseDocument('003', ['text'], 'data/sources/x.txt')).toThrow(/no parser for document "003"/);
  });
});
