/**
 * What the extension pages (popup, side panel, options) need from the browser, as one injectable
 * object: components never touch `browser.*` directly, so every state is testable with a fake.
 */
import type { Reply, Request, RequestOf, ResponseMap } from '@/lib/messaging/protocol';
import type { PageRequest, PageResponseMap } from '@/lib/messaging/page-protocol';
import type { Settings } from '@/lib/settings/schema';

export type Send = <K extends Request['type']>(req: RequestOf<K>) => Promise<Reply<ResponseMap[K]>>;
export type PageRequestOf<K extends PageRequest['type']> = Extract<PageRequest, { type: K }>;

export interface TabBridge {
  /** Id of the tab the page acts on: `?tab=<id>` when given (tests), else the active tab. */
  target(): Promise<number | null>;
  /** Message the tab's content script; null when none answers (chrome:// pages, PDF viewer, store). */
  send<K extends PageRequest['type']>(tabId: number, req: PageRequestOf<K>): Promise<PageResponseMap[K] | null>;
  /** Called when the active tab changes or finishes loading; returns the unsubscribe function. */
  onChange(cb: () => void): () => void;
}

/** The popup's and options page's ways into the PDF reader. */
export interface PdfWays {
  /** The tab's URL when the browser shows it to us: after the toolbar click (activeTab) or with host access. */
  tabUrl(tabId: number): Promise<string | null>;
  /**
   * Shows `fileUrl` in the reader in tab `tabId`, at `page`, asking for access to the file's origin on
   * the way (the reader fetches the file itself). Call it synchronously from the user's click.
   */
  openInReader(tabId: number, fileUrl: string, page: number): Promise<void>;
  /** Asks for the host access the "Open PDF links in the reader" redirect needs (from the user's click). */
  requestRedirectAccess(): Promise<boolean>;
}

export interface PagesApi {
  send: Send;
  tabs: TabBridge;
  /** Live settings changes from any context (options page, card's "I know this term"). */
  watchSettings(cb: (s: Settings) => void): () => void;
  openDemo(): void;
  /** Open the side panel (Chrome sidePanel / Firefox sidebar); absent where the browser has neither. */
  openSidePanel?: (tabId: number | null) => void;
  /** Absent in hosts without the reader (tests that do not need it). */
  pdf?: PdfWays;
  /** The keyboard shortcuts as bound in the browser (./shortcuts.ts); absent in hosts without commands. */
  shortcuts?: () => Promise<Record<string, string>>;
  /** Offer a file for download (options export). */
  download(filename: string, text: string, mime: string): void;
}
