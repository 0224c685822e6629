/**
 * The tag of our element in the page. Its own module because both bundles need it: the content script
 * creates the (empty) element up front, so the scanner can skip it and the page listeners can tell
 * events on a card apart, and the card UI bundle (./card-ui-module.ts) fills it on first use.
 */
export const HOST_TAG = 'migration-lens-host';
