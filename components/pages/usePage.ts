/** The target tab's content-script state (terms found, URL), refreshed on tab changes. */
import { useEffect, useState } from 'preact/hooks';
import type { PageTermsReply } from '@/lib/messaging/page-protocol';
import type { TabBridge } from '@/lib/pages/api';
import { useRequestEffect } from './hooks';

export type PageState =
  | { status: 'loading' }
  /** No tab, or no content script answered (browser pages, extension store, PDF viewer). */
  | { status: 'unavailable' }
  | { status: 'ready'; tabId: number; page: PageTermsReply };

export function usePage(tabs: TabBridge): { state: PageState; refresh(): void } {
  const [state, setState] = useState<PageState>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => tabs.onChange(() => setTick((t) => t + 1)), [tabs]);
  useRequestEffect(
    (current) => {
      void (async () => {
        const id = await tabs.target();
        const page = id === null ? null : await tabs.send(id, { type: 'pageTerms' });
        if (!current()) return;
        setState(id !== null && page ? { status: 'ready', tabId: id, page } : { status: 'unavailable' });
      })();
    },
    // `tick` counts tab changes and Refresh clicks: each asks the tab again.
    [tabs, tick],
  );
  return { state, refresh: () => setTick((t) => t + 1) };
}
