import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IDBFactory } from 'fake-indexeddb';
import { createBackground } from '@/lib/background/handler';
import { Session } from '@/lib/content/session';
import { compileMatcher } from '@/lib/match/compile';
import { loader, makePackage, memorySettings } from '../background/fixtures';

// happy-dom has no CSS Custom Highlight API: a Set stands in for Highlight, as in the slice tests.
class FakeHighlight extends Set<AbstractRange> {
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

const MMP = JSON.stringify([
  {
    id: 'my-mmp',
    label: 'MMP',
    expansion: 'Mexican Migration Project',
    category: 'programme',
    summary: 'A survey project written for this test.',
    related: ['iom'],
  },
]);

describe('content session and the glossary version', () => {
  let session: Session | null = null;
  beforeEach(() => {
    fakeBrowser.reset();
    vi.stubGlobal('Highlight', FakeHighlight);
    vi.stubGlobal('CSS', { escape: (s: string) => s, supports: () => false, highlights: new Map() });
    document.body.innerHTML = '<p>The IOM reviewed the MMP survey data.</p>';
  });
  afterEach(() => {
    session?.scanner?.stop();
    session = null;
    vi.unstubAllGlobals();
  });

  it('a custom-glossary import in another context makes open pages underline the new term without reload', async () => {
    const pkg = makePackage();
    const bg = createBackground({
      idb: new IDBFactory(),
      loadPackage: loader({ ...pkg, matcher: compileMatcher(pkg.glossary) }).load,
      storage: memorySettings(),
    });
    const send = vi.fn((m: unknown) => bg.handleMessage(m));
    const host = document.createElement('div');
    session = new Session(host, send);
    const found: string[][] = [];
    session.onMatches((ms) => found.push(ms.map((m) => m.termId)));
    const glossaryChanged = vi.fn();
    session.onGlossary(glossaryChanged);
    await session.start();
    expect(found.at(-1)).toEqual(['iom']);
    const termsAsked = () => send.mock.calls.filter(([m]) => (m as { type: string }).type === 'terms').length;
    expect(termsAsked()).toBe(1);

    // The options page imports through the background, which publishes the new version.
    const r = await bg.handleMessage({ type: 'customImport', text: MMP, filename: 'mmp.json' });
    expect(r.ok).toBe(true);
    await vi.waitFor(() => expect(found.at(-1)).toEqual(['iom', 'my-mmp']));
    expect(termsAsked()).toBe(2);
    expect(glossaryChanged).toHaveBeenCalledTimes(1);
  });
});
