/**
 * `xs[i]` for tests: throws, failing the test with the index and the length, where plain indexing
 * would pass `undefined` on to the next property access or assertion.
 */
export function nth<T>(xs: ArrayLike<T>, i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`expected an element at index ${i}, but there are ${xs.length}`);
  return x;
}
