// Bundle boundary: what each shipped entrypoint may pull in. Two views, both must pass.
//
// 1. The module graph esbuild resolves from each entrypoint: the same `@/` paths as WXT (through
//    tsconfig.json), type-only imports dropped as Vite drops them, node_modules followed. No entrypoint
//    may reach lib/pipeline/ (Node-only build code), a Node builtin, or a Node-only/dev package; the
//    content script may not reach the background's search code either (it would be parsed on every
//    page of every tab for nothing).
// 2. The text WXT emitted into .output/<target>: the graph is of sources, so the shipped files are also
//    searched for markers that survive minification (error strings of the modules that must stay out of
//    the content script, Node import specifiers). Each background marker must also be FOUND in the
//    background bundle, so a marker the build stops emitting fails here instead of passing vacuously.
//
// Run alone: `node tests/boundary/check.mjs` (after `npm run build`); tests/run-all.mjs runs it after the
// build, and tests/unit/boundary/check.test.ts shows each rule failing on a fixture.
import { builtinModules } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const TARGETS = ['chrome-mv3', 'firefox-mv3'];

/** Entrypoint names WXT builds from entrypoints/; finding fewer means discovery broke, not that all is well. */
export const EXPECTED_ENTRIES = ['background', 'content', 'demo', 'options', 'popup', 'sidepanel'];

/** Repo paths (prefixes) no shipped bundle may contain: Node-only build code and CLIs. */
export const NODE_ONLY_PATHS = ['lib/pipeline/'];
/** Repo paths (prefixes) and packages the content script may not contain: the background's search code. */
export const BACKGROUND_ONLY_PATHS = ['lib/background/', 'lib/kb/compact-index.ts', 'lib/match/compile.ts'];
export const BACKGROUND_ONLY_PACKAGES = ['minisearch'];
// devDependencies that run inside the extension: WXT's runtime helpers (storage, browser shim).
const RUNTIME_DEV_PACKAGES = new Set(['wxt', '@wxt-dev/webextension-polyfill', 'webextension-polyfill']);

/**
 * Packages no shipped bundle may contain: every devDependency except WXT's runtime helpers, plus the
 * Node-only packages that reach the tree only through other packages or overrides (linkedom parses HTML
 * for the pipeline's Node side).
 */
export function nodeOnlyPackages(root = ROOT) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const dev = Object.keys(pkg.devDependencies ?? {}).filter((p) => !RUNTIME_DEV_PACKAGES.has(p));
  return [...new Set([...dev, 'linkedom', 'tsx', 'esbuild', 'vite', 'rolldown', 'typescript'])].sort();
}

/**
 * Strings that survive minification, one per background-only module: present in background.js (checked),
 * so absent from content.js means the module is absent.
 */
