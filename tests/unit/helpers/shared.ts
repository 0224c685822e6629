/**
 * Test data kept next to the repository in ../shared (real saved pages), read in place and never
 * copied in. Absent under CI (`process.env.CI`) it is a failure; absent elsewhere, the tests that need
 * it appear as one skipped test naming the path they wanted.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { it } from 'vitest';

export const REPO_ROOT = resolve(__dirname, '../../..');

export const sharedPath = (rel: string) => resolve(REPO_ROOT, '../shared', rel);

/**
 * ../shared/<rel> when it exists. Otherwise registers one test (failing under CI, skipped with the
 * path elsewhere) in the current suite and returns null, so the caller declares nothing else.
 */
export function sharedDir(rel: string): string | null {
  const dir = sharedPath(rel);
  if (existsSync(dir)) return dir;
  it(`needs ${dir}`, (ctx) => {
    if (process.env.CI) throw new Error(`${dir} is missing: CI must provide ../shared/${rel} next to the repository`);
    ctx.skip(`${dir} is absent`);
  });
  return null;
}
