import { describe, it, expect } from 'vitest';
import { parseRequest } from '@/lib/messaging/protocol';

describe('parseRequest', () => {
  it('accepts a lookup and a search with filters', () => {
    expect(parseRequest({ type: 'lookup', termId: 'gfmd' })).toEqual({ req: { type: 'lookup', termId: 'gfmd' } });
    const r = parseRequest({ type: 'search', query: 'remittance', filters: { agency: 'IOM', doc: '' } });
    expect(r).toEqual({ req: { type: 'search', query: 'remittance', filters: { agency: 'IOM' }, limit: undefined } });
  });

  it.each([
    [null, /object/],
    ['lookup', /object/],
    [{}, /unknown message type/],
    [{ type: 'explode' }, /unknown message type: "explode"/],
    [{ type: 'lookup' }, /termId/],
    [{ type: 'lookup', termId: 42 }, /termId/],
    [{ type: 'lookup', termId: 'x'.repeat(201) }, /termId/],
    [{ type: 'search', query: 7 }, /query/],
    [{ type: 'search', query: 'a', filters: 'IOM' }, /filters/],
    [{ type: 'search', query: 'a', filters: { agency: 3 } }, /filters.agency/],
    [{ type: 'search', query: 'a', limit: 0 }, /limit/],
  ])('rejects %j with a clear error', (msg, re) => {
    const r = parseRequest(msg);
    expect('error' in r && r.error).toMatch(re);
  });
});
