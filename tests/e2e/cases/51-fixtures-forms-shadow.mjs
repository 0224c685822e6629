// Hostile fixtures: editable text is never underlined or changed; open shadow roots are scanned and hover works.
import assert from 'node:assert/strict';
import { fixture, waitScan, highlighted, boxAt, hoverBox, domDiff } from '../lib/robustness.mjs';
import { assertDomUntouched, waitPopover, waitNoPopover } from '../lib/helpers.mjs';

const FIELD_IDS = new Set(['inp', 'ta', 'ce', 'cep', 'ce-nested']);

export default [
  fixture('inputs, textareas and contenteditable are never underlined or changed', async (t, open) => {
    const page = await open(t.server.url('/fixtures/forms.html'));
    await waitScan(page);
    const before = await page.evaluate(() => ({
      inp: document.getElementById('inp').value,
      ta: document.getElementById('ta').value,
      ce: document.getElementById('ce').innerHTML,
    }));
    let hl = await highlighted(page);
    assert.ok(hl, 'no highlight registered');
    assert.deepEqual(
      hl
        .filter((h) => h.where === 'control')
        .map((h) => h.text)
        .sort(),
      ['IOM', 'UNHCR'],
      `control paragraph: ${JSON.stringify(hl)}`,
    );
    assert.deepEqual(
      hl.filter((h) => FIELD_IDS.has(h.where)),
      [],
      'editable text was underlined',
    );
    // Typing a term into the editable region must not get it underlined nor rewritten.
    const ce = await boxAt(page, ['#ce'], 'GFMD');
    await page.click(ce.x + ce.w + 2, ce.y + ce.h / 2);
    await page.press('End');
    await page.type(' and UNHCR');
    await new Promise((r) => setTimeout(r, 800)); // > the scanner's mutation debounce
    hl = await highlighted(page);
    // (A rescan that starts AT an editable element, as a mutation inside it triggers, must still skip it.)
    assert.deepEqual(
      hl.filter((h) => FIELD_IDS.has(h.where)),
      [],
      'editable text underlined after typing into it',
    );
    const after = await page.evaluate(() => ({
      inp: document.getElementById('inp').value,
      ta: document.getElementById('ta').value,
      ce: document.getElementById('ce').textContent,
    }));
    assert.equal(after.inp, before.inp);
    assert.equal(after.ta, before.ta);
    assert.ok(after.ce.endsWith('contenteditable div and UNHCR'), `editable text changed: ${after.ce}`);
    // Hovering a term inside a field shows nothing.
    await hoverBox(page, await boxAt(page, ['#cep'], 'UNHCR'));
    await hoverBox(page, await boxAt(page, ['#ce-nested'], 'IOM'));
    await waitNoPopover(page, 2000);
  }),
  fixture('open shadow roots: terms underlined and hover shows the card', async (t, open) => {
    const page = await open(t.server.url('/fixtures/shadow.html'), { snapshot: true });
    await waitScan(page);
    const hl = await highlighted(page);
    assert.ok(hl, 'no highlight registered');
    const texts = hl.map((h) => `${h.where}:${h.text}`);
    assert.ok(texts.includes('in-shadow:UNHCR'), `shadow term not underlined: ${texts}`);
    assert.ok(
      hl.some((h) => h.text === 'IOM'),
      `nested shadow term not underlined: ${texts}`,
    );
    await hoverBox(page, await boxAt(page, ['#host1', '#in-shadow'], 'UNHCR'));
    await waitPopover(page, 'UNHCR');
    await hoverBox(page, await boxAt(page, ['#host1', '#inner-host', 'p'], 'IOM'));
    await waitPopover(page, 'IOM');
    await assertDomUntouched(page);
    assert.equal(await domDiff(page), null);
  }),
];
