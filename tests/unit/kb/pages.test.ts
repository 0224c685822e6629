import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLines, readSources } from '../../../lib/pipeline/kb/build';
import { parseContents } from '../../../lib/pipeline/kb/pages';
import { kb, rec, ROOT } from './fixture';

const lines = (key: string) => {
  const m = readSources(ROOT).find((d) => d.key === key)!;
  return readLines(join(ROOT, 'data/sources', m.file));
};

describe('start pages from the documents’ own contents pages', () => {
  it('read every page number from a contents line that prints it', () => {
    for (const key of ['001', '002', '004']) {
      const src = lines(key);
      const entries = parseContents(key, src);
      expect(entries.length, key).toBeGreaterThan(5);
      for (const e of entries) expect(src[e.line - 1]!.split('\t').pop()!.trim(), `${key} ${e.key}`).toBe(e.page);
    }
  });

  it('give every chapter of the 2013 compilation its start page, also for a title wrapped onto two lines', () => {
    const pages = new Map(parseContents('002', lines('002')).map((e) => [e.key, e.page]));
    expect(pages.size).toBe(29);
    expect(pages.get('1')).toBe('17');
    expect(pages.get('7')).toBe('101');
    expect(pages.get('16')).toBe('227');
    expect(pages.get('29')).toBe('397');
    expect(
      kb()
        .records.filter((r) => r.citation.doc === '002')
        .every((r) => r.citation.page),
    ).toBe(true);
  });

  it('match the 2017 sections by title, whatever numeral the body prints', () => {
    expect(rec('001:VIII:p1').citation.page).toBe('14');
    const closing = kb().records.find((r) => r.citation.doc === '001' && /CLOSING/.test(r.citation.sectionTitle ?? ''));
    expect(closing?.citation.sectionTitle).toMatch(/^XI\./);
    expect(closing?.citation.page).toBe('18');
    const preface = kb().records.find((r) => r.citation.doc === '001' && r.citation.sectionTitle === 'Preface');
    expect(preface?.citation.page).toBe('iii');
  });

  it('give a 2006 paragraph the page of the innermost contents entry whose paragraph range holds it', () => {
    expect(rec('004:para8').citation.page).toBe('3');
    expect(rec('004:para26').citation.page).toBe('8');
    expect(rec('004:para45').citation.page).toBe('12');
    expect(rec('004:para76').citation.page).toBe('17');
  });

  it('leave documents without a contents page, and text before the contents entries, without a page', () => {
    expect(parseContents('000', lines('000'))).toEqual([]);
    expect(
      kb()
        .records.filter((r) => r.citation.doc === '000')
        .some((r) => r.citation.page),
    ).toBe(false);
    expect(rec('004:note').citation.page).toBeUndefined();
  });
});
