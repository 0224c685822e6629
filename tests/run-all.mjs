// `npm test`: every test. Unit tests (vitest) then real-browser E2E (Chromium + Firefox), one closing
// line "N passed, N failed" over both, non-zero exit on any failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const out = path.join(root, '.output');
fs.mkdirSync(out, { recursive: true });
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

// The E2E suite loads the built extension; build it when it is missing.
const built = ['chrome-mv3', 'firefox-mv3'].every((d) => fs.existsSync(path.join(out, d, 'manifest.json')));
if (!built) {
  console.log('No build found: running npm run build first.');
  if (run('npm', ['run', 'build']) !== 0) {
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

const unitJson = path.join(out, 'vitest.json');
fs.rmSync(unitJson, { force: true });
run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${unitJson}`]);
let unitPassed = 0,
  unitFailed;
try {
  const r = JSON.parse(fs.readFileSync(unitJson, 'utf8'));
  unitPassed = r.numPassedTests;
  unitFailed = r.numFailedTests;
  // A suite that fails to load has no failed *tests*; still count it.
  if (!r.success && unitFailed === 0) unitFailed = Math.max(1, r.numFailedTestSuites ?? 0);
} catch {
  unitFailed = 1;
  console.error('vitest produced no report');
}

const e2eJson = path.join(out, 'e2e-results.json');
fs.rmSync(e2eJson, { force: true });
run('node', ['tests/e2e/run.mjs', ...process.argv.slice(2)]);
let e2ePassed = 0,
  e2eFailed;
try {
  const r = JSON.parse(fs.readFileSync(e2eJson, 'utf8'));
  e2ePassed = r.passed;
  e2eFailed = r.failed;
} catch {
  e2eFailed = 1;
  console.error('E2E produced no report');
}

const passed = unitPassed + e2ePassed;
const failed = unitFailed + e2eFailed;
console.log(`unit: ${unitPassed} passed, ${unitFailed} failed; e2e: ${e2ePassed} passed, ${e2eFailed} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
