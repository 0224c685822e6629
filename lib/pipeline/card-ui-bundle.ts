/**
 * Build-time only (Node): the card UI bundle the content script imports on first use
 * (lib/content/card-ui.ts). One self-contained ES module, Preact included and no shared chunks, under a
 * fixed name; esbuild gives the same bytes for the same sources. Called by the WXT `build:publicAssets`
 * hook (wxt.config.ts), which adds it to the extension like the knowledge base files.
 */
import path from 'node:path';
import { buildSync } from 'esbuild';
import { CARD_UI_FILE } from '../content/card-ui-file';

export { CARD_UI_FILE };

export const CARD_UI_ENTRY = 'lib/content/card-ui-module.ts';

/** The bundle's text. `@/` paths and Preact's JSX come from tsconfig.json, as for the rest of the build. */
export function buildCardUi(root: string): string {
  const r = buildSync({
    absWorkingDir: root,
    entryPoints: [path.join(root, CARD_UI_ENTRY)],
    tsconfig: path.join(root, 'tsconfig.json'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    // Chrome's and Firefox's (140+, wxt.config.ts) content scripts run this as it is.
    target: ['chrome120', 'firefox140'],
    minify: true,
    legalComments: 'none',
    charset: 'ascii',
    write: false,
    logLevel: 'silent',
  });
  const out = r.outputFiles[0];
  if (!out) throw new Error(`${CARD_UI_ENTRY}: esbuild produced no output`);
  return out.text;
}
