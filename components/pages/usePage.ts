/** The target tab's content-script state (terms found, URL), refreshed on tab changes. */
import { useEffect, useState } from 'preact/hooks';
import type { PageTermsReply } from '@/lib/messaging/page-protocol';
import type { TabBridge } from './api';

export type PageState =
  | { status: 'loading' }
  /** No tab, or no content script answered (browser pages, extension store, PDF viewer). */
  | { status: 'unavailable' }
  | { status: 'ready'; tabId: number; page: PageTermsReply };

export function usePage(tabs: TabBridge): { state: PageState; refresh(): void } {
  const [state, setState] = useState<PageState>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => tabs.onChange(() => setTick((t) => t + 1)), []);
  useEffect(() => {
    let live = true;
    void (async () => {
      const id = await tabs.target();
      const page = id === null ? null : await tabs.send(id, { type: 'pageTerms' });
      if (!live) return;
      setState(id !== null && page ? { status: 'ready', tabId: id, page } : { status: 'unavailable' });
    })();
    return () => {
      live = false;
    };
  }, [tick]);
  return { state, refresh: () => setTick((t) => t + 1) };
}
