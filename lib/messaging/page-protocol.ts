/**
 * Messages from extension pages (popup, side panel) and the background TO a tab's content script,
 * sent with browser.tabs.sendMessage. Validated on receipt like the background protocol.
 */

export type PageRequest =
  /** Terms found on the page, with counts. */
  | { type: 'pageTerms' }
  /** Scroll to and flash occurrence `index` (default: the next one) of a term; `open` also opens its card. */
  | { type: 'jumpTo'; termId: string; index?: number; open?: boolean }
  /** Keyboard command: focus the next (1) or previous (-1) underlined term in reading order, open its card. */
  | { type: 'stepTerm'; dir: 1 | -1 }
  /** Trainer mode: highlight every occurrence of one term (null clears). */
  | { type: 'focusTerm'; termId: string | null }
  /** Keyboard command: explain the term at the current selection or caret. */
  | { type: 'explainSelection' };

export interface PageTermCount {
  id: string;
  category: string;
  count: number;
}

export interface PageTermsReply {
  url: string;
  /** false when the extension is off for this site (or globally). */
  active: boolean;
  terms: PageTermCount[];
  total: number;
  /** Set when the content script could not get the matcher from the background. */
  error?: string;
}

export interface JumpReply {
  index: number;
  count: number;
  /** The PDF reader: the 1-based PDF page the occurrence is on. */
  page?: number;
}

export interface PageResponseMap {
  pageTerms: PageTermsReply;
  jumpTo: JumpReply | null;
  focusTerm: { count: number };
  explainSelection: { termId: string | null };
  stepTerm: { termId: string | null; index: number; count: number };
}

export function parsePageRequest(msg: unknown): PageRequest | null {
  if (!msg || typeof msg !== 'object') return null;
  const m = msg as Record<string, unknown>;
  const id = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= 200;
  switch (m.type) {
    case 'pageTerms':
    case 'explainSelection':
      return { type: m.type };
    case 'jumpTo':
      if (!id(m.termId)) return null;
      if (m.index !== undefined && !(Number.isInteger(m.index) && (m.index as number) >= 0)) return null;
      if (m.open !== undefined && typeof m.open !== 'boolean') return null;
      return {
        type: 'jumpTo',
        termId: m.termId as string,
        index: m.index as number | undefined,
        ...(m.open ? { open: true } : {}),
      };
    case 'stepTerm':
      return m.dir === 1 || m.dir === -1 ? { type: 'stepTerm', dir: m.dir } : null;
    case 'focusTerm':
      if (m.termId !== null && !id(m.termId)) return null;
      return { type: 'focusTerm', termId: m.termId as string | null };
    default:
      return null;
  }
}

/**
 * The same page requests to an extension page that hosts the content app in a tab (the PDF reader):
 * tabs.sendMessage reaches only content scripts, so these go out with runtime.sendMessage, wrapped with
 * the target tab's id; only the page showing in that tab answers, and the background ignores them.
 */
export interface ExtensionPageEnvelope {
  type: 'toExtensionPage';
  tabId: number;
  req: PageRequest;
}

export function toExtensionPage(tabId: number, req: PageRequest): ExtensionPageEnvelope {
  return { type: 'toExtensionPage', tabId, req };
}

export function isExtensionPageEnvelope(msg: unknown): boolean {
  return !!msg && typeof msg === 'object' && (msg as { type?: unknown }).type === 'toExtensionPage';
}

/** The tab id and the validated request of an envelope, or null. */
export function parseExtensionPageEnvelope(msg: unknown): { tabId: number; req: PageRequest } | null {
  if (!isExtensionPageEnvelope(msg)) return null;
  const m = msg as { tabId?: unknown; req?: unknown };
  const req = parsePageRequest(m.req);
  return Number.isInteger(m.tabId) && req ? { tabId: m.tabId as number, req } : null;
}
