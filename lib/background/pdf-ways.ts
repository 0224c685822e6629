/**
 * The background's ways into the PDF reader: the "Open PDF with Migration Lens" link menu item and the
 * redirect rule behind the "Open PDF links in the reader" option. The background is the rule's only
 * writer: it installs or removes it to match the setting and the host access actually granted.
 */
import { hasPdfPath, pdfPageOf, withoutHash } from '../pdf/detect';
import { PDF_REDIRECT_ORIGINS, PDF_RULE_IDS, pdfRedirectRules } from '../pdf/redirect';
import { readerUrl } from '../reader/url';

export const PDF_MENU_ID = 'ml-open-pdf';

/** Full URL of the reader on `fileUrl` at the page its fragment names. */
export function readerTabUrl(fileUrl: string): string {
  return browser.runtime.getURL(readerUrl(withoutHash(fileUrl), pdfPageOf(fileUrl)) as '/');
}

/**
 * What the menu item does: asks for the link's origin (the reader fetches the file itself, and a menu
 * click is a user action, so the browser may show its prompt here), then opens the reader next to the
 * tab the link was in. The reader opens even without that access: it explains what is missing.
 */
export async function openPdfLink(linkUrl: string, fromTab?: { id?: number; index?: number }): Promise<string | null> {
  let origin: string;
  try {
    const u = new URL(linkUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    origin = `${u.origin}/*`;
  } catch {
    return null;
  }
  // Called before any await: both browsers accept a permission request only during the user's action.
  const asked = browser.permissions.request({ origins: [origin] }).catch(() => false);
  const url = readerTabUrl(linkUrl);
  await asked;
  await browser.tabs.create({
    url,
    ...(fromTab?.index !== undefined ? { index: fromTab.index + 1 } : {}),
    ...(fromTab?.id !== undefined ? { openerTabId: fromTab.id } : {}),
  });
  return url;
}

/**
 * Creates the link menu item; menus persist, so this runs on install and update, and again when the
 * interface language changes (`title` in that language).
 */
export function createPdfMenu(title: string): void {
  void browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create({
      id: PDF_MENU_ID,
      title,
      contexts: ['link'],
      // Match patterns cannot say "path ends in .pdf" with a query after it; onClicked checks again.
      targetUrlPatterns: ['*://*/*.pdf', '*://*/*.PDF', '*://*/*.pdf?*', '*://*/*.PDF?*'],
    }),
  );
}

/** Whether the link menu's click is one of ours, and the link really names a PDF. */
export function isPdfMenuClick(info: {
  menuItemId: string | number;
  linkUrl?: string;
}): info is { menuItemId: string; linkUrl: string } {
  return info.menuItemId === PDF_MENU_ID && !!info.linkUrl && hasPdfPath(info.linkUrl);
}

/**
 * Makes the dynamic rules match the option: the redirect is installed only when the option is on and
 * the host access it needs is granted (without it the browser would not apply it anyway, and the
 * options page would claim something that does not happen). Returns whether the redirect is active.
 */
export async function syncPdfRedirect(optionOn: boolean): Promise<boolean> {
  const dnr = browser.declarativeNetRequest;
  const granted = optionOn && (await browser.permissions.contains({ origins: PDF_REDIRECT_ORIGINS }));
  const rules = granted ? pdfRedirectRules(browser.runtime.getURL('/reader.html' as '/')) : [];
  // Replacing both ids in one update is atomic and cheap; no need to compare with what is installed.
  await dnr.updateDynamicRules({
    removeRuleIds: PDF_RULE_IDS,
    addRules: rules as unknown as Parameters<typeof dnr.updateDynamicRules>[0]['addRules'],
  });
  return granted;
}
