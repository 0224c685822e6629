// French and Spanish pages end to end (issue #15), in both browsers: a French page (lang="fr") and a
// Spanish one get their names, short forms and composite references underlined; an English page with
// "BIT", "bit" and "PAM" as everyday words gets none of them; a French page declaring no language is
// recognised by its words. Hovering shows the card with the names of the language the page used
// next to the English label, our summary in that language or the English one marked as such, and an
// English form on a French page keeps the English card (the matched form decides). The sentences of
// the fixtures (tests/fixtures/pages/{fr-page,es-page,fr-nolang,en-lookalikes}.html) are our own;
// `npm run recognise -- --json FILE` prints the same underlines.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { hover, waitNoPopover, highlightInfo, assertDomUntouched, HOST } from '../lib/helpers.mjs';
import { ROOT } from '../lib/server.mjs';

/** The shipped entry, so the expected names and summaries follow the data rather than a copy of it. */
function entry(id) {
  const dir = path.join(ROOT, 'data/glossary');
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const e = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')).find?.((x) => x?.id === id);
    if (e) return e;
  }
  throw new Error(`no glossary entry ${id}`);
}

async function open(t, file, n) {
  const page = await t.newPage();
  await page.goto(t.server.url(`/fixtures/${file}`));
  await page.waitFor((n) => globalThis.CSS?.highlights?.get('migration-lens-term')?.size >= n, n, 15000);
  // Settled: no later pass adds an underline (a gated form wrongly let through would show up here).
  await new Promise((r) => setTimeout(r, 800));
  return page;
}

/** The underlined texts, sorted (CSS.highlights, read-only). */
const underlined = async (page) => (await highlightInfo(page)).texts.sort();

/** The open card's parts as the reader sees them, read in our shadow root. */
function cardParts(page) {
  return page.evaluate((HOST) => {
    const card = document.querySelector(HOST)?.shadowRoot?.querySelector('[data-testid=ml-popover]');
    if (!card || card.dataset.state !== 'ready') return null;
    const q = (s) => card.querySelector(s);
    return {
      label: q('h2')?.textContent ?? null,
      localLabel: q('[data-testid=ml-local-label]')?.textContent ?? null,
      localLang: q('[data-testid=ml-local-label]')?.getAttribute('lang') ?? null,
      localExpansion: q('[data-testid=ml-local-expansion]')?.textContent ?? null,
      summaryLang: q('[data-testid=ml-summary]')?.getAttribute('lang') ?? null,
      summary: q('[data-testid=ml-summary]')?.textContent ?? '',
      kicker: q('.ml-kicker')?.textContent ?? '',
    };
  }, HOST);
}

async function cardFor(page, word, label) {
  await page.move(2, 2, 1);
  await waitNoPopover(page);
  await hover(page, word);
  await page.waitFor(
    ({ HOST, label }) => {
      const c = document.querySelector(HOST)?.shadowRoot?.querySelector('[data-testid=ml-popover]');
      return c?.dataset.state === 'ready' && c.querySelector('h2')?.textContent === label;
    },
    { HOST, label },
    10000,
  );
  return cardParts(page);
}

export default [
  {
    name: 'fr/es: a French page (lang="fr") underlines names, short forms and references',
    async run(t) {
      const page = await open(t, 'fr-page.html', 10);
      assert.deepEqual(
        await underlined(page),
        [
          'OIM', // l'OIM
          'Organisation internationale pour les migrations', // l’Organisation … (curly apostrophe)
          'BIT', // le BIT
          'HCR', // du HCR
          'résolution 73/195',
          'recommandation (n° 201)',
          'cible 10.7', // after "Priorité :" with a no-break space
          'Indicateurs de gouvernance des migrations',
          'IOM',
          'Pacte mondial pour des migrations sûres, ordonnées et régulières', // inside « » with NBSPs
        ].sort(),
      );
      await assertDomUntouched(page);
    },
  },
  {
    name: 'fr/es: hovering l’OIM shows French names next to IOM and the French summary',
    async run(t) {
      const iom = entry('iom');
      const page = await open(t, 'fr-page.html', 10);
      const c = await cardFor(page, 'OIM', 'IOM');
      assert.equal(c.localLabel, iom.fr.label);
      assert.equal(c.localLang, 'fr');
      assert.equal(c.localExpansion, 'Organisation internationale pour les migrations');
      assert.equal(c.summaryLang, 'fr');
      assert.ok(c.summary.includes(iom.fr.summary), c.summary);
      assert.doesNotMatch(c.kicker, /in English/);
      await t.shot(page, 'card-french');
    },
  },
  {
    name: 'fr/es: a French-named term without a French summary shows the English one, marked',
    async run(t) {
      const mgi = entry('mgi');
      assert.ok(mgi.fr && !mgi.fr.summary, 'fixture premise: mgi has French names and no French summary');
      const page = await open(t, 'fr-page.html', 10);
      const c = await cardFor(page, 'Indicateurs de gouvernance', mgi.label);
      assert.equal(c.localExpansion, mgi.fr.expansion);
      assert.equal(c.summaryLang, 'en');
      assert.match(c.kicker, /in English/);
      assert.ok(c.summary.includes(mgi.summary), c.summary);
    },
  },
  {
    name: 'fr/es: an English form on a French page keeps the English card',
    async run(t) {
      const iom = entry('iom');
      const page = await open(t, 'fr-page.html', 10);
      const c = await cardFor(page, 'IOM', 'IOM');
      assert.equal(c.localLabel, null);
      assert.equal(c.localExpansion, null);
      assert.equal(c.summaryLang, null);
      assert.doesNotMatch(c.kicker, /in English/);
      assert.ok(c.summary.includes(iom.summary), c.summary);
    },
  },
  {
    name: 'fr/es: English "BIT", "bit" and "PAM" are not underlined; IOM is',
    async run(t) {
      const page = await open(t, 'en-lookalikes.html', 1);
      assert.deepEqual(await underlined(page), ['IOM']);
    },
  },
  {
    name: 'fr/es: a French page without lang is recognised by its words',
    async run(t) {
      const page = await open(t, 'fr-nolang.html', 2);
      assert.deepEqual(await underlined(page), ['BIT', 'PAM']);
      assert.equal(await page.evaluate(() => document.documentElement.getAttribute('lang')), null);
      const c = await cardFor(page, 'PAM', 'WFP');
      assert.equal(c.localLang, 'fr');
      assert.equal(c.localExpansion, entry('wfp').fr.expansion);
    },
  },
  {
    name: 'fr/es: a Spanish page (lang="es") underlines its names; la OIT shows the Spanish card',
    async run(t) {
      const page = await open(t, 'es-page.html', 4);
      assert.deepEqual(
        await underlined(page),
        [
          'ACNUR', // del ACNUR
          'OIT', // la OIT
          'Convenio núm. 189',
          'Pacto Mundial para la Migración Segura, Ordenada y Regular', // after ¿, before ?
        ].sort(),
      );
      // "OIT" is the French and the Spanish acronym: the page's language picks the Spanish names.
      const ilo = entry('ilo');
      let c = await cardFor(page, 'OIT', 'ILO');
      assert.equal(c.localLang, 'es');
      assert.equal(c.localExpansion, ilo.es.expansion);
      assert.equal(c.summaryLang, ilo.es.summary ? 'es' : 'en');
      c = await cardFor(page, 'ACNUR', 'UNHCR');
      assert.equal(c.localLabel, 'ACNUR');
      assert.equal(c.localExpansion, entry('unhcr').es.expansion);
      await assertDomUntouched(page);
    },
  },
];
