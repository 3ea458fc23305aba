// The answer to reading outside input, the same shape as @scangate/gs1's Result. Declared here because payments does
// not depend on gs1 (ARCHITECTURE.md: dependencies point one way, and a payment bridge has no use for GS1 parsing).

/** A value, or why there is none: `{ ok: true, value } | { ok: false, error }` (one shape across ScanGate). */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** Wraps a value as a successful Result. */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}
