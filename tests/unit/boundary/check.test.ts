// @vitest-environment node
/**
 * The bundle boundary check (tests/boundary/check.mjs) on the real entrypoints and on fixtures that break
 * each rule, so a passing run of the real check means something. tests/run-all.mjs runs the same check
 * over the built .output after `npm run build`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BACKGROUND_MARKERS,
  ROOT,
  checkBoundary,
  discoverEntries,
  entryGraph,
  graphViolations,
  textViolations,
} from '../../boundary/check.mjs';

const FIX = path.join(ROOT, 'tests/fixtures/boundary');
const violations = async (file: string, content: boolean) =>
  graphViolations(await entryGraph(path.join(FIX, file), ROOT), { content });

describe('source graph of the real entrypoints', () => {
  const entries = discoverEntries(ROOT);

  it('finds the seven entrypoints, the content script flagged as content', () => {
    expect([...new Set(entries.map((e) => e.name))]).toEqual([
      'background',
      'content',
      'demo',
      'options',
      'popup',
      'reader',
      'sidepanel',
    ]);
    expect(entries.filter((e) => e.content).map((e) => e.name)).toEqual(['content']);
  });

  it.each(entries.map((e) => [e.name, e] as const))('%s stays inside its boundary', async (_, e) => {
    const graph = await entryGraph(e.file, ROOT);
    expect(graph.errors).toEqual([]);
    expect(graph.modules.length).toBeGreaterThan(1);
    expect(graphViolations(graph, { content: e.content })).toEqual([]);
  });

  it('the graph is the real one: the background reaches MiniSearch and the matcher compiler, content does not', async () => {
    const bg = await entryGraph(path.join(ROOT, 'entrypoints/background.ts'), ROOT);
    const content = await entryGraph(path.join(ROOT, 'entrypoints/content.ts'), ROOT);
    expect(bg.modules.some((m) => m.startsWith('node_modules/minisearch/'))).toBe(true);
    expect(bg.modules).toContain('lib/match/compile.ts');
    expect(content.modules).toContain('lib/match/matcher.ts');
    expect(content.modules.some((m) => m.startsWith('node_modules/minisearch/'))).toBe(false);
  });
});

describe('source graph rules fail on fixtures that break them', () => {
  it('an entrypoint importing node:fs', async () => {
    expect(await violations('node-fs.ts', false)).toEqual([
      'imports the Node builtin node:fs (from tests/fixtures/boundary/node-fs.ts)',
    ]);
  });

  it('an entrypoint importing lib/pipeline/ (and through it happy-dom)', async () => {
    const v = await violations('pipeline.ts', false);
    expect(v).toContain('contains Node-only build code lib/pipeline/text/html-node.ts');
    expect(v.some((p) => p.startsWith('contains the Node-only/dev package happy-dom'))).toBe(true);
  });

  it('a content script importing the background search index (and through it MiniSearch)', async () => {
    const v = await violations('content-search.ts', true);
    expect(v).toContain('contains background code lib/background/search-index.ts');
    expect(v).toContain('contains background code lib/kb/compact-index.ts');
    expect(v.some((p) => p.startsWith("contains the background's minisearch"))).toBe(true);
    // The same module is fine in a non-content entrypoint.
    expect(await violations('content-search.ts', false)).toEqual([]);
  });

  it('the matcher alone passes as a content script', async () => {
    expect(await violations('clean.ts', true)).toEqual([]);
  });

  it('checkBoundary over a fixture app reports each broken entrypoint by file', async () => {
    const results = await checkBoundary({ root: path.join(FIX, 'app'), targets: [] });
    // Modules are named from the repository root, wherever the entrypoints live.
    const byName = Object.fromEntries(results.map((r) => [r.name, r.problems]));
    expect(byName['entrypoints found']).toEqual([
      'no entrypoint "demo" under entrypoints/',
      'no entrypoint "popup" under entrypoints/',
      'no entrypoint "sidepanel" under entrypoints/',
    ]);
    expect(byName['graph of entrypoints/content.ts']).toContain(
      'contains background code lib/background/search-index.ts',
    );
    expect(byName['graph of entrypoints/background.ts']).toContain(
      'contains Node-only build code lib/pipeline/package.ts',
    );
    expect(byName['graph of entrypoints/options/main.ts']).toEqual([
      'imports the Node builtin node:path (from tests/fixtures/boundary/app/entrypoints/options/main.ts)',
    ]);
  });
});

describe('emitted-text rules', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ml-boundary-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('flag Node imports anywhere and background markers in content scripts only', () => {
    expect(textViolations('import{readFileSync as r}from"node:fs";r("x")', { content: false })).toEqual([
      'contains a node: import specifier: "node:fs"',
    ]);
    expect(textViolations('import"/__vite-browser-external"', { content: false })).toHaveLength(1);
    expect(textViolations('const f=require("fs")', { content: false })).toHaveLength(1);
    const bg = BACKGROUND_MARKERS.map((m) => `throw Error("${m.text}")`).join(';');
    expect(textViolations(bg, { content: false })).toEqual([]);
    expect(textViolations(bg, { content: true })).toHaveLength(BACKGROUND_MARKERS.length);
    // Object keys named node are not imports.
    expect(textViolations('return{node:e,offset:t}', { content: true })).toEqual([]);
  });

  it('checkBoundary over a fake .output fails on a content script carrying MiniSearch and a missing marker', async () => {
    fs.mkdirSync(path.join(tmp, 'entrypoints'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'package.json'), '{}');
    fs.writeFileSync(path.join(tmp, 'entrypoints/background.ts'), 'export {};\n');
    const out = path.join(tmp, '.output/chrome-mv3');
    fs.mkdirSync(path.join(out, 'content-scripts'), { recursive: true });
    fs.writeFileSync(path.join(out, 'manifest.json'), '{}');
    const markers = BACKGROUND_MARKERS.slice(1).map((m) => `"${m.text}"`);
    fs.writeFileSync(path.join(out, 'background.js'), `const m=[${markers.join(',')}];`);
    fs.writeFileSync(path.join(out, 'content-scripts/content.js'), 'throw new Error("MiniSearch: duplicate ID 3")');
    // The card UI bundle runs as content script too (lib/content/card-ui.ts).
    fs.writeFileSync(path.join(out, 'card-ui.js'), 'throw new Error("compact index: malformed header")');
    const results = await checkBoundary({ root: tmp, targets: ['chrome-mv3', 'firefox-mv3'] });
    const byName = Object.fromEntries(results.map((r) => [r.name, r.problems]));
    expect(byName[".output/chrome-mv3: content scripts free of the background's search code"]).toEqual([
      'card-ui.js contains "compact index: malformed header", i.e. lib/kb/compact-index.ts (background only)',
      'content-scripts/content.js contains "MiniSearch: duplicate ID", i.e. minisearch (background only)',
    ]);
    expect(byName['.output/chrome-mv3/background.js carries every background marker']).toEqual([
      '"MiniSearch: duplicate ID" (minisearch) not found: pick a marker the build keeps',
    ]);
    expect(byName['.output/firefox-mv3']).toEqual(['no build at .output/firefox-mv3: run npm run build']);
    expect(byName['.output/chrome-mv3: no Node code in any of 3 scripts']).toEqual([]);
  });
});
