import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Session } from '@/lib/content/session';
import { sessionWithBackground, stubHighlights } from '../helpers/session';

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
    stubHighlights();
    document.body.innerHTML = '<p>The IOM reviewed the MMP survey data.</p>';
  });
  afterEach(() => {
    session?.scanner?.stop();
    session = null;
    vi.unstubAllGlobals();
  });

  it('a custom-glossary import in another context makes open pages underline the new term without reload', async () => {
    const { bg, send, session: s, found } = sessionWithBackground();
    session = s;
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
