/**
 * Entries of data/glossary/more-2026.json on the real glossary: the gated short forms (MRP, JRP, GAIN)
 * are found in a migration sentence and left alone in lookalike ones; the response-plan names pick their
 * own entry over the generic Refugee Response Plan entry; SDG target 8.7 and Alliance 8.7 stay apart.
 */
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/match/compile';
import { loadMatcher } from '../../../lib/match/matcher';
import { MIGRATION_PAGE, realGlossary } from './helpers/fixture';

const g = realGlossary();

describe.skipIf(!g)('more-2026 glossary entries', () => {
  const m = loadMatcher(JSON.parse(JSON.stringify(compileMatcher(g ?? []))));
  const ids = new Set((g ?? []).map((e) => e.id));
  const found = (text: string, page = false) =>
    m.find(text, page ? m.pageContext(MIGRATION_PAGE + text) : undefined).map((f) => f.id);

  it.each([
    ['mrphoa', 'Partners under the MRP assist Ethiopian migrants stranded in Yemen on the Eastern Route.'],
    ['rohingyajrp', 'The JRP seeks funds for Rohingya refugees in the camps of Cox’s Bazar.'],
    ['gain', 'GAIN brings academics together to support the Global Compact on Refugees.'],
    ['redss', 'ReDSS published a durable solutions analysis for displaced people in Somalia.'],
    ['mycp', 'The MYCP held its youth forum before the GFMD summit on migration.'],
    ['amif', 'Municipalities applied for AMIF money to run integration courses for refugees.'],
  ])('short form of %s is found in a migration sentence', (id, text) => {
    expect(ids.has(id)).toBe(true);
    expect(found(text)).toContain(id);
  });

  it.each([
    ['mrphoa', 'The MRP of this laptop is lower than the recommended retail price of last year.'],
    ['rohingyajrp', 'The JRP squad finished second in the regional football league.'],
    ['gain', 'GAIN works on food fortification to fight malnutrition with the Improved Nutrition alliance.'],
    ['gain', 'NO PAIN, NO GAIN: the gym opens at six.'],
  ])('lookalike of %s is not recognised', (id, text) => {
    expect(found(text)).not.toContain(id);
    expect(found(text, true)).not.toContain(id);
  });

  it.each([
    ['sudanrrp', 'UNHCR launched the Sudan Regional Refugee Response Plan for neighbouring countries.'],
    ['ukrainerrp', 'The Regional Refugee Response Plan for the Ukraine Situation covers Poland and Moldova.'],
    ['mrphoa', 'IOM coordinates the Regional Migrant Response Plan for the Horn of Africa and Yemen.'],
    ['rohingyajrp', 'Donors pledged to the Joint Response Plan for the Rohingya Humanitarian Crisis.'],
  ])('full name of %s picks its own entry, not the generic plan', (id, text) => {
    const got = found(text);
    expect(got).toContain(id);
    expect(got).not.toContain('refresponseplan');
  });

  it.each([
    ['igadfmp', 'Uganda signed the IGAD Protocol on Free Movement of Persons in Kampala.'],
    ['eaccmp', 'Work permits for Kenyans in Rwanda follow the EAC Common Market Protocol.'],
    ['sadcfmp', 'Few states ratified the SADC Protocol on the Facilitation of Movement of Persons.'],
    ['gfmdmayors', 'City leaders joined the GFMD through the Mayors Mechanism.'],
    ['marrakechmayors', 'Over a hundred cities have signed the Marrakech Mayors Declaration.'],
    ['localaction', 'Montreal submitted a pledge to the Call to Local Action for Migrants and Refugees.'],
    ['mayorsmc', 'The Mayors Migration Council gave a grant to Freetown for displaced residents.'],
    ['unhcrhandbook', 'Judges often cite the UNHCR Handbook when assessing refugee claims.'],
    ['unhcrgip', 'The Guidelines on International Protection address gender-related persecution.'],
    ['safemobility', 'Venezuelans in Colombia applied through the Safe Mobility Offices.'],
    ['alliance87', 'Alliance 8.7 pathfinder countries adopt plans against forced labour.'],
  ])('name of %s is found', (id, text) => {
    expect(found(text)).toContain(id);
  });

  it('SDG target 8.7 and Alliance 8.7 stay apart', () => {
    expect(found('Progress on SDG target 8.7 on forced labour and trafficking is slow.')).toContain('sdg87');
    expect(found('States reported on target 8.7 in their voluntary reviews.')).toContain('sdg87');
    const alliance = found('Alliance 8.7 met in Geneva.');
    expect(alliance).toContain('alliance87');
    expect(alliance).not.toContain('sdg87');
    expect(found('Version 8.7 of the software was released.')).not.toContain('sdg87');
  });
});
