import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { isTrustedSender, parseRequest, request } from '@/lib/messaging/protocol';
import { createBackground } from '@/lib/background/handler';
import type { SearchHit, TermCard } from '@/lib/messaging/protocol';
import { loader, makePackage, memorySettings } from './fixtures';
import { nth } from '@/tests/unit/helpers/nth';

const mk = () =>
  createBackground({ idb: new IDBFactory(), loadPackage: loader(makePackage()).load, storage: memorySettings() });

describe('protocol validation', () => {
  it.each([
    [null, /message must be an object/],
    ['lookup', /message must be an object/],
    [[1], /message must be an object/],
    [{}, /unknown message type: "undefined"/],
    [{ type: 'explode' }, /unknown message type: "explode"/],
    [{ type: 'lookup' }, /termId must be a non-empty string/],
    [{ type: 'lookup', termId: '' }, /termId must be a non-empty string/],
    [{ type: 'lookup', termId: 'x'.repeat(201) }, /termId must be a non-empty string/],
    [{ type: 'lookup', termId: 'iom', extra: 1 }, /unexpected field "extra"/],
    [{ type: 'search', query: 5 }, /query must be a string/],
    [{ type: 'search', query: 'x', filters: [] }, /filters must be an object/],
    [{ type: 'search', query: 'x', filters: { colour: 'red' } }, /unknown filter "colour"/],
    [{ type: 'search', query: 'x', filters: { agency: 3 } }, /filters.agency must be a string/],
    [{ type: 'search', query: 'x', limit: 0 }, /limit must be an integer between 1 and 100/],
    [{ type: 'search', query: 'x', limit: '5' }, /limit must be an integer/],
    [{ type: 'suggest' }, /suggest: query must be a string/],
    [{ type: 'terms', please: true }, /unexpected field "please"/],
    [{ type: 'settings' }, /op must be "get" or one of patch, knowTerm/],
    [{ type: 'settings', op: 'set', patch: {} }, /op must be "get" or one of/],
    [{ type: 'settings', op: 'patch', patch: { hoverDelayMs: 'slow' } }, /hoverDelayMs must be a number/],
    [{ type: 'settings', op: 'patch', patch: { bogus: 1 } }, /unknown field "bogus"/],
    [{ type: 'settings', op: 'patch', patch: { knownTerms: [] } }, /"knownTerms" changes one item at a time/],
    [{ type: 'settings', op: 'patch', patch: { disabledSites: ['a.org'] } }, /"disabledSites" changes one item/],
    [{ type: 'settings', op: 'patch', patch: {}, extra: 1 }, /unexpected field "extra"/],
    [{ type: 'settings', op: 'knowTerm', termId: 'Bad Id' }, /termId must be a glossary id/],
    [{ type: 'settings', op: 'knowTerm', termId: 'iom', at: -1 }, /at must be a whole number/],
    [{ type: 'settings', op: 'unknowTerm', termId: 'iom', at: 0 }, /unexpected field "at"/],
    [{ type: 'settings', op: 'setSite', host: 'not a host!', on: true }, /is not a hostname/],
    [{ type: 'settings', op: 'setSite', host: 'a.org', on: 'yes' }, /on must be true or false/],
    [{ type: 'settings', op: 'siteList', list: 'knownTerms', site: 'a.org', add: true }, /list must be one of/],
    [{ type: 'settings', op: 'siteList', list: 'allowedSites', site: 'a.org' }, /add must be true or false/],
    [{ type: 'customImport' }, /text must be the file content/],
    [{ type: 'customImport', text: '[]', format: 'xml' }, /format must be "json" or "csv"/],
    [{ type: 'customImport', text: '[]', mode: 'append' }, /mode must be "merge" or "replace"/],
    [{ type: 'customExport' }, /format must be "json" or "csv"/],
    [{ type: 'customDelete', ids: [] }, /ids must be a non-empty list/],
    [{ type: 'customDelete', ids: ['Bad Id'] }, /ids must be a non-empty list/],
  ])('%j → error reply', async (msg, re) => {
    const p = parseRequest(msg);
    expect('error' in p && p.error).toMatch(re);
    const r = await mk().handleMessage(msg);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(re);
  });

  it('accepts well-formed requests', () => {
    expect(parseRequest({ type: 'search', query: 'x', filters: { agency: 'ICAO', doc: '' }, limit: 5 })).toEqual({
      req: { type: 'search', query: 'x', filters: { agency: 'ICAO' }, limit: 5 },
    });
    expect(parseRequest({ type: 'customDelete', ids: ['a', 'a', 'b'] })).toEqual({
      req: { type: 'customDelete', ids: ['a', 'b'] },
    });
  });

  it('sender check: only our own runtime id', () => {
    expect(isTrustedSender({ id: 'me' }, 'me')).toBe(true);
    expect(isTrustedSender({ id: 'other-extension' }, 'me')).toBe(false);
    expect(isTrustedSender({}, 'me')).toBe(false);
    expect(isTrustedSender(undefined, 'me')).toBe(false);
    expect(isTrustedSender({ id: undefined }, undefined)).toBe(false);
  });

  it('typed client helper turns transport failures into Err', async () => {
    const b = mk();
    const ok = await request<'lookup'>((m) => b.handleMessage(m), { type: 'lookup', termId: 'iom' });
    expect(ok.ok && ok.data?.label).toBe('IOM');
    expect(await request<'terms'>(async () => undefined, { type: 'terms' })).toEqual({
      ok: false,
      error: 'background did not answer',
    });
    const down = await request<'terms'>(
      async () => {
        throw new Error('Receiving end does not exist');
      },
      { type: 'terms' },
    );
    expect(!down.ok && down.error).toMatch(/unreachable: Receiving end/);
  });
});

