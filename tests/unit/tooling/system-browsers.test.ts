/**
 * What `npm test` does about missing E2E browsers (tests/e2e/lib/system-browsers.mjs), with injected
 * probes so nothing on this machine is installed or removed.
 */
import { describe, expect, it } from 'vitest';
import { INSTALL_COMMAND, ensureBrowsers, planBrowsers, type Probes } from '../../e2e/lib/system-browsers.mjs';

const PATHS = { chromium: '/usr/bin/chromium', firefox: '/usr/bin/firefox-esr' };

/** A fake machine: `present` binaries, root or not, apt-get or not; apt-get install adds `installs`. */
function machine(opts: { present: string[]; root: boolean; apt: boolean; installs?: string[]; aptStatus?: number }) {
  const files = new Set(opts.present);
  const runs: string[] = [];
  const probes: Probes = {
    exists: (f) => files.has(f),
    isRoot: () => opts.root,
    hasAptGet: () => opts.apt,
    run: (cmd, args, env) => {
      runs.push(`${env.DEBIAN_FRONTEND ?? ''} ${cmd} ${args.join(' ')}`.trim());
      if (opts.aptStatus) return opts.aptStatus;
      if (args[0] === 'install') for (const f of opts.installs ?? []) files.add(f);
      return 0;
    },
  };
  const logs: string[] = [];
  const status = () => ensureBrowsers({ paths: PATHS, probes, log: (l) => logs.push(l) });
  return { status, runs, logs };
}

describe('ensureBrowsers', () => {
  it('does nothing when both browsers are present', () => {
    const m = machine({ present: Object.values(PATHS), root: true, apt: true });
    expect(m.status()).toBe(0);
    expect(m.runs).toEqual([]);
    expect(m.logs).toEqual([]);
  });

  it('installs through apt-get, non-interactively, when one is missing and it runs as root with apt-get', () => {
    const m = machine({ present: [PATHS.chromium], root: true, apt: true, installs: [PATHS.firefox] });
    expect(m.status()).toBe(0);
    expect(m.runs).toEqual([
      'noninteractive apt-get update',
      'noninteractive apt-get install -y chromium firefox-esr qpdf',
    ]);
    expect(m.logs.join('\n')).toContain('firefox (/usr/bin/firefox-esr)');
  });

  it('stops with the exact command when not root, running nothing', () => {
    const m = machine({ present: [], root: false, apt: true });
    expect(m.status()).toBe(1);
    expect(m.runs).toEqual([]);
    expect(m.logs).toContain(`Install them with: ${INSTALL_COMMAND}`);
    expect(INSTALL_COMMAND).toBe(
      'sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y chromium firefox-esr qpdf',
    );
    expect(m.logs[0]).toContain('chromium (/usr/bin/chromium), firefox (/usr/bin/firefox-esr)');
  });

  it('stops with the command when root but without apt-get', () => {
    const m = machine({ present: [PATHS.firefox], root: true, apt: false });
    expect(m.status()).toBe(1);
    expect(m.runs).toEqual([]);
    expect(m.logs[0]).toContain('apt-get is not available');
    expect(m.logs).toContain(`Install them with: ${INSTALL_COMMAND}`);
  });

  it('fails, naming the command, when apt-get fails', () => {
    const m = machine({ present: [], root: true, apt: true, aptStatus: 100 });
    expect(m.status()).toBe(1);
    expect(m.runs).toEqual(['noninteractive apt-get update']);
    expect(m.logs.at(-1)).toBe(`apt-get update failed. Install them with: ${INSTALL_COMMAND}`);
  });

  it('fails when the install succeeded but a browser is still not at its path', () => {
    const m = machine({ present: [], root: true, apt: true, installs: [PATHS.chromium] });
    expect(m.status()).toBe(1);
    expect(m.logs.at(-1)).toContain('Still missing after apt-get install: firefox (/usr/bin/firefox-esr)');
  });
});

describe('planBrowsers', () => {
  it.each([
    [[], false, false, 'none'],
    [['chromium'], true, true, 'install'],
    [['chromium'], false, true, 'stop'],
    [['chromium'], true, false, 'stop'],
  ] as const)('missing %j, root %s, apt-get %s → %s', (missing, isRoot, hasAptGet, action) => {
    expect(planBrowsers({ missing: [...missing], isRoot, hasAptGet }).action).toBe(action);
  });
});
