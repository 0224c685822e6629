// The Debian browsers the E2E suite drives (npm never downloads a browser), and what `npm test` does
// when one is missing: install it through apt-get when it runs as root on a machine that has apt-get,
// otherwise stop before anything else runs, printing the exact command to run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export const BROWSER_PATHS = {
  chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  firefox: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
};
/** What a fresh CI machine gets from apt-get: the two browsers the E2E suite drives, and qpdf. */
export const APT_PACKAGES = ['chromium', 'firefox-esr', 'qpdf'];
export const APT_STEPS = [
  ['apt-get', ['update']],
  ['apt-get', ['install', '-y', ...APT_PACKAGES]],
];
export const INSTALL_COMMAND = `sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y ${APT_PACKAGES.join(' ')}`;

/**
 * What to do about the browsers: 'none' when none is missing, 'install' when installing is possible
 * (root and apt-get), else 'stop'.
 */
export function planBrowsers({ missing, isRoot, hasAptGet }) {
  if (!missing.length) return { action: 'none' };
  if (isRoot && hasAptGet) return { action: 'install' };
  const why = isRoot ? 'apt-get is not available' : 'not running as root';
  return {
    action: 'stop',
    message: [
      `Missing for the E2E suite: ${missing.join(', ')} (${why}, so npm test does not install them).`,
      `Install them with: ${INSTALL_COMMAND}`,
      'or point CHROMIUM_PATH / FIREFOX_PATH at existing binaries, then run npm test again.',
    ],
  };
}

export const systemProbes = {
  exists: (file) => fs.existsSync(file),
  isRoot: () => process.getuid?.() === 0,
  hasAptGet: () => spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0,
  run: (cmd, args, env) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1,
};

/**
 * Makes sure every browser in `paths` (name → executable) exists, installing through apt-get when
 * planBrowsers allows it. Returns 0 when all are there, 1 (after logging why and the command to run)
 * when not. `probes` are injectable so the decision is testable without touching the machine.
 */
export function ensureBrowsers({ paths = BROWSER_PATHS, probes = systemProbes, log = console.log } = {}) {
  const missingNow = () =>
    Object.entries(paths)
      .filter(([, file]) => !probes.exists(file))
      .map(([name, file]) => `${name} (${file})`);
  const missing = missingNow();
  const plan = planBrowsers({
    missing,
    isRoot: missing.length > 0 && probes.isRoot(),
    hasAptGet: missing.length > 0 && probes.hasAptGet(),
  });
  if (plan.action === 'none') return 0;
  if (plan.action === 'stop') {
    for (const line of plan.message) log(line);
    return 1;
  }
  log(`Missing for the E2E suite: ${missing.join(', ')}. Installing: apt-get install -y ${APT_PACKAGES.join(' ')}`);
  for (const [cmd, args] of APT_STEPS) {
    if (probes.run(cmd, args, { DEBIAN_FRONTEND: 'noninteractive' }) !== 0) {
      log(`${cmd} ${args.join(' ')} failed. Install them with: ${INSTALL_COMMAND}`);
      return 1;
    }
  }
  const still = missingNow();
  if (still.length) {
    log(`Still missing after apt-get install: ${still.join(', ')}. Point CHROMIUM_PATH / FIREFOX_PATH at them.`);
    return 1;
  }
  return 0;
}