export const BACKGROUND_MARKERS = [
  { text: 'MiniSearch: duplicate ID', from: 'minisearch' },
  { text: 'compact index: malformed header', from: 'lib/kb/compact-index.ts' },
  { text: 'missing or invalid id', from: 'lib/match/compile.ts' },
  { text: 'packaged knowledge base is invalid', from: 'lib/background/state.ts' },
];
/** Text no shipped file may contain: a Node builtin import, or Vite's stub for one it had to drop. */
export const NODE_MARKERS = [
  { re: /["'`]node:[a-z_/]+["'`]/, what: 'a node: import specifier' },
  { re: /__vite-browser-external/, what: "Vite's stub for a Node builtin" },
  {
    re: /\brequire\(\s*["'`](?:fs|path|os|child_process|url|module|crypto)["'`]\s*\)/,
    what: 'a CommonJS Node builtin',
  },
];

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const isBuiltin = (spec) => spec.startsWith('node:') || BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0]);

/**
 * Bundles the build makes outside entrypoints/ that run as content script: the card UI, imported by
 * the content script on first use (lib/pipeline/card-ui-bundle.ts). Its entry module, and its emitted file.
 */
export const CONTENT_BUNDLES = [{ name: 'card-ui', entry: 'lib/content/card-ui-module.ts', emitted: 'card-ui.js' }];

/** A content-script entrypoint, by WXT's naming (content.ts, <name>.content.ts, content/index.ts). */
export const isContentEntry = (name) => name === 'content' || name.endsWith('.content');

/** Every entrypoint under entrypoints/: name and the module its script starts from. */
export function discoverEntries(root = ROOT) {
  const dir = path.join(root, 'entrypoints');
  const out = [];
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, d.name);
    if (d.isFile() && /\.[cm]?[jt]sx?$/.test(d.name)) {
      out.push({ name: d.name.replace(/\.[^.]+$/, ''), file: full });
    } else if (d.isDirectory()) {
      const index = ['index.ts', 'index.tsx', 'index.js'].map((f) => path.join(full, f)).find((f) => fs.existsSync(f));
      const html = path.join(full, 'index.html');
      if (index) out.push({ name: d.name, file: index });
      else if (fs.existsSync(html)) {
        // An HTML page ships what its module scripts import.
        const srcs = [...fs.readFileSync(html, 'utf8').matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
        for (const src of srcs) out.push({ name: d.name, file: path.resolve(full, src) });
      }
    }
  }
  return out.map((e) => ({ ...e, content: isContentEntry(e.name) })).sort((a, b) => a.name.localeCompare(b.name));
}

/** A metafile input path as a repo path, or node_modules/<package>/… for packages (symlinks resolved away). */
function repoPath(root, input) {
  const abs = path.resolve(root, input).split(path.sep).join('/');
  const nm = abs.lastIndexOf('/node_modules/');
  if (nm >= 0) return abs.slice(nm + 1);
  return path.relative(root, abs).split(path.sep).join('/');
}
const packageOf = (p) => /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(p)?.[1] ?? null;

/**
 * The modules bundled from `file`: { modules: repo paths, builtins: Node builtins imported, errors }.
 * Builtins are kept out of the bundle and recorded, so one such import is reported rather than
 * failing the whole resolution.
 */
export async function entryGraph(file, root = ROOT) {
  const builtins = new Set();
  const recordBuiltins = {
    name: 'record-node-builtins',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (a) => {
        if (a.kind === 'entry-point' || !isBuiltin(a.path)) return undefined;
        builtins.add(`${a.path} (from ${repoPath(root, a.importer)})`);
        return { path: a.path, external: true };
      });
    },
  };
  // Vite's `?url` imports (the PDF reader's pdf.js worker) give a URL string: the file is emitted as an
  // asset of its own, which the built-files check below reads like every other script.
  const viteUrl = {
    name: 'vite-url-imports',
    setup(b) {
      b.onResolve({ filter: /\?url$/ }, (a) => ({ path: a.path, namespace: 'vite-url' }));
      b.onLoad({ filter: /.*/, namespace: 'vite-url' }, () => ({ contents: 'export default "";', loader: 'js' }));
    },
  };
  try {
    const r = await esbuild.build({
      entryPoints: [file],
      absWorkingDir: root,
      bundle: true,
      write: false,
      metafile: true,
      outdir: path.join(root, '.output/boundary'),
      platform: 'browser',
      format: 'esm',
      logLevel: 'silent',
      loader: { '.css': 'empty', '.svg': 'empty', '.png': 'empty' },
      plugins: [viteUrl, recordBuiltins],
    });
    const modules = Object.keys(r.metafile.inputs).map((i) => repoPath(root, i));
    return { modules: [...new Set(modules)].sort(), builtins: [...builtins].sort(), errors: [] };
  } catch (e) {
    const errors = (e.errors ?? [{ text: String(e.message ?? e) }]).map(
      (x) => `${x.text}${x.location ? ` (${x.location.file}:${x.location.line})` : ''}`,
    );
    return { modules: [], builtins: [...builtins].sort(), errors };
  }
}

/**
 * What is wrong with one entrypoint's graph, as readable lines (empty when nothing is): one line per
 * offending repo module, package or builtin (a package or builtin names its first importer/module and a count).
 */
export function graphViolations(graph, { content, nodeOnly = nodeOnlyPackages() }) {
  const problems = graph.errors.map((e) => `does not resolve: ${e}`);
  const grouped = (lines) => {
    const first = new Map();
    const count = new Map();
    for (const [key, detail] of lines) {
      if (!first.has(key)) first.set(key, detail);
      count.set(key, (count.get(key) ?? 0) + 1);
    }
    return [...first].map(([key, detail]) => [
      key,
      count.get(key) > 1 ? `${detail} and ${count.get(key) - 1} more` : detail,
    ]);
  };
  const builtins = graph.builtins.map((b) => /^(\S+) \(from (.*)\)$/.exec(b)?.slice(1) ?? [b, '?']);
  for (const [b, from] of grouped(builtins)) problems.push(`imports the Node builtin ${b} (from ${from})`);
  const bad = [];
  for (const m of graph.modules) {
    const pkg = packageOf(m);
    if (pkg && nodeOnly.includes(pkg)) bad.push([`the Node-only/dev package ${pkg}`, m]);
    if (!pkg && NODE_ONLY_PATHS.some((p) => m.startsWith(p))) problems.push(`contains Node-only build code ${m}`);
    if (!content) continue;
    if (pkg && BACKGROUND_ONLY_PACKAGES.includes(pkg)) bad.push([`the background's ${pkg}`, m]);
    if (!pkg && BACKGROUND_ONLY_PATHS.some((p) => m.startsWith(p))) problems.push(`contains background code ${m}`);
  }
  for (const [what, m] of grouped(bad)) problems.push(`contains ${what} (${m})`);
  return problems;
}

