// Types of stats.mjs for the TypeScript halves of the bench (node-side.ts, background.ts), which
// import the same file so every figure uses one definition of median and p95.
export declare const sorted: (xs: readonly number[]) => number[];
/** Lower median (an observed value, never an average of two); NaN for no values. */
export declare const median: (xs: readonly number[]) => number;
/** Nearest-rank p95; NaN for no values. */
export declare const p95: (xs: readonly number[]) => number;
export declare const sum: (xs: readonly number[]) => number;
export declare const round: (x: number | null | undefined, d?: number) => number | null;
export declare const ratio: (a: number | null | undefined, b: number | null | undefined) => number | null;
