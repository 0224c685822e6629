import { describe, expect, it } from 'vitest';
import {
  citationTitle,
  formatCitation,
  formatLabel,
  fullReference,
  normaliseHeading,
  recordTitle,
  shortSection,
} from '../../../lib/kb/cite';
import { DOC_NAMES } from '../../../lib/kb/documents';
import type { Citation } from '../../../lib/kb/types';
import { kb, rec } from './fixture';

const docs = new Map(kb().documents.map((d) => [d.key, d]));

describe('reader-facing citations (lib/kb/cite.ts)', () => {
  it('never show source line numbers, for any record of the knowledge base', () => {
    for (const r of kb().records) {
      const c = r.citation;
      for (const s of [formatCitation(c, docs), citationTitle(c, docs), fullReference(c, docs), recordTitle(c, docs)])
        expect(s, r.id).not.toMatch(/\blines?\b/);
    }
  });

  it('read paragraph labels as paragraphs; document 004 keeps its printed numbers, list items their letters', () => {
    expect(formatLabel('p18')).toBe('para. 18');
    expect(formatLabel('para 45')).toBe('para. 45');
    expect(formatLabel('(e)')).toBe('(e)');
    expect(formatLabel('(a)(iii)')).toBe('(a)(iii)');
    expect(formatCitation(rec('004:para45').citation, docs)).toBe(
      'GA Hearings 2006, Female migrants, para. 45, p. 12 ff.',
    );
  });

  it('give the chapter start page from the contents page as "p. N ff."', () => {
    expect(formatCitation(rec('002:ch7:mandate').citation, docs)).toBe('CEB 2013, ch. 7 IOM, Mandate, p. 101 ff.');
    const item = kb().records.find((r) => r.id.startsWith('002:ch7:recommendations:('))!;
    expect(formatCitation(item.citation, docs)).toMatch(
      /^CEB 2013, ch\. 7 IOM, Recommendations, \([a-z]\), p\. 101 ff\.$/,
    );
  });

  it('print no page where the document has no contents page (the 2015 meeting report)', () => {
    const c = rec('000:VII:p1').citation;
    expect(c.page).toBeUndefined();
    expect(formatCitation(c, docs)).toBe('Coordination Meeting 2015, Tour de table, para. 1');
  });

  it('show short section names and the full, normalised section path on hover', () => {
    const c: Citation = {
      doc: '002',
      chapter: 7,
      agency: 'IOM',
      section: 'activities',
      sectionTitle: 'Migration and development activities since the 2006 Highlevel Dialogue',
      label: 'p18',
      page: '101',
      lines: [464, 464],
    };
    expect(formatCitation(c, DOC_NAMES)).toBe('CEB 2013, ch. 7 IOM, Activities, para. 18, p. 101 ff.');
    expect(citationTitle(c, DOC_NAMES)).toBe(
      'CEB 2013, ch. 7 IOM: Migration and development activities since the 2006 High-level Dialogue',
    );
    const deep = rec('004:para45').citation;
    expect(shortSection(deep)).toBe('Female migrants');
    expect(citationTitle(deep, docs)).toMatch(
      /^GA Hearings 2006: IV\. Interactive segment .* › C\. The importance .* › Female migrants$/,
    );
  });

  it('normalise headings shown to readers, never the excerpts', () => {
    expect(normaliseHeading('Migration and development activities since the 2006 Highlevel Dialogue')).toBe(
      'Migration and development activities since the 2006 High-level Dialogue',
    );
    expect(normaliseHeading('VII. TOUR-DE -TABLE')).toBe('VII. Tour de table');
    expect(normaliseHeading('VIII. TOUR-DE-TABLE')).toBe('VIII. Tour de table');
    expect(normaliseHeading('II. IMPLEMENTING THE NEW YORK DECLARATION FOR REFUGEES AND MIGRANTS')).toBe(
      'II. Implementing the New York Declaration for Refugees and Migrants',
    );
    expect(normaliseHeading('Identified good practices')).toBe('Identified good practices');
    // The record text itself still says what the source says.
    const tour = kb().records.find((r) => r.citation.sectionTitle === 'VII. TOUR-DE -TABLE');
    expect(tour).toBeDefined();
  });

  it('cut long innermost headings at a word, with an ellipsis', () => {
    const s = shortSection(rec('001:II:p1').citation);
    expect(s).toBe('Implementing the New York Declaration for…');
    expect(s.length).toBeLessThanOrEqual(49);
  });

  it('build the full reference: body, year, title, symbol, chapter, section, item, page, URL', () => {
    const c = rec('002:ch7:mandate').citation;
    expect(fullReference(c, docs)).toBe(
      'United Nations System Chief Executives Board for Coordination (2013). International Migration and Development: ' +
        'Contributions and Recommendations of the International System. I. Omelaniuk (ed.), coordinated by UNFPA and IOM. ' +
        'Chapter 7 (IOM), “Mandate”, p. 101 ff. http://www.unsceb.org/content/migration-1',
    );
    // A symbol the bibliographic citation already names is not repeated; one it lacks is added.
    const wp = fullReference(rec('001:VIII:p1').citation, docs);
    expect(wp.match(/ESA\/P\/WP\/249/g)).toHaveLength(1);
    expect(wp).toMatch(/“VIII\. Tour de table”, para\. 1, p\. 14 ff\.$/);
    const names = new Map([['x', { short: 'Doc', symbol: 'A/1/2', citation: 'Body (2000). Title' }]]);
    expect(fullReference({ doc: 'x', section: 'body', label: 'p2', lines: [1, 1] }, names)).toBe(
      'Body (2000). Title. A/1/2. “Text”, para. 2.',
    );
  });
});
