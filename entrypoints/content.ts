import { startContentApp } from '@/lib/content/app';
import { browserPorts } from '@/lib/content/ports';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_idle',
  main() {
    startContentApp(browserPorts());
  },
});
