import { startContentApp } from '@/lib/content/app';
import { browserPorts } from '@/lib/content/ports';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_idle',
  // WXT's context ends when the extension is reloaded, updated or removed; the app stops with it.
  main(ctx) {
    startContentApp(ctx, browserPorts());
  },
});
