// Where a key must start with a GS1 Company Prefix (lint_gcppos1.c, lint_gcppos2.c). GS1's linters can consult
// a list of allocated prefixes through an optional callback; without one, which is what we ship, they check
// only that the shortest possible prefix — four digits — is there and numeric.
import { failure, firstNonDigit } from "./lint-failure.js";
import type { Linter } from "./types.js";

const SHORTEST_PREFIX = 4;

/** `gcppos1`: the component starts with a GS1 Company Prefix. */
export const gcppos1: Linter = (component) => {
  if (component.length < SHORTEST_PREFIX) {
    return failure("content", 0, component.length, "too short for a GS1 Company Prefix");
  }
  const at = firstNonDigit(component.slice(0, SHORTEST_PREFIX));
  return at < 0
    ? undefined
    : failure("content", at, 1, `a GS1 Company Prefix cannot contain "${component.charAt(at)}"`);
};

/** `gcppos2`: a GS1 Company Prefix starts at the component's second character (after an indicator digit). */
export const gcppos2: Linter = (component) => {
  if (component.length < 2) return failure("content", 0, component.length, "too short for a GS1 Company Prefix");
  const found = gcppos1(component.slice(1));
  return found && { ...found, offset: found.offset + 1 };
};
