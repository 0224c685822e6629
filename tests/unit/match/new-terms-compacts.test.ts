/**
 * Recognition of the compacts follow-up entries (data/glossary/global-compacts-followup.json): full names
 * beat shorter lookalike names, and the ambiguous or gated short forms need migration/refugee context.
 * Sentences are written for this test, not copied from any page.
 */
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/match/compile';
import { loadMatcher } from '../../../lib/match/matcher';
import { MIGRATION_PAGE, realGlossary } from './helpers/fixture';

const g = realGlossary();

describe.skipIf(!g)('compacts follow-up entries', () => {
  const m = loadMatcher(compileMatcher(g ?? []));
  const found = (text: string, page = false) =>
    m.find(text, page ? m.pageContext(MIGRATION_PAGE + text) : undefined).map((f) => f.id);
  const spans = (text: string) => m.find(text).map((f) => `${text.slice(f.start, f.end)}[${f.id}]`);

  describe('IMRF versus the journal International Migration Review', () => {
    it('the Forum wins on its full name (longest match)', () => {
      const text = 'Ministers met at the International Migration Review Forum in New York to review the compact.';
      expect(spans(text)).toContain('International Migration Review Forum[imrf]');
      expect(found(text)).not.toContain('imr');
    });

    it('the journal title alone is still the journal', () => {
      const text = 'Her article on remittances appeared in International Migration Review last spring.';
      expect(found(text)).toContain('imr');
      expect(found(text)).not.toContain('imrf');
    });

    it('the acronym IMRF is the Forum', () => {
      expect(found('States reported their progress at the 2022 IMRF.', true)).toContain('imrf');
    });

    it('official French and Spanish names of the Forum', () => {
      expect(found('Le Forum d’examen des migrations internationales s’est tenu à New York.')).toContain('imrf');
      expect(found('El Foro de Examen de la Migración Internacional se celebra cada cuatro años.')).toContain('imrf');
    });

    it('the Progress Declaration is its own entry, not the Forum', () => {
      const text = 'The Progress Declaration of the International Migration Review Forum asks for indicators.';
      expect(found(text)).toEqual(['imrfdecl']);
    });
  });

  describe('UN Global Compact (business) is not the Global Compact for Migration', () => {
    it('business sentence: the UN Global Compact', () => {
      expect(found('Over a thousand companies joined the UN Global Compact and its ten principles.')).toContain('ungc');
    });

    it.each([
      [
        'UN Global Compact for Migration',
        'The UN Global Compact for Migration was adopted in Marrakech.',
        'gcmcompact',
      ],
      [
        'UN Global Compact on Refugees',
        'The UN Global Compact on Refugees seeks fairer responsibility-sharing.',
        'grcompact',
      ],
      [
        'United Nations Global Compact for Safe, Orderly and Regular Migration',
        'The United Nations Global Compact for Safe, Orderly and Regular Migration has 23 objectives.',
        'gcmcompact',
      ],
    ])('%s is the migration/refugee compact', (_name, text, id) => {
      const ids = found(text);
      expect(ids).toContain(id);
      expect(ids).not.toContain('ungc');
    });

    it('UNGC needs business context', () => {
      expect(found('The UNGC asks companies to report on sustainability each year.')).toContain('ungc');
      expect(found('The UNGC met on Tuesday.')).not.toContain('ungc');
    });
  });

  describe('gated short forms', () => {
    it.each([
      ['grf', 'Pledges announced at the GRF will help refugees in Uganda.'],
      ['etm', 'UNHCR evacuated refugees from Libya to the ETM in Rwanda.'],
      ['mgi', 'IOM has carried out the MGI assessment of migration governance in Ghana.'],
      ['cerf', 'OCHA released a CERF allocation for the underfunded emergency.'],
      ['cccm', 'The CCCM partners mapped displacement sites for IDPs after the floods.'],
      ['acsg', 'The ACSG matched an asylum authority with a State offering support.'],
      ['crispinit', 'Through CRISP, UNHCR and IOM trained officials on resettlement.'],
      ['refresponseplan', 'The RRP for refugees from Sudan was launched by UNHCR with partners.'],
      ['grsi', 'The GRSI helps new countries design refugee sponsorship programmes.'],
    ])('%s is recognised with supporting context', (id, text) => {
      expect(found(text)).toContain(id);
    });

    it.each([
      ['grf', 'The GRF (ground reaction force) was measured with force plates.'],
      ['etm', 'The ETM sensor on Landsat 7 recorded the scene.'],
      ['mgi', 'A McKinsey MGI study looked at automation and jobs.'],
      ['cerf', 'The California CERF programme funds regional economic plans.'],
      ['cccm', 'The CCCM climate model was run at higher resolution.'],
      ['crispinit', 'We followed CRISP-DM, the data mining process model.'],
      ['refresponseplan', 'The RRP of this jacket is 120 pounds; retail price may vary.'],
    ])('%s lookalike is not recognised: %s', (id, text) => {
      expect(found(text)).not.toContain(id);
    });
  });

  describe('multi-word names with lookalike uses', () => {
    it('humanitarian corridors for refugees, not wartime passages', () => {
      expect(
        found(
          'Through humanitarian corridors run with Sant’Egidio, Syrian families flew to Rome on humanitarian visas.',
        ),
      ).toContain('humcorridors');
      expect(
        found('A humanitarian corridor opened during the truce so civilians could leave the besieged city.'),
      ).not.toContain('humcorridors');
    });

    it('community sponsorship of refugees, not sports sponsorship', () => {
      expect(found('Canada pioneered community sponsorship, and Ireland followed.')).toContain('commsponsor');
      expect(found('The bank runs a community sponsorship scheme for the local football club.')).not.toContain(
        'commsponsor',
      );
    });

    it('UNHCR Global Trends report, not the intelligence forecast', () => {
      expect(found('The Global Trends report counted more displaced people than ever.')).toContain('globaltrends');
      expect(
        found('The National Intelligence Council published its Global Trends report on the world in 2040.'),
      ).not.toContain('globaltrends');
    });
  });

  describe('SDG indicators 10.7.2–10.7.4 and resolution 73/326', () => {
    it.each([
      ['sdg1072', 'Data for SDG indicator 10.7.2 come from a UN inquiry among governments.'],
      ['sdg1073', 'Indicator 10.7.3 counts migrants who died on the way.'],
      ['sdg1074', 'Under SDG 10.7.4, refugees are counted per 100,000 people.'],
      ['res73326', 'General Assembly resolution 73/326 set the format of the review forums.'],
    ])('%s', (id, text) => {
      expect(found(text)).toContain(id);
    });

    it('target 10.7 itself stays the target entry', () => {
      const ids = found('Progress on SDG target 10.7 is uneven.');
      expect(ids).toContain('sdg107');
      expect(ids).not.toContain('sdg1072');
    });
  });

  it('MiGOF and the Migration Governance Indicators are separate entries', () => {
    const ids = found('The Migration Governance Framework underpins the Migration Governance Indicators.');
    expect(ids).toEqual(['migof', 'mgi']);
  });

  it('#IBelong and the Spanish R4V name are recognised', () => {
    expect(found('UNHCR’s #IBelong Campaign ended in 2024.')).toContain('ibelong');
    expect(
      found('La Plataforma de Coordinación Interagencial para Refugiados y Migrantes de Venezuela presentó su plan.'),
    ).toContain('r4v');
  });
});
