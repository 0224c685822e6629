// Small statistics helpers shared by the bench modules: plain JS because run.mjs runs under bare
// node; node-side.ts and background.ts (run through tsx) import it too, typed by stats.d.mts.
export const sorted = (xs) => [...xs].sort((a, b) => a - b);
/** Lower median (an observed value, never an average of two). */
export const median = (xs) => (xs.length ? sorted(xs)[Math.floor((xs.length - 1) / 2)] : NaN);
/** Nearest-rank p95: the smallest value at or above 95 % of the others (an observed value). */
export const p95 = (xs) => (xs.length ? sorted(xs)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)] : NaN);
export const sum = (xs) => xs.reduce((a, b) => a + b, 0);
export const round = (x, d = 3) => (x == null || !Number.isFinite(x) ? null : Math.round(x * 10 ** d) / 10 ** d);
export const ratio = (a, b) => (a == null || b == null || !b ? null : round(a / b));
