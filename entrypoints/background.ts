import { handleMessage } from '@/lib/background/handler';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((msg: unknown, sender) => {
    // Answer only our own extension pages and content scripts.
    if (sender.id !== browser.runtime.id) return undefined;
    return handleMessage(msg);
  });
});
