// Citations a reader can use: the card's "Official page ↗" (an entry's officialUrl), "Open source
// document ↗" (the cited document's official URL) and "Copy citation" (the full reference on the
// clipboard), axe-clean. Runs in both browsers. The clipboard is read back with
// navigator.clipboard.readText() in the page in Chromium (clipboard permissions granted to the test
// page's origin); Firefox asks the user before a page may read the clipboard, so there it is read in
// the browser window's privileged scope instead (t.browser.chromeEval).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { HOST, wordBox, waitNoPopover } from '../lib/helpers.mjs';
import { ROOT } from '../lib/server.mjs';
import { axeViolations } from '../lib/axe.mjs';
import { waitCards } from './20-card.mjs';

const PAGE = '/fixtures/card-cite.html';
const json = (p) => JSON.parse(fs.readFileSync(path.join(ROOT, p), 'utf8'));
const KAMPALA = json('data/glossary/regional-and-eu.json').find((e) => e.id === 'kampala');
const CEB_URL = json('data/sources/sources.json').documents.find((d) => d.key === '002').url;

async function open(t) {
  const page = await t.newPage();
  await page.goto(t.server.url(PAGE));
  await page.waitFor(() => globalThis.CSS?.highlights?.get('migration-lens-term')?.size >= 2);
  return page;
}

async function pin(page, word, label) {
  const b = await wordBox(page, word);
  await page.click(b.x + b.w / 2, b.y + b.h / 2);
  await waitCards(page, (cs) => cs[0]?.state === 'ready' && cs[0].pinned && cs[0].title === label, `${label} card`);
}

/** Links and citation buttons of the open card, read from our shadow root. */
function cardLinks(page) {
  return page.evaluate((HOST) => {
    const card = document.querySelector(HOST).shadowRoot.querySelector('[data-testid=ml-popover]');
    const rect = (el) => {
      // The card scrolls inside itself: bring the button into view so a real click can reach it.
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    };
    return {
      links: [...card.querySelectorAll('a')].map((a) => ({ text: a.textContent, href: a.getAttribute('href') })),
      copy: [...card.querySelectorAll('.ml-excerpt button')]
        .slice(0, 1)
        .map((b) => ({ text: b.textContent, at: rect(b) })),
      cites: [...card.querySelectorAll('.ml-excerpt cite')].map((c) => ({ text: c.textContent, title: c.title })),
    };
  }, HOST);
}

async function readClipboard(t, page) {
  if (t.name === 'chromium') return page.evaluate(() => navigator.clipboard.readText());
  return t.browser.chromeEval(`(() => {
    const tr = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
    tr.init(null);
    tr.addDataFlavor('text/plain');
    Services.clipboard.getData(tr, Ci.nsIClipboard.kGlobalClipboard);
    const out = {};
    tr.getTransferData('text/plain', out);
    return out.value.QueryInterface(Ci.nsISupportsString).data;
  })()`);
}

export default [
  {
    name: 'card: "Official page ↗", "Open source document ↗" and "Copy citation" (full reference); axe clean',
    async run(t) {
      if (t.name === 'chromium')
        await t.browser.ctx.grantPermissions(['clipboard-read', 'clipboard-write'], {
          origin: new URL(t.server.url('/')).origin,
        });
      const page = await open(t);
      await page.raw.bringToFront();

      await pin(page, 'Kampala', 'Kampala Convention');
      let c = await cardLinks(page);
      assert.deepEqual(
        c.links.filter((l) => l.text === 'Official page ↗'),
        [{ text: 'Official page ↗', href: KAMPALA.officialUrl }],
      );
      assert.deepEqual(await axeViolations(page, HOST), []);
      await page.press('Escape');
      await waitNoPopover(page);

      await pin(page, 'IOM', 'IOM');
      c = await cardLinks(page);
      // The mandate excerpt cites the 2013 compilation: short citation, full section path on hover.
      assert.equal(c.cites[0].text, 'CEB 2013, ch. 7 IOM, Mandate, p. 101 ff.');
      assert.equal(c.cites[0].title, 'CEB 2013, ch. 7 IOM: Mandate');
      for (const x of c.cites) assert.doesNotMatch(x.text, /\bline/, 'no source line numbers');
      assert.ok(CEB_URL, 'sources.json gives the 2013 compilation an official URL');
      assert.ok(
        c.links.some((l) => l.text === 'Open source document ↗' && l.href === CEB_URL),
        JSON.stringify(c.links),
      );
      assert.deepEqual(await axeViolations(page, HOST), []);

      const [copy] = c.copy;
      assert.equal(copy.text, 'Copy citation');
      await page.click(copy.at.x, copy.at.y);
      await page.waitFor(
        (HOST) => document.querySelector(HOST).shadowRoot.querySelector('.ml-excerpt button')?.textContent === 'Copied',
        HOST,
      );
      const ref = await readClipboard(t, page);
      assert.equal(
        ref,
        'United Nations System Chief Executives Board for Coordination (2013). International Migration and ' +
          'Development: Contributions and Recommendations of the International System. I. Omelaniuk (ed.), ' +
          `coordinated by UNFPA and IOM. Chapter 7 (IOM), “Mandate”, p. 101 ff. ${CEB_URL}`,
      );
      assert.deepEqual(await page.evaluate(() => window.__mlErrors), []);
    },
  },
];
