// The PDF reader (reader.html): pdf.js viewer with the content app on its text layer. PDFs are written
// at test time (lib/pdf.mjs). Both browsers: the reader is an extension page opened by its URL.
import assert from 'node:assert/strict';
import path from 'node:path';
import { axeViolations } from '../lib/axe.mjs';
import { highlightInfo, hover, waitPopover, HOST } from '../lib/helpers.mjs';
import { PDF_DIR, writeTestPdfs } from '../lib/pdf.mjs';

writeTestPdfs();

export const readerUrl = (t, file, hash = '') =>
  t.browser.extUrl(`reader.html?file=${encodeURIComponent(t.server.url(`/pdf/${file}`))}${hash}`);

export async function openReader(t, file, hash = '') {
  const page = await t.newPage();
  await page.setViewport(1200, 900);
  await page.goto(readerUrl(t, file, hash));
  return page;
}

const underlined = async (page) => (await highlightInfo(page)).texts;
const waitUnderlined = (page, text, timeout = 20000) =>
  page.waitFor(
    (text) => {
      const hl = globalThis.CSS?.highlights?.get('migration-lens-term');
      if (!hl) return false;
      for (const r of hl) {
        const l = document.createRange();
        l.setStart(r.startContainer, r.startOffset);
        l.setEnd(r.endContainer, r.endOffset);
        if (l.toString() === text) return true;
      }
      return false;
    },
    text,
    timeout,
  );

const attr = (page, sel) => page.evaluate((sel) => document.querySelector(sel)?.textContent ?? null, sel);

