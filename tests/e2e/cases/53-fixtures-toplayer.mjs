// Hostile fixtures: our card must be above a modal <dialog>, a [popover] and a fullscreen element
// (all in the top layer): the element at the centre of the card's overlap with theirs must be our host, not the page's.
import assert from 'node:assert/strict';
import { fixture, waitScan, boxAt, hoverBox, cardOnTop } from '../lib/robustness.mjs';
import { waitPopover } from '../lib/helpers.mjs';

async function clickButton(page, id) {
  const b = await page.evaluate((id) => {
    const r = document.getElementById(id).getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, id);
  await page.click(b.x, b.y);
}

function topLayerCase(label, button, opened, textId, term, layerSel) {
  return fixture(`card above a ${label}`, async (t, open) => {
    const page = await open(t.server.url('/fixtures/toplayer.html'));
    await waitScan(page);
    await clickButton(page, button);
    await page.waitFor(opened, undefined, 5000).catch(() => {
      throw new Error(`${label} did not open`);
    });
    await new Promise((r) => setTimeout(r, 400)); // let the scanner see the layout change
    await hoverBox(page, await boxAt(page, [`#${textId}`], term));
    await waitPopover(page, term, 5000);
    await new Promise((r) => setTimeout(r, 200)); // card positioned
    const top = await cardOnTop(page, layerSel);
    if (!top.ok) await t.shot(page, `robustness-${button}`).catch(() => {}); // evidence: is it painted under, or only inert?
    assert.ok(
      top.ok,
      `card covered by the page's ${label}: elementFromPoint inside the overlap hit ${top.why} (card at ${top.rect})`,
    );
  });
}

export default [
  topLayerCase('modal dialog', 'open-dialog', () => document.getElementById('dlg').open, 'dlg-text', 'IOM', '#dlg'),
  topLayerCase(
    'popover',
    'open-popover',
    () => document.getElementById('pop').matches(':popover-open'),
    'pop-text',
    'UNHCR',
    '#pop',
  ),
  topLayerCase(
    'fullscreen element',
    'open-fs',
    () => document.fullscreenElement?.id === 'fs',
    'fs-text',
    'GFMD',
    '#fs',
  ),
];
