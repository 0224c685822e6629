// Types for check.mjs (plain JS so tests/run-all.mjs runs it under bare node).
export interface Entry {
  name: string;
  file: string;
  content: boolean;
}
export interface Graph {
  modules: string[];
  builtins: string[];
  errors: string[];
}
export interface CheckResult {
  name: string;
  problems: string[];
}
export const ROOT: string;
export const TARGETS: string[];
export const EXPECTED_ENTRIES: string[];
export const NODE_ONLY_PATHS: string[];
export const BACKGROUND_ONLY_PATHS: string[];
export const BACKGROUND_ONLY_PACKAGES: string[];
export const BACKGROUND_MARKERS: { text: string; from: string }[];
export const NODE_MARKERS: { re: RegExp; what: string }[];
export function nodeOnlyPackages(root?: string): string[];
export function isContentEntry(name: string): boolean;
export function discoverEntries(root?: string): Entry[];
export function entryGraph(file: string, root?: string): Promise<Graph>;
export function graphViolations(graph: Graph, opts: { content: boolean; nodeOnly?: string[] }): string[];
export function textViolations(text: string, opts: { content: boolean }): string[];
export function checkBoundary(opts?: { root?: string; targets?: string[] }): Promise<CheckResult[]>;
export function report(results: CheckResult[], log?: (line: string) => void): { passed: number; failed: number };
