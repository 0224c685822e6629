// Types for system-browsers.mjs (plain JS: tests/run-all.mjs and the E2E runner run under bare node).
export interface Probes {
  exists(file: string): boolean;
  isRoot(): boolean;
  hasAptGet(): boolean;
  run(cmd: string, args: string[], env: Record<string, string>): number;
}
export type Plan = { action: 'none' } | { action: 'install' } | { action: 'stop'; message: string[] };
export const BROWSER_PATHS: Record<string, string>;
export const APT_PACKAGES: string[];
export const APT_STEPS: [string, string[]][];
export const INSTALL_COMMAND: string;
export function planBrowsers(state: { missing: string[]; isRoot: boolean; hasAptGet: boolean }): Plan;
export const systemProbes: Probes;
export function ensureBrowsers(opts?: {
  paths?: Record<string, string>;
  probes?: Probes;
  log?: (line: string) => void;
}): 0 | 1;
