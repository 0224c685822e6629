/** The card UI bundle's file in the extension package (lib/pipeline/card-ui-bundle.ts builds it). */
export const CARD_UI_FILE = 'card-ui.js';
