/**
 * Recognition of the gated entries of data/glossary/climate-data-labour.json on the real glossary:
 * each ambiguous short form is found in a migration sentence and left alone in a lookalike one.
 */
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/match/compile';
import { loadMatcher } from '../../../lib/match/matcher';
import { MIGRATION_PAGE, hits, idsOf, realGlossary } from './helpers/fixture';

const glossary = realGlossary();
const m = glossary ? loadMatcher(JSON.parse(JSON.stringify(compileMatcher(glossary)))) : null;
const ids = (text: string): string[] => idsOf(text, undefined, m!);
const onMigrationPage = (text: string): string[] => idsOf(text, m!.pageContext(MIGRATION_PAGE + text), m!);

describe.skipIf(!m)('climate, displacement-data and labour entries', () => {
  describe('the two IRIS entries', () => {
    it('IRIS near recruitment words is IOM’s ethical recruitment scheme', () => {
      const text = 'Labour recruiters in Nepal can now apply for IRIS certification to show ethical recruitment.';
      expect(ids(text)).toContain('irisrecruit');
      expect(ids(text)).not.toContain('iris-idp');
    });

    it('IRIS near IDP statistics words is the statistical recommendation', () => {
      const text = 'The national statistics office used IRIS to count internally displaced persons after the floods.';
      expect(ids(text)).toContain('iris-idp');
      expect(ids(text)).not.toContain('irisrecruit');
    });

    it('the full names pick their own entry', () => {
      expect(ids('The International Recruitment Integrity System sets a standard.')).toEqual(['irisrecruit']);
      expect(ids('The International Recommendations on IDP Statistics were endorsed.')).toEqual(['iris-idp']);
    });

    it('iris biometrics at the border is neither', () => {
      const text =
        'Travellers enrolled in IRIS, the iris recognition immigration gates, skipped the queue with a biometric scan.';
      expect(onMigrationPage(text).filter((id) => id.startsWith('iris'))).toEqual([]);
    });
  });

  it.each([
    ['DTM', 'IOM teams used the DTM to count displaced families in the camps.', 'dtm'],
    ['MMC', 'The MMC interviewed refugees and migrants on the route to Libya.', 'mmc'],
    ['PDD', 'The PDD works with States on disaster displacement across borders.', 'pdd'],
    ['WIM', 'Under the WIM, the Executive Committee discussed loss and damage from climate change.', 'wim'],
    ['IDMC', 'According to IDMC, floods caused most new internal displacement last year.', 'idmc'],
    ['GRID', 'The latest GRID from IDMC counts people living in internal displacement.', 'grid'],
    ['IRRS', 'Statistical offices apply the IRRS when counting refugees in censuses.', 'irrs'],
    ['MMP', 'The MMP recorded more migrant deaths in the central Mediterranean.', 'missingmigrants'],
    ['CREST', 'Through CREST, IOM trains suppliers to spot trafficking in their supply chain.', 'crest'],
    ['4Mi', '4Mi monitors interviewed migrants about smuggling fees.', 'fourmi'],
  ])('%s is found in a migration sentence', (_name, text, id) => {
    expect(ids(text)).toContain(id);
  });

  it.each([
    ['DTM terrain model', 'The surveyors built a DTM, a digital terrain model of the valley.', 'dtm'],
    ['MMC memory card', 'Insert the MMC memory card before switching the camera on.', 'mmc'],
    ['PDD disorder', 'Children diagnosed with PDD, a pervasive developmental disorder, need support.', 'pdd'],
    ['WIM image', 'Mount the WIM image file with the Windows imaging tools.', 'wim'],
    ['IDMC trial committee', 'The IDMC, an independent data monitoring committee, paused the clinical trial.', 'idmc'],
    ['GRID power', 'The national GRID operator reported a blackout after the storm.', 'grid'],
    ['IRRS nuclear', 'An IAEA IRRS mission reviewed the nuclear regulator.', 'irrs'],
    ['CREST toothpaste', 'She bought CREST toothpaste at the pharmacy.', 'crest'],
    ['4mi distance', 'We ran an easy 4mi loop around the lake.', 'fourmi'],
    ['loss and damage to cargo', 'The carrier is liable for loss and damage to cargo in transit.', 'lossdamage'],
    ['office relocation', 'The company announced the planned relocation of its head office to Leeds.', 'plannedreloc'],
  ])('lookalike: %s', (_name, text, id) => {
    expect(ids(text)).not.toContain(id);
  });

  describe('ILO instruments', () => {
    it('the 2014 Protocol is one span, not the 1930 Convention', () => {
      const text = 'Niger ratified the Protocol of 2014 to the Forced Labour Convention, 1930 last year.';
      expect(hits(text, undefined, m!)).toEqual(['Protocol of 2014 to the Forced Labour Convention, 1930[p029]']);
    });

    it('ILO P029 and the Forced Labour Protocol', () => {
      expect(ids('Unions urged ratification of ILO P029.')).toEqual(['p029']);
      expect(ids('The Forced Labour Protocol protects migrant workers.')).toContain('p029');
    });

    it('Convention No. 190 and C190 near ILO words', () => {
      expect(ids('The ILO Convention No. 190 covers harassment at work.')).toContain('c190');
      expect(ids('Workers’ unions campaign for C190 ratification.')).toContain('c190');
      expect(ids('ILO Recommendation No. 206 gives guidance on harassment.')).toContain('r206');
    });

    it('the fair recruitment principles are their own entry', () => {
      const text = 'The General principles and operational guidelines for fair recruitment ban fees.';
      expect(ids(text)).toEqual(['fairrecguide']);
    });
  });

  it('SDG indicators 10.7.2 to 10.7.4', () => {
    expect(ids('Data for SDG indicator 10.7.3 come from IOM.')).toContain('sdg1073');
    expect(ids('Indicator 10.7.4 measures refugees by origin.')).toContain('sdg1074');
    expect(ids('Progress on SDG 10.7.2 was reviewed for migration policies.')).toContain('sdg1072');
  });
});
