/** A fake PagesApi for component tests: scripted background replies, a fake tab, recorded calls. */
import { render, type ComponentChild } from 'preact';
import { vi } from 'vitest';
import type { PagesApi } from '@/lib/pages/api';
import type { PageRequest, PageTermsReply } from '@/lib/messaging/page-protocol';
import type { Reply, Request, RequestOf } from '@/lib/messaging/protocol';
import { applySettingsOp } from '@/lib/settings/ops';
import { defaultSettings, type Settings } from '@/lib/settings/schema';

/** A scripted reply per request type; it receives that type's request. */
export type Handlers = { [K in Request['type']]?: (req: RequestOf<K>) => unknown };

export interface Fake {
  api: PagesApi;
  calls: Request[];
  tabCalls: PageRequest[];
  downloads: { filename: string; text: string; mime: string }[];
  /** Fire the tab-change listeners. */
  tabChanged(): void;
  settings: Settings;
  /** Calls to the PDF ways (`api.pdf`), in order. */
  pdfCalls: unknown[][];
}

export function fakeApi(
  opts: {
    handlers?: Handlers;
    page?: PageTermsReply | null | ((req: PageRequest) => unknown);
    tabId?: number | null;
    settings?: Partial<Settings>;
    /** Gives the api its PDF ways: the tab's URL as the browser would show it, and the access answer. */
    pdf?: { tabUrl: string | null; granted?: boolean };
  } = {},
): Fake {
  const calls: Request[] = [];
  const tabCalls: PageRequest[] = [];
  const listeners = new Set<() => void>();
  const fake: Fake = {
    calls,
    tabCalls,
    downloads: [],
    settings: { ...defaultSettings(), ...opts.settings },
    tabChanged: () => listeners.forEach((l) => l()),
    pdfCalls: [],
    api: {
      ...(opts.pdf
        ? {
            pdf: {
              tabUrl: async (tabId: number) => (fake.pdfCalls.push(['tabUrl', tabId]), opts.pdf!.tabUrl),
              openInReader: async (...a: [number, string, number]) => void fake.pdfCalls.push(['openInReader', ...a]),
              requestRedirectAccess: async () => (fake.pdfCalls.push(['requestRedirectAccess']), !!opts.pdf!.granted),
            },
          }
        : {}),
      send: (async (req: Request): Promise<Reply<unknown>> => {
        calls.push(req);
        // Indexed by req.type, so h takes exactly this request's type; TypeScript cannot correlate the two.
        const h = opts.handlers?.[req.type] as ((r: Request) => unknown) | undefined;
        if (req.type === 'settings' && !h) {
          // The real operations on the fake's stored value, as the background applies them.
          if (req.op !== 'get') fake.settings = applySettingsOp(fake.settings, req);
          return { ok: true, data: fake.settings };
        }
        if (!h) return { ok: false, error: `no handler for ${req.type}` };
        try {
          return { ok: true, data: await h(req) };
        } catch (e) {
          return { ok: false, error: (e as Error).message };
        }
      }) as PagesApi['send'],
      tabs: {
        target: async () => (opts.tabId === undefined ? 7 : opts.tabId),
        send: (async (_id: number, req: PageRequest) => {
          tabCalls.push(req);
          const p = opts.page;
          return typeof p === 'function' ? p(req) : req.type === 'pageTerms' ? (p ?? null) : null;
        }) as PagesApi['tabs']['send'],
        onChange: (cb) => {
          listeners.add(cb);
          return () => listeners.delete(cb);
        },
      },
      watchSettings: () => () => undefined,
      openDemo: vi.fn(),
      download: (filename, text, mime) => {
        fake.downloads.push({ filename, text, mime });
      },
    },
  };
  return fake;
}

export function mount(vnode: ComponentChild): HTMLElement {
  document.body.innerHTML = '';
  const el = document.createElement('div');
  document.body.append(el);
  render(vnode, el);
  return el;
}

export const unmount = (el: HTMLElement) => render(null, el);
export const text = (el: Element | null | undefined) => el?.textContent ?? '';
export const $ = (el: ParentNode, sel: string) => el.querySelector(sel) as HTMLElement | null;
export const $$ = (el: ParentNode, sel: string) => [...el.querySelectorAll(sel)] as HTMLElement[];

export function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
export function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}
export function key(el: Element, k: string): void {
  el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
}
export function buttonByText(el: ParentNode, t: string): HTMLButtonElement {
  const b = $$(el, 'button').find((x) => x.textContent?.trim() === t);
  if (!b) throw new Error(`no button "${t}" in: ${(el as Element).textContent?.slice(0, 300)}`);
  return b as HTMLButtonElement;
}