export default [
  {
    name: 'reader: terms underlined on the text layer, hover card with its PDF page, look-alike left alone',
    async run(t) {
      const page = await openReader(t, 'terms.pdf');
      await waitUnderlined(page, 'GFMD');
      await waitUnderlined(page, 'International Organization for Migration');
      // A term at the start of a line (pdf.js ends lines without a space).
      const texts = await underlined(page);
      assert.ok(texts.filter((x) => x === 'UNHCR').length >= 2, `UNHCR at a line start: ${texts}`);
      // The underlined ranges lie inside pdf.js's text layer spans.
      const inLayer = await page.evaluate(() =>
        [...CSS.highlights.get('migration-lens-term')]
          .filter((r) => ['GFMD', 'UNHCR'].includes(r.startContainer.data.slice(r.startOffset, r.endOffset)))
          .map((r) => !!r.startContainer.parentElement?.closest('.textLayer')),
      );
      assert.ok(inLayer.length >= 3 && inLayer.every(Boolean), `underlines on the text layer: ${inLayer}`);
      // The look-alike "Isle of Man (IOM)" is not underlined: only one IOM (the agency's, in brackets).
      const iom = await page.evaluate(() => {
        const out = [];
        for (const r of CSS.highlights.get('migration-lens-term')) {
          if (r.startContainer.data.slice(r.startOffset, r.endOffset) !== 'IOM') continue;
          out.push(r.startContainer.data);
        }
        return out;
      });
      assert.ok(
        iom.every((line) => !line.includes('Isle of Man')),
        `IOM underlined in: ${iom}`,
      );
      // Header: title from the metadata, UN symbol from the first page.
      assert.equal(await attr(page, '[data-testid=ml-reader-title]'), 'Test report on migration governance');
      assert.equal(await attr(page, '[data-testid=ml-reader-symbol]'), 'A/HRC/99/1');
      const native = await page.evaluate(() => document.querySelector('[data-testid=ml-reader-native]')?.href);
      assert.ok(native?.endsWith('/pdf/terms.pdf?ml-native=1'), `native viewer link: ${native}`);
      // Hover on the transparent text layer: hit-testing finds the term, the card says where it sits.
      await hover(page, 'GFMD');
      const card = await waitPopover(page, 'Global Forum');
      assert.ok(card.includes('In this document: PDF p. 1'), `card: ${card}`);
      // The underline is painted: the highlight style is in the document and the span's text is transparent.
      await t.shot(page, 'reader');
      const v = await axeViolations(page);
      assert.deepEqual(v, [], `axe: ${JSON.stringify(v, null, 1).slice(0, 1500)}`);
      assert.ok(await page.evaluate((HOST) => !!document.querySelector(HOST), HOST), 'card host present');
    },
  },
  {
    name: 'reader: local file by the file picker, offline, and #page / remembered page',
    async run(t) {
      const page = await t.newPage();
      await page.setViewport(1200, 900);
      await page.goto(t.browser.extUrl('reader.html'));
      await page.waitFor(() => !!document.querySelector('[data-testid=ml-reader-open]'));
      const before = t.server.requests.length;
      await page.setInputFiles('[data-testid=ml-reader-file]', path.join(PDF_DIR, 'terms.pdf'));
      await waitUnderlined(page, 'GFMD');
      assert.equal(t.server.requests.length, before, 'a local file makes no request');
      assert.equal(await attr(page, '[data-testid=ml-reader-pages]'), 'of 2');
      assert.equal(await page.evaluate(() => !!document.querySelector('[data-testid=ml-reader-native]')), false);
      // #page=N opens that page.
      const long = await openReader(t, 'long.pdf', '#page=37');
      await long.waitFor(() => document.querySelector('[data-testid=ml-reader-page]')?.value === '37', null, 20000);
      // The page is remembered per document: reopening without #page comes back to it.
      await long.waitFor(async () => {
        const r = await chrome.storage.local.get('readerPositions').catch(() => null);
        return !!r;
      });
      await new Promise((r) => setTimeout(r, 800));
      const again = await openReader(t, 'long.pdf');
      await again.waitFor(() => document.querySelector('[data-testid=ml-reader-page]')?.value === '37', null, 20000);
    },
  },
  {
    name: 'reader: a 120-page PDF opens without scanning every page; keys and find move through it',
    async run(t) {
      const page = await openReader(t, 'long.pdf');
      await page.waitFor(
        () => document.querySelector('[data-testid=ml-reader-pages]')?.textContent === 'of 120',
        null,
        20000,
      );
      await page.waitFor(() => document.querySelectorAll('.textLayer span').length > 0, null, 20000);
      const counts = await page.evaluate(() => ({
        pages: document.querySelectorAll('.page[data-page-number]').length,
        withText: [...document.querySelectorAll('.page[data-page-number] .textLayer')].filter((l) => l.firstChild)
          .length,
      }));
      assert.equal(counts.pages, 120);
      // The scanner reads only the DOM: pages without a text layer cannot have been scanned.
      assert.ok(counts.withText > 0 && counts.withText < 20, `text layers in the DOM: ${counts.withText}`);
      // The extension-page CSP has no 'wasm-unsafe-eval': WebAssembly cannot compile here, and the
      // reader works without it (pdf.js uses its JS decoders).
      const wasm = await page.evaluate(() =>
        WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(
          () => 'compiled',
          (e) => e.name,
        ),
      );
      assert.notEqual(wasm, 'compiled');
      // Keyboard: End goes to the last page, Home back to the first, PageDown one on.
      await page.evaluate(() => document.querySelector('#viewerContainer').focus());
      await page.press('End');
      await page.waitFor(() => document.querySelector('[data-testid=ml-reader-page]')?.value === '120');
      await page.press('Home');
      await page.waitFor(() => document.querySelector('[data-testid=ml-reader-page]')?.value === '1');
      await page.press('PageDown');
      await page.waitFor(() => document.querySelector('[data-testid=ml-reader-page]')?.value === '2');
      // Ctrl+F goes to the find box; pdf.js's find controller counts the matches.
      await page.press('Control+f');
      await page.waitFor(() => document.activeElement?.getAttribute('data-testid') === 'ml-reader-find');
      await page.type('GFMD');
      await page.waitFor(
        () => /of 12\b/.test(document.querySelector('[data-testid=ml-reader-find-status]')?.textContent ?? ''),
        null,
        20000,
      );
    },
  },
];
