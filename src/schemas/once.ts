/**
 * A value made on first use and kept. Schemas are made this way: a Worker's start-up then builds none of them, and a
 * request builds only those its route needs.
 */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
