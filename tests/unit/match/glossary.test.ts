/**
 * The curated data/glossary/*.json: compiles, and the lookalike / positive cases hold with the curated
 * hints, not just with the test fixture's.
 */
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/match/compile';
import { loadMatcher } from '../../../lib/match/matcher';
import { MIGRATION_PAGE, realGlossary } from './helpers/fixture';

const g = realGlossary();

describe('data/glossary matcher', () => {
  const m = loadMatcher(compileMatcher(g));
  const ids = new Set(g.map((e) => e.id));
  const found = (text: string, page = false) =>
    m.find(text, page ? m.pageContext(MIGRATION_PAGE + text) : undefined).map((f) => f.id);

  it.each([
    ['iom', 'The IOM TT races on the Isle of Man draw crowds.'],
    ['pkd', 'Patients with polycystic kidney disease (PKD) may need dialysis.'],
    ['gcmacr', 'AES in Galois/Counter Mode (GCM) is an authenticated cipher.'],
    ['ip', 'Find your IP address in the router settings.'],
    ['us', 'Contact us or write to US support.'],
    ['it', 'Please contact an IT department for a new laptop.'],
    ['who', 'WHO WE ARE'],
    ['who', 'People who migrate.'],
    ['imo', 'imo this is the best pizza, IMO really'],
    ['sar', 'Visitors to the Hong Kong SAR need a visa.'],
  ])('lookalike for %s is not recognised: %s', (id, text) => {
    expect(found(text)).not.toContain(id);
  });

  it.each([
    ['iom', 'IOM helps migrants return home.'],
    ['pkd', 'States joining the ICAO PKD validate e-passports.'],
    ['who', 'WHO issued health guidance for migrants.'],
    ['imo', 'The IMO adopted rules for ships and seafarers.'],
    ['c189', 'ILO Convention No. 189 protects domestic workers.'],
    ['c189', 'Domestic Workers Convention, 2011 (No. 189)'],
    ['cedawgr26', 'CEDAW General Recommendation No. 26 on women migrant workers'],
    ['sdg107', 'SDG target 10.7 on migration'],
    ['doc9303', 'ICAO Doc 9303'],
    ['eightpoint', 'the report A/68/190'],
  ])('positive %s on a migration page: %s', (id, text) => {
    expect(ids).toContain(id);
    expect(found(text, true)).toContain(id);
  });

  it('coordinated ILO numbers each resolve', () => {
    const got = found('ILO Conventions Nos. 97 and 143');
    for (const id of ['c97', 'c143']) {
      expect(ids).toContain(id);
      expect(got).toContain(id);
    }
  });
});
