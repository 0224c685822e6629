import { useEffect, useState } from 'preact/hooks';

/** `value`, settled for `ms` (as-you-type requests should not fire on every key). */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    if (ms <= 0) {
      setV(value);
      return;
    }
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

export type Load<T> = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; data: T };

const sameDeps = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/**
 * An asynchronous request tied to what the component shows: `start` runs after the render in which
 * `deps` changed (as an effect would) and receives `current()`, which turns false as soon as deps
 * change again or the component unmounts. A reply that arrives after that answers a question nobody
 * asks any more and must be dropped, or a slow old reply would overwrite a newer one.
 *
 * ESLint checks callers' deps like useEffect's (`additionalHooks` in eslint.config.js). The deps
 * are compared here rather than handed to useEffect so that the rule can verify a literal array at
 * every call site instead of an opaque one in this file.
 */
export function useRequestEffect(start: (current: () => boolean) => void, deps: readonly unknown[]): void {
  const [slot] = useState(() => ({ deps: null as readonly unknown[] | null, stop: () => {} }));
  useEffect(() => {
    if (slot.deps && sameDeps(slot.deps, deps)) return;
    slot.stop();
    let live = true;
    slot.deps = deps;
    slot.stop = () => {
      live = false;
    };
    start(() => live);
  });
  useEffect(() => () => slot.stop(), [slot]);
}
