import { createBackground, setBackground } from '@/lib/background/handler';
import { isTrustedSender } from '@/lib/messaging/protocol';
import { compileMatcher } from '@/lib/match/compile';

// The packaged data files written by lib/build/package.ts at build time.
const getJson = (path: string) => fetch(browser.runtime.getURL(path as '/')).then((r) => {
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return r.json();
});

export default defineBackground(() => {
  const bg = createBackground({
    loadPackage: async () => {
      const [bundle, glossary, matcher] = await Promise.all([getJson('kb/bundle.json'), getJson('kb/glossary.json'), getJson('kb/matcher.json')]);
      return { bundle, glossary, matcher };
    },
    compile: (entries) => compileMatcher(entries),
    // A version change seen on wake re-runs an install that a killed worker left unfinished.
    packageVersion: browser.runtime.getManifest().version,
    log: (level, event, detail) => console[level === 'info' ? 'log' : level]('[migration-lens]', event, detail ?? ''),
  });
  setBackground(bg);
  // Listeners are registered synchronously: an MV3 worker woken by a message must find them.
  browser.runtime.onInstalled.addListener(() => { void bg.install(); });
  browser.runtime.onMessage.addListener((msg: unknown, sender) =>
    isTrustedSender(sender, browser.runtime.id) ? bg.handleMessage(msg) : undefined);
});
