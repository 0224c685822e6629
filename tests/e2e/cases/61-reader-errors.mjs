// The PDF reader with bad input: each failure shows its own message, a way back, and (for a web
// address) the browser's own viewer; the side panel and the explain command reach the reader page.
import assert from 'node:assert/strict';
import { axeViolations } from '../lib/axe.mjs';
import { openReader } from './60-reader-core.mjs';

const errorKind = (page, timeout = 20000) =>
  page
    .waitFor(() => !!document.querySelector('[data-testid=ml-reader-error]'), null, timeout)
    .then(() =>
      page.evaluate(() => {
        const el = document.querySelector('[data-testid=ml-reader-error]');
        return {
          kind: el.getAttribute('data-kind'),
          text: el.textContent,
          native: !!el.querySelector('a[href*="ml-native=1"]'),
          back: [...el.querySelectorAll('button')].some((b) => b.textContent === 'Open another PDF'),
        };
      }),
    );

export default [
  {
    name: 'reader: each bad input has its own message and a way back',
    timeout: 120000,
    async run(t) {
      const cases = [
        ['truncated.pdf', 'corrupt', 'damaged'],
        ['notpdf.pdf', 'not-pdf', 'not a PDF'],
      ];
      for (const [file, kind, words] of cases) {
        const page = await openReader(t, file);
        const e = await errorKind(page);
        assert.equal(e.kind, kind, `${file}: ${e.text}`);
        assert.ok(e.text.includes(words) && e.native && e.back, `${file}: ${JSON.stringify(e)}`);
        if (file === 'truncated.pdf') {
          const v = await axeViolations(page);
          assert.deepEqual(v, [], `axe on the error: ${JSON.stringify(v).slice(0, 800)}`);
        }
      }
      for (const [status, kind] of [
        [404, 'not-found'],
        [403, 'refused'],
        [500, 'http'],
      ]) {
        const page = await t.newPage();
        await page.goto(t.browser.extUrl(`reader.html?file=${encodeURIComponent(t.server.url(`/status/${status}`))}`));
        const e = await errorKind(page);
        assert.equal(e.kind, kind, `${status}: ${e.text}`);
        assert.ok(e.text.includes(String(status)) && e.native, `${status}: ${JSON.stringify(e)}`);
      }
      // Nothing listens on port 9: no answer at all.
      const net = await t.newPage();
      await net.goto(t.browser.extUrl(`reader.html?file=${encodeURIComponent('http://127.0.0.1:9/a.pdf')}`));
      const ne = await errorKind(net);
      assert.ok(['network', 'permission'].includes(ne.kind), `no server: ${ne.text}`);
      // Not a web address.
      const bad = await t.newPage();
      await bad.goto(t.browser.extUrl(`reader.html?file=${encodeURIComponent('javascript:alert(1)')}`));
      assert.equal((await errorKind(bad)).kind, 'bad-address');
      await bad.evaluate(() =>
        [...document.querySelectorAll('button')].find((b) => b.textContent === 'Open another PDF').click(),
      );
      await bad.waitFor(() => !!document.querySelector('[data-testid=ml-reader-open]'));
      // A scan: opens, with the notice that nothing can be recognised.
      const scan = await openReader(t, 'scan.pdf');
      await scan.waitFor(() => !!document.querySelector('[data-testid=ml-reader-notext]'), null, 20000);
      assert.match(
        await scan.evaluate(() => document.querySelector('[data-testid=ml-reader-notext]').textContent),
        /has no text layer, so terms cannot be recognised/,
      );
    },
  },
  {
    name: 'reader: a password-protected PDF asks for the password, says when it is wrong, then opens',
    async run(t) {
      const page = await openReader(t, 'locked.pdf');
      await page.waitFor(() => !!document.querySelector('[data-testid=ml-reader-password] input'), null, 20000);
      const submit = (pw) =>
        page
          .evaluate((pw) => {
            const input = document.querySelector('[data-testid=ml-reader-password] input');
            input.focus();
            input.value = pw;
            input.dispatchEvent(new Event('input', { bubbles: true }));
          }, pw)
          .then(() =>
            page.evaluate(() => document.querySelector('[data-testid=ml-reader-password] button[type=submit]').click()),
          );
      await submit('wrong');
      await page.waitFor(
        () => /not right/.test(document.querySelector('[data-testid=ml-reader-password]')?.textContent ?? ''),
        null,
        20000,
      );
      await submit('secret-pw');
      await page.waitFor(
        () => document.querySelector('[data-testid=ml-reader-pages]')?.textContent === 'of 2',
        null,
        20000,
      );
      await page.waitFor(() => globalThis.CSS.highlights.get('migration-lens-term')?.size > 0, null, 20000);
      // Cancelling instead: its own message.
      const other = await openReader(t, 'locked.pdf');
      await other.waitFor(() => !!document.querySelector('[data-testid=ml-reader-password]'), null, 20000);
      await other.evaluate(() =>
        [...document.querySelectorAll('[data-testid=ml-reader-password] button')]
          .find((b) => b.textContent === 'Cancel')
          .click(),
      );
      assert.equal((await errorKind(other)).kind, 'password');
    },
  },
  {
    name: 'reader: the side panel lists the document terms and jumps to their page; explain selection',
    async run(t) {
      const page = await openReader(t, 'terms.pdf');
      await page.waitFor(() => globalThis.CSS.highlights.get('migration-lens-term')?.size > 0, null, 20000);
      const tab = await page.evaluate(async () => (await chrome.tabs.getCurrent()).id);
      const panel = await t.newPage();
      await panel.setViewport(420, 900);
      await panel.goto(t.browser.extUrl(`sidepanel.html?tab=${tab}`));
      await panel.waitFor(
        () => (document.querySelector('[data-testid=ml-sidepanel]')?.textContent ?? '').includes('GFMD'),
        null,
        20000,
      );
      const count = () =>
        panel.evaluate(
          () =>
            [...document.querySelectorAll('.ml-terms li')]
              .find((li) => li.querySelector('button').textContent === 'GFMD')
              ?.querySelector('.ml-count').textContent,
        );
      // Page 2 may not be rendered yet: the list has at least page 1's occurrence.
      assert.ok(Number(await count()) >= 1);
      // Go to page 2 in the reader so its text layer is read: GFMD twice on page 1 (name and acronym),
      // once on page 2.
      // The reader is on screen beside the panel, as with the real side panel (pdf.js renders only
      // in a visible tab).
      await page.raw.bringToFront();
      await page.evaluate(() => {
        const box = document.querySelector('[data-testid=ml-reader-page]');
        box.value = '2';
        box.dispatchEvent(new Event('input', { bubbles: true }));
        box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      });
      await page.waitFor(
        () =>
          [...CSS.highlights.get('migration-lens-term')].some((r) =>
            r.startContainer.parentElement?.closest('.page[data-page-number="2"]'),
          ),
        null,
        20000,
      );
      await panel.evaluate(() =>
        [...document.querySelectorAll('button')].find((b) => b.textContent === 'Refresh').click(),
      );
      await panel.waitFor(
        () =>
          [...document.querySelectorAll('.ml-terms li')]
            .find((li) => li.querySelector('button').textContent === 'GFMD')
            ?.querySelector('.ml-count').textContent === '3',
        null,
        20000,
      );
      const click = () =>
        panel.evaluate(() =>
          [...document.querySelectorAll('.ml-terms button')].find((b) => b.textContent === 'GFMD').click(),
        );
      await click();
      await panel.waitFor(
        () => /occurrence 1 of 3 .*PDF page 1/.test(document.querySelector('[data-testid=ml-jump]')?.textContent ?? ''),
        null,
        20000,
      );
      await click();
      await panel.waitFor(
        () => /occurrence 2 of 3 .*PDF page 1/.test(document.querySelector('[data-testid=ml-jump]')?.textContent ?? ''),
        null,
        20000,
      );
      await click();
      await panel.waitFor(
        () => /occurrence 3 of 3 .*PDF page 2/.test(document.querySelector('[data-testid=ml-jump]')?.textContent ?? ''),
        null,
        20000,
      );
      await page.waitFor(() => document.querySelector('[data-testid=ml-reader-page]')?.value === '2', null, 10000);
      // Explain selection: the background's command reaches the reader page (no content script there).
      await page.raw.bringToFront();
      await page.evaluate(() => {
        const tw = document.createTreeWalker(document.querySelector('.textLayer'), NodeFilter.SHOW_TEXT);
        for (let n = tw.nextNode(); n; n = tw.nextNode()) {
          const i = n.data.indexOf('UNHCR');
          if (i >= 0) return document.getSelection().setBaseAndExtent(n, i, n, i + 5);
        }
        throw new Error('no UNHCR');
      });
      await t.browser.explainSelectionCommand();
      await page.waitFor(
        () =>
          (
            document
              .querySelector('migration-lens-host')
              ?.shadowRoot?.querySelector('[data-testid=ml-popover][role=dialog]')?.textContent ?? ''
          ).includes('UNHCR'),
        null,
        10000,
      );
    },
  },
];