describe('lookup, search and suggest', () => {
  it('lookup returns the card with cited excerpts and resolvable related entries only', async () => {
    const r = await mk().handleMessage({ type: 'lookup', termId: 'icao' });
    const card = (r.ok && r.data) as TermCard;
    expect(card.excerpts[0]).toEqual({
      text: 'ICAO develops standards for machine readable travel documents.',
      recordId: '002:ch3:mandate',
      // No source line numbers for readers; the hover path and the full reference come along.
      cite: 'CEB 2013, ch. 3 ICAO, Mandate',
      citeTitle: 'CEB 2013, ch. 3 ICAO: Mandate',
      ref: 'CEB 2013. Chapter 3 (ICAO), “Mandate”.',
    });
    expect(card.mandateId).toBe('002:ch3:mandate');
    expect(card.custom).toBe(false);
    expect(await mk().handleMessage({ type: 'lookup', termId: 'unknown' })).toEqual({ ok: true, data: null });
  });

  it('prefix search, fuzzy only for long words, snippets and citations', async () => {
    const b = mk();
    const s = async (query: string, filters = {}) => {
      const r = await b.handleMessage({ type: 'search', query, filters });
      if (!r.ok) throw new Error(r.error);
      return r.data as SearchHit[];
    };
    const pre = await s('remitt');
    expect(pre[0]).toMatchObject({
      id: '004:para12',
      kind: 'passage',
      cite: 'GA hearings 2006 (A/61/187), Text, para. 12',
    });
    const top = nth(pre, 0);
    expect(top.snippet.slice(...nth(top.marks ?? [], 0)).toLowerCase()).toMatch(/^remitt/);
    expect((await s('remitances')).map((h) => h.id)).toContain('004:para12'); // typo, ≥ 5 chars → fuzzy
    expect(await s('ICAX')).toEqual([]); // short word: no fuzzy
    const rec = await s('travel documents', { kind: 'recommendation' });
    expect(rec.map((h) => h.id)).toEqual(['002:ch3:recommendations:(a)']);
    expect((await s('travel', { agency: 'icao', section: 'mandate' })).map((h) => h.id)).toEqual(['002:ch3:mandate']);
    expect((await s('migration', { doc: '000' })).map((h) => h.id)).toEqual(['000:p3']);
    const term = await s('GFMD');
    expect(term[0]).toMatchObject({ id: 'gfmd', kind: 'term' });
  });

  it('snippets are cut around the hit, not at the start of long texts', async () => {
    const { makeSnippet } = await import('@/lib/background/search');
    const text = 'alpha '.repeat(60) + 'needle in the middle ' + 'omega '.repeat(60);
    const { snippet, marks } = makeSnippet(text, ['needle'], 40);
    expect(snippet.startsWith('… ')).toBe(true);
    expect(snippet.endsWith(' …')).toBe(true);
    expect(snippet.slice(...nth(marks, 0))).toBe('needle');
    expect(snippet.length).toBeLessThan(110);
  });

  it('suggest requires every word (as you type) and limits results', async () => {
    const b = mk();
    const r = await b.handleMessage({ type: 'suggest', query: 'domestic work', limit: 3 });
    const hits = (r.ok && r.data) as SearchHit[];
    expect(hits.map((h) => h.id)).toEqual(['002:ch5:recommendations:(b)']);
    expect(nth(hits, 0).cite).toMatch(/ch\. 5 ILO/);
  });
});
