// Bundles tests/bench/page-entry.ts (PageScanner + the compiled-matcher runtime) into one IIFE string.
import path from 'node:path';
import { build } from 'esbuild';

export async function bundlePageEntry(root) {
  const r = await build({
    entryPoints: [path.join(root, 'tests/bench/page-entry.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    minify: true,
    legalComments: 'none',
    alias: { '@': root },
    logLevel: 'silent',
  });
  return r.outputFiles[0].text;
}