/** What is wrong with one emitted file's text (`content`: it is a content script). */
export function textViolations(text, { content }) {
  const problems = NODE_MARKERS.filter((m) => m.re.test(text)).map((m) => `contains ${m.what}: ${m.re.exec(text)[0]}`);
  if (content) {
    for (const m of BACKGROUND_MARKERS)
      if (text.includes(m.text)) problems.push(`contains "${m.text}", i.e. ${m.from} (background only)`);
  }
  return problems;
}

const jsFiles = (dir) =>
  fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => /\.m?js$/.test(f))
    .map((f) => f.split(path.sep).join('/'))
    .sort();

/**
 * Every check, as { name, problems } (passed when problems is empty). `targets`: the WXT output
 * directories under .output/ to read; a missing one is a failure (the check runs after the build).
 */
export async function checkBoundary({ root = ROOT, targets = TARGETS } = {}) {
  const results = [];
  const entries = discoverEntries(root);
  const names = [...new Set(entries.map((e) => e.name))];
  results.push({
    name: 'entrypoints found',
    problems: EXPECTED_ENTRIES.filter((n) => !names.includes(n)).map((n) => `no entrypoint "${n}" under entrypoints/`),
  });
  const nodeOnly = nodeOnlyPackages(root);
  const bundles = CONTENT_BUNDLES.map((b) => ({ name: b.name, file: path.join(root, b.entry), content: true }));
  for (const e of [...entries, ...bundles.filter((b) => fs.existsSync(b.file))]) {
    const graph = await entryGraph(e.file);
    const problems = graphViolations(graph, { content: e.content, nodeOnly });
    if (!graph.errors.length && !graph.modules.length) problems.push('resolved to no modules');
    results.push({ name: `graph of ${path.relative(root, e.file)}`, problems });
  }
  for (const t of targets) {
    const dir = path.join(root, '.output', t);
    if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
      results.push({ name: `.output/${t}`, problems: [`no build at .output/${t}: run npm run build`] });
      continue;
    }
    const files = jsFiles(dir);
    const read = (f) => fs.readFileSync(path.join(dir, f), 'utf8');
    const isContent = (f) => f.startsWith('content-scripts/') || CONTENT_BUNDLES.some((b) => b.emitted === f);
    results.push({
      name: `.output/${t} has a background and a content script`,
      problems: ['background.js', 'content-scripts/content.js']
        .filter((f) => !files.includes(f))
        .map((f) => `missing ${f}`),
    });
    results.push({
      name: `.output/${t}: no Node code in any of ${files.length} scripts`,
      problems: files.flatMap((f) => textViolations(read(f), { content: false }).map((p) => `${f} ${p}`)),
    });
    results.push({
      name: `.output/${t}: content scripts free of the background's search code`,
      problems: files
        .filter(isContent)
        .flatMap((f) => textViolations(read(f), { content: true }).map((p) => `${f} ${p}`)),
    });
    const bg = files.includes('background.js') ? read('background.js') : '';
    results.push({
      name: `.output/${t}/background.js carries every background marker`,
      problems: BACKGROUND_MARKERS.filter((m) => !bg.includes(m.text)).map(
        (m) => `"${m.text}" (${m.from}) not found: pick a marker the build keeps`,
      ),
    });
  }
  return results;
}

/** Prints one line per check (problems indented under a failure); returns { passed, failed }. */
export function report(results, log = console.log) {
  let passed = 0,
    failed = 0;
  for (const r of results) {
    if (r.problems.length) {
      failed++;
      log(`✗ boundary: ${r.name}`);
      for (const p of r.problems) log(`    ${p}`);
    } else {
      passed++;
      log(`✓ boundary: ${r.name}`);
    }
  }
  return { passed, failed };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { passed, failed } = report(await checkBoundary());
  console.log(`boundary: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
