/**
 * Text gate: the session asks the background for the compiled matcher (about 120 KB, a few hundred KB
 * of heap once loaded) only once the document holds a word that could be part of a term. Ad, analytics
 * and layout frames without text then cost a page almost nothing (issue #17, `frames_*` in
 * `npm run bench`). Conservative on purpose: any run of two letters or digits outside the elements the
 * scanner skips (lib/scan/blocks.ts SKIP) opens the gate, in the light DOM or in an open shadow root.
 */
import { SKIP } from '@/lib/scan/blocks';
import type { Timers } from '@/lib/scan/timers';

/** Two letters or digits in a row: every glossary form has at least that. */
const WORD = /[\p{L}\p{N}]{2}/u;

/** Does `root` (or an open shadow root inside it) hold a word outside skipped elements and our host? */
export function hasWords(root: Node, ownHost: Element | null): boolean {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n === ownHost || (n.nodeType === 1 && SKIP.has(n.nodeName.toUpperCase()))
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === 3) {
      if (WORD.test((n as Text).data)) return true;
    } else {
      const sr = (n as Element).shadowRoot;
      if (sr && hasWords(sr, ownHost)) return true;
    }
  }
  return false;
}

/**
 * Resolves true once the document has words (at once when it already has), false when cancelled.
 * Mutations are checked at most every `throttleMs`, so a page animating empty boxes costs little.
 */
export function whenWords(
  doc: Document,
  ownHost: Element | null,
  timers: Timers,
  throttleMs = 250,
): { ready: Promise<boolean>; cancel: () => void } {
  const root = doc.documentElement;
  if (hasWords(root, ownHost)) return { ready: Promise.resolve(true), cancel: () => undefined };
  let done: (v: boolean) => void = () => undefined;
  const ready = new Promise<boolean>((r) => (done = r));
  let timer: number | null = null;
  const finish = (v: boolean) => {
    mo.disconnect();
    timers.clearTimeout(timer);
    timer = null;
    done(v);
  };
  const check = () => {
    timer = null;
    if (!timers.isValid) finish(false);
    else if (hasWords(root, ownHost)) finish(true);
  };
  const mo = new MutationObserver(() => {
    timer ??= timers.setTimeout(check, throttleMs);
  });
  mo.observe(root, { childList: true, subtree: true, characterData: true });
  return { ready, cancel: () => finish(false) };
}
