// Hostile fixtures: right-to-left (Arabic, Hebrew) and CJK text with embedded Latin acronyms, and a page
// stylesheet that restyles everything with !important: our card must look exactly as on slice.html.
import assert from 'node:assert/strict';
import { fixture, waitScan, highlighted, boxAt, hoverBox, cardStyle, domDiff } from '../lib/robustness.mjs';
import { assertDomUntouched, hover, waitPopover } from '../lib/helpers.mjs';

const settle = () => new Promise((r) => setTimeout(r, 300));

async function referenceCard(open, t) {
  const plain = await open(t.server.url('/fixtures/slice.html'));
  await waitScan(plain);
  await hover(plain, 'IOM');
  await waitPopover(plain, 'IOM');
  await settle();
  const s = await cardStyle(plain);
  await plain.close();
  return s;
}

export default [
  fixture('right-to-left and CJK text: embedded acronyms underlined, card readable', async (t, open) => {
    const want = await referenceCard(open, t);
    const page = await open(t.server.url('/fixtures/i18n.html'), { snapshot: true });
    await waitScan(page);
    const hl = await highlighted(page);
    assert.ok(hl, 'no highlight registered');
    // Collect every problem before failing, so one run reports all of them.
    const problems = [];
    const got = hl.map((h) => `${h.where}:${h.text}`).sort();
    const want2 = [
      'ar:GFMD',
      'ar:IOM',
      'ar:UNHCR',
      'he:IOM',
      'he:UNHCR',
      'ja:IOM',
      'ja:UNHCR',
      'ko:IOM',
      'ko:UNHCR',
      'zh:GFMD',
      'zh:IOM',
      'zh:UNHCR',
    ];
    const missing = want2.filter((w) => !got.includes(w));
    const extra = got.filter((g) => !want2.includes(g));
    if (missing.length || extra.length)
      problems.push(`underlines: missing ${missing.join(' ') || '-'}, unexpected ${extra.join(' ') || '-'}`);
    for (const [id, term] of [
      ['ar', 'IOM'],
      ['he', 'UNHCR'],
      ['zh', 'IOM'],
    ]) {
      await hoverBox(page, await boxAt(page, [`#${id}`], term));
      await waitPopover(page, term, 5000).catch(() => problems.push(`no card for ${term} in #${id}`));
    }
    await hoverBox(page, await boxAt(page, ['#ar'], 'IOM'));
    await waitPopover(page, 'IOM', 5000);
    await settle();
    const s = await cardStyle(page);
    // Our summaries are English: an rtl page must not flip the card's direction or alignment.
    const diff = s.card.filter((v, i) => v !== want.card[i]);
    if (diff.length) problems.push(`card style on an rtl page differs from slice.html: ${diff.join('; ')}`);
    await assertDomUntouched(page);
    assert.equal(await domDiff(page), null);
    assert.deepEqual(problems, [], 'RTL/CJK');
  }),
  fixture('aggressive page CSS (all: unset, huge fonts, !important colours): card looks the same', async (t, open) => {
    const want = await referenceCard(open, t);
    const page = await open(t.server.url('/fixtures/hostile-css.html'), { snapshot: true });
    await waitScan(page);
    await hoverBox(page, await boxAt(page, ['#p2'], 'IOM'));
    await waitPopover(page, 'IOM', 5000);
    await settle();
    const got = await cardStyle(page);
    const diff = (a, b) =>
      (a ?? []).map((v, i) => (v === b?.[i] ? null : `${v} (slice.html: ${b?.[i]})`)).filter(Boolean);
    const problems = [
      ...diff(got.card, want.card).map((d) => `card ${d}`),
      ...diff(got.child, want.child).map((d) => `content ${d}`),
    ];
    // Width only: the height follows the room left below the term, which differs between the pages.
    if (got.rect.width !== want.rect.width) problems.push(`width ${got.rect.width} (slice.html: ${want.rect.width})`);
    assert.deepEqual(problems, [], 'card computed style differs from slice.html');
    await assertDomUntouched(page);
    assert.equal(await domDiff(page), null);
  }),
];
