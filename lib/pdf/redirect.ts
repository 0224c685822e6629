/**
 * The declarativeNetRequest rules behind the "Open PDF links in the reader" option. Pure: the
 * background (their one writer, lib/background/pdf-ways.ts) passes the reader's full URL in.
 */
import { NATIVE_PARAM } from './detect';

export const PDF_REDIRECT_RULE_ID = 1001;
export const PDF_NATIVE_RULE_ID = 1002;
export const PDF_RULE_IDS = [PDF_REDIRECT_RULE_ID, PDF_NATIVE_RULE_ID];

/** Host access the redirect needs: DNR only redirects requests to hosts the extension may access. */
export const PDF_REDIRECT_ORIGINS = ['http://*/*', 'https://*/*'];

/**
 * A top-level http(s) address whose path ends in .pdf, query and fragment allowed. Chromium matches
 * rules against the navigation's URL with its fragment (a rule ending at the query never fired on
 * `a.pdf#page=2`, tests/e2e/cases/63-pdf-redirect.mjs), so the fragment is part of the match, and `\0`
 * carries it into the reader's own address, where `#page=` is read.
 */
export const PDF_URL_REGEX = '^https?://[^?#]*\\.[pP][dD][fF](?:\\?[^#]*)?(?:#.*)?$';

/** Shape of the two rules (a subset of the DNR Rule type both browsers accept). */
export interface PdfRule {
  id: number;
  priority: number;
  action: { type: 'allow' } | { type: 'redirect'; redirect: { regexSubstitution: string } };
  condition: { regexFilter: string; resourceTypes: ['main_frame']; isUrlFilterCaseSensitive?: boolean };
}

/**
 * Two rules: a redirect of top-level navigations to a .pdf URL into `readerPageUrl?file=<URL>`, and
 * a higher-priority allow rule for URLs carrying the `ml-native=1` marker (the reader's "Open in the
 * browser's own viewer" link), so that link is not bounced back into the reader.
 */
export function pdfRedirectRules(readerPageUrl: string): PdfRule[] {
  return [
    {
      id: PDF_REDIRECT_RULE_ID,
      priority: 1,
      action: { type: 'redirect', redirect: { regexSubstitution: `${readerPageUrl}?file=\\0` } },
      condition: { regexFilter: PDF_URL_REGEX, resourceTypes: ['main_frame'] },
    },
    {
      id: PDF_NATIVE_RULE_ID,
      priority: 2,
      action: { type: 'allow' },
      condition: { regexFilter: `[?&]${NATIVE_PARAM}=1(?:[&#]|$)`, resourceTypes: ['main_frame'] },
    },
  ];
}
