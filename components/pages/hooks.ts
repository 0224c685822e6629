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
