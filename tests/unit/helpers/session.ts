/**
 * A content Session wired to a real background (lib/background/handler.ts over fake IndexedDB, the
 * test package of tests/unit/background/fixtures.ts, settings in memory), on happy-dom with the
 * Highlight API stubbed. Shared by tests/unit/content/session.test.ts and text-gate.test.ts.
 */
import { vi } from 'vitest';
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

/** Stubs `Highlight` and `CSS` for the scanner; undo with `vi.unstubAllGlobals()`. */
export function stubHighlights(): void {
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal('CSS', { escape: (s: string) => s, supports: () => false, highlights: new Map() });
}

/**
 * A background and a Session whose messages it answers; `found` collects the term ids of each
 * match report, in order. The session is not started.
 */
export function sessionWithBackground(host: HTMLElement = document.createElement('div')) {
  const pkg = makePackage();
  const bg = createBackground({
    idb: new IDBFactory(),
    loadPackage: loader({ ...pkg, matcher: compileMatcher(pkg.glossary) }).load,
    storage: memorySettings(),
  });
  const send = vi.fn((m: unknown) => bg.handleMessage(m));
  const session = new Session(host, send);
  const found: string[][] = [];
  session.onMatches((ms) => found.push(ms.map((m) => m.termId)));
  return { bg, send, session, found };
}
