/**
 * Regional and EU entries (data/glossary/regional-and-eu.json): the gated short forms are found in a
 * migration sentence and left alone in lookalike sentences; the long names match on their own.
 */
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/match/compile';
import { loadMatcher } from '../../../lib/match/matcher';
import { MIGRATION_PAGE, realGlossary } from './helpers/fixture';

const g = realGlossary();

describe.skipIf(!g)('regional and EU glossary entries', () => {
  const m = loadMatcher(JSON.parse(JSON.stringify(compileMatcher(g ?? []))));
  const ids = new Set((g ?? []).map((e) => e.id));
  const found = (text: string, page = false) =>
    m.find(text, page ? m.pageContext(MIGRATION_PAGE + text) : undefined).map((f) => f.id);

  it.each([
    ['ees', 'From October 2025 the EES registers the fingerprints of non-EU travellers at Schengen borders.'],
    ['tpd', 'Ukrainian refugees were covered by the TPD, the EU temporary protection scheme.'],
    ['csm', 'At the CSM, South American governments discussed the rights of migrants with IOM.'],
    ['ceas', 'The CEAS sets common asylum standards across the European Union.'],
    ['ammr', 'Under the AMMR, the solidarity pool replaces the old Dublin logic for asylum seekers.'],
    ['gamm', 'The GAMM framed EU Mobility Partnerships on migration with neighbouring countries.'],
    ['greta', 'GRETA published its evaluation of how the country protects victims of trafficking.'],
    ['coe', 'The CoE adopted the anti-trafficking treaty in Strasbourg in 2005.'],
    ['midcom', 'Senior officials met in Lusaka for MIDCOM, the COMESA migration dialogue.'],
  ])('gated short form %s is found with migration context', (id, text) => {
    expect(ids.has(id)).toBe(true);
    expect(found(text)).toContain(id);
  });

  it.each([
    ['ees', 'The EES team at the ministry reviewed the European Employment Strategy targets.'],
    ['tpd', 'The TPD limits nicotine strength in tobacco products sold in shops.'],
    ['csm', 'Our CSM will walk you through onboarding; ask your customer success manager.'],
    ['greta', 'GRETA THUNBERG spoke at the climate march; Thunberg urged faster cuts.'],
    ['coe', 'The CoE for cloud computing, a centre of excellence, opened a new lab.'],
    ['ceas', 'CEAS results were announced today.'],
    ['gamm', 'The GAMM fit used a spline for the age effect.'],
  ])('lookalike for %s is not recognised: %s', (id, text) => {
    expect(found(text)).not.toContain(id);
  });

  it('lookalikes stay rejected on a migration page when notNear words are present', () => {
    expect(found('The TPD bans flavoured cigarettes and tobacco additives.', true)).not.toContain('tpd');
    expect(found('GRETA Thunberg addressed the crowd.', true)).not.toContain('greta');
  });

  it.each([
    ['kampala', 'Uganda ratified the Kampala Convention to protect internally displaced persons.'],
    ['oau1969', 'The 1969 OAU Refugee Convention broadened who counts as a refugee in Africa.'],
    ['cartagena', 'Mexico applies the Cartagena Declaration on Refugees in its asylum law.'],
    ['eupact', 'Member States must apply the Pact on Migration and Asylum from 2026.'],
    ['dublin3', 'Transfers under the Dublin III Regulation were suspended for that country.'],
    ['schengen', 'Checks were reintroduced at some internal borders of the Schengen area.'],
    ['aufmp', 'Few States have ratified the AU Free Movement Protocol so far.'],
    ['mercosurres', 'She moved to Buenos Aires under the MERCOSUR Residence Agreement.'],
  ])('long name %s matches without gating', (id, text) => {
    expect(found(text)).toContain(id);
  });

  it('does not read the Biosafety protocol as the refugee declaration', () => {
    expect(
      found('Parties to the Cartagena Protocol on Biosafety met; the Cartagena Declaration was cited.'),
    ).not.toContain('cartagena');
  });
});
