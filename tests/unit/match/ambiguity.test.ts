import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/match/compile';
import { loadMatcher } from '../../../lib/match/matcher';
import type { GlossarySource } from '../../../lib/glossary/types';
import { MIGRATION_PAGE, idsOf, termsMatcher } from './helpers/fixture';

const m = termsMatcher();
/** Ids found in `text` when it sits on a migration-governance page. */
const onMigrationPage = (text: string) => idsOf(text, m.pageContext(MIGRATION_PAGE + text));

describe('lookalikes are not recognised', () => {
  it.each([
    ['Isle of Man IOM', 'The IOM TT races on the Isle of Man draw crowds every June.', 'iom'],
    ['polycystic kidney disease PKD', 'Patients with polycystic kidney disease (PKD) may need dialysis.', 'pkd'],
    ['Galois/Counter Mode GCM', 'AES in Galois/Counter Mode (GCM) is an authenticated cipher.', 'gcmacr'],
    ['IP address', 'Find your IP address in the router settings.', 'ip'],
    ['US the country', 'We moved to the US last year and love it.', 'us'],
    ['IT department', 'Please contact an IT department for a new laptop.', 'it'],
    ['WHO WE ARE heading', 'WHO WE ARE', 'who'],
    ['who lowercase', 'People who migrate and who return.', 'who'],
    ['imo chat slang', 'imo this is the best pizza, IMO really', 'imo'],
  ])('%s', (_name, text, id) => {
    expect(idsOf(text)).not.toContain(id);
  });

  it('stays rejected on a migration page when the page evidence does not fit the entry', () => {
    expect(onMigrationPage('AES in Galois/Counter Mode (GCM) is a cipher.')).not.toContain('gcmacr');
    expect(onMigrationPage('Find your IP address in the settings.')).not.toContain('ip');
    expect(onMigrationPage('WHO WE ARE')).not.toContain('who');
    expect(onMigrationPage('IMO the policy failed.')).not.toContain('imo');
    expect(onMigrationPage('They moved to the US in 2010.')).not.toContain('us');
    expect(onMigrationPage('Ask the IT department.')).not.toContain('it');
  });

  it('Hong Kong SAR is not the SAR Convention (entry with a bare SAR alias)', () => {
    const sar: GlossarySource = {
      id: 'sar',
      label: 'SAR Convention',
      aliases: ['SAR'],
      expansion: '',
      category: 'instrument',
      summary: '',
      hints: { neverAlone: true, context: ['maritime', 'rescue', 'SOLAS'], notNear: ['Hong Kong', 'Macao'] },
    };
    const s = loadMatcher(compileMatcher([sar]));
    expect(s.find('Visitors to the Hong Kong SAR need a visa; rescue services exist.')).toEqual([]);
    expect(s.find('States party to SOLAS and the SAR, 1979').map((f) => f.id)).toEqual(['sar']);
  });

  it.each([
    ['foo_IOM', 'foo_IOM migration'],
    ['IOM.js', 'load IOM.js for migration data'],
    ['URL', 'see https://x.org/IOM about migration'],
    ['e-mail', 'write to IOM@x.org about migration'],
    ['hashtag', 'tweet #IOM? on migration'],
    ['www URL', 'www.unhcr.org/UNHCR refugees'],
  ])('identifiers, URLs and e-mails are never terms: %s', (_name, text) => {
    expect(idsOf(text).filter((id) => id === 'iom' || id === 'unhcr')).toEqual([]);
  });
});

describe('positives still work on a migration page', () => {
  it.each([
    ['IOM with nearby context', 'IOM helps migrants return home.', 'iom'],
    ['PKD with ICAO context', 'States joining the ICAO PKD validate e-passports; the PKD is key.', 'pkd'],
    ['GCM with compact context', 'The GCM, the compact adopted in Marrakech, is non-binding.', 'gcmacr'],
    ['IP with WIPO context', 'WIPO protects IP and patents.', 'ip'],
    ['WHO with health context', 'WHO issued health guidance for migrants.', 'who'],
    ['IMO with maritime context', 'The IMO adopted rules for ships and seafarers.', 'imo'],
  ])('%s', (_name, text, id) => {
    expect(onMigrationPage(text)).toContain(id);
    expect(idsOf(text)).toContain(id);
  });

  it('IOM needs no local context on a migration page (page-level evidence)', () => {
    const text = 'The IOM office opened.';
    expect(idsOf(text)).toEqual([]);
    expect(onMigrationPage(text)).toEqual(['iom']);
  });

  it('a short form is accepted when the page names the same entry in full', () => {
    const page = 'The Global Compact for Migration was adopted.\n\nLater the GCM was reviewed.';
    expect(m.find(page).map((f) => page.slice(f.start, f.end))).toContain('GCM');
  });

  it('a list of acronyms in capitals is not a shouted run', () => {
    expect(onMigrationPage('Partners: IOM AND UNHCR.')).toContain('iom');
    expect(onMigrationPage('IOM LAUNCHES NEW APPEAL')).not.toContain('iom');
  });
});

describe('pageContext', () => {
  it('scores a migration page above the threshold and a cooking page below it', () => {
    const mig = m.pageContext(MIGRATION_PAGE);
    expect(mig.domain).toBe(true);
    expect(mig.ids).toEqual(expect.arrayContaining(['gfmd', 'unhcr', 'ilo']));
    const cook = m.pageContext('Add the flour, stir and bake for 20 minutes. Who knew it was that easy?');
    expect(cook.domain).toBe(false);
    expect(cook.score).toBeLessThan(mig.score);
  });

  it('does not count ambiguous short forms as evidence', () => {
    expect(m.pageContext('IOM IOM IOM WHO IMO PKD').ids).toEqual([]);
  });
});

describe('the sentence beats the page for WHO', () => {
  const HEALTH_PAGE = `${MIGRATION_PAGE} The World Health Organization (WHO) works on migrant health and pandemic preparedness. `;
  const onHealthPage = (text: string) => idsOf(text, m.pageContext(HEALTH_PAGE + text));

  it.each([
    ['a question opened by WHO', 'WHO knows what comes next for the clinics?'],
    ['a shouted question heading', 'WHO IS AFFECTED?'],
    ['the idiom without a question mark', 'WHO cares, said the tired nurse.'],
    ['a question after another sentence', 'The ward reopened. WHO decides who gets a bed first?'],
  ])('%s is the question word, even on a page about the organisation', (_name, text) => {
    expect(onHealthPage(text)).not.toContain('who');
    expect(idsOf(text)).not.toContain('who');
  });

  it('a statement opened by WHO on the same page is still the organisation', () => {
    expect(onHealthPage('WHO warns that migrant health services are stretched.')).toContain('who');
  });

  it.each([
    ['WHO and UNICEF support migrant children.'],
    ['Staff of UNICEF, WHO and UNHCR met in the camp.'],
    ['UNHCR & WHO opened a clinic.'],
  ])('coordinated with an unambiguous acronym, WHO is the organisation with no other evidence: %s', (text) => {
    expect(idsOf(text)).toContain('who');
  });

  it('coordination with an ambiguous short form or a plain word is not evidence', () => {
    expect(idsOf('WHO and IT were listed.')).not.toContain('who');
    expect(idsOf('WHO and WHY are questions.')).not.toContain('who');
  });
});
