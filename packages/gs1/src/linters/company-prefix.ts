// Where a key must start with a GS1 Company Prefix (lint_gcppos1.c, lint_gcppos2.c). GS1's linters can consult
// a list of allocated prefixes through an optional callback; without one, which is what we ship, they check
// only that the shortest possible prefix — four digits — is there and numeric.
import { failure } from "./lint-failure.js";
import type { Linter, LintFailure } from "./types.js";

const SHORTEST_PREFIX = 4;

/** `gcppos1`: the component starts with a GS1 Company Prefix. */
export const gcppos1: Linter = (component) => companyPrefixFrom(component, 0);

/** `gcppos2`: a GS1 Company Prefix starts at the component's second character (after an indicator digit). */
export const gcppos2: Linter = (component) =>
  component.length < 2 ? failure(0, component.length, "too short") : companyPrefixFrom(component, 1);

// Read in place rather than on a cut of the component: these run on every GTIN, SSCC and GLN of every scan.
function companyPrefixFrom(component: string, start: number): LintFailure | undefined {
  if (component.length - start < SHORTEST_PREFIX) {
    return failure(start, component.length - start, "too short");
  }
  for (let i = start; i < start + SHORTEST_PREFIX; i++) {
    const code = component.charCodeAt(i);
    if (code < 48 || code > 57) {
      return failure(i, 1, `"${component.charAt(i)}" is not a digit`);
    }
  }
  return undefined;
}
