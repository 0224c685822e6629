/**
 * Knowledge-base size/speed metrics: `npx tsx tests/bench/kb-size.ts [root]`.
 * Relative imports only: tsx runs this file directly.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { buildKnowledgeBase, canonicalJson, serializeBundle } from '../../lib/pipeline/kb/build';
import { loadIndex } from '../../lib/kb/search-options';

export interface KbBench {
  /** Bytes of the serialised MiniSearch index (UTF-8). */
  kb_index_bytes: number;
  /** Full build: parse all sources + build index + hash. */
  kb_build_ms: number;
  /** Loading the serialised index with the shared options (as the background worker does). */
  kb_index_load_ms: number;
  /** Bytes of the whole serialised bundle (UTF-8). */
  kb_bundle_bytes: number;
}

export async function benchKb(root: string): Promise<KbBench> {
  const t0 = performance.now();
  const bundle = buildKnowledgeBase(root);
  const kb_build_ms = performance.now() - t0;
  const indexJson = canonicalJson(bundle.index);
  const t1 = performance.now();
  loadIndex(indexJson);
  const kb_index_load_ms = performance.now() - t1;
  return {
    kb_index_bytes: Buffer.byteLength(indexJson, 'utf8'),
    kb_build_ms: Math.round(kb_build_ms),
    kb_index_load_ms: Math.round(kb_index_load_ms * 10) / 10,
    kb_bundle_bytes: Buffer.byteLength(serializeBundle(bundle), 'utf8'),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchKb(resolve(process.argv[2] ?? process.cwd())).then(
    (r) => console.log(JSON.stringify(r)),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
