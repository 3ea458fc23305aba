// Linters about the characters a component is made of: lint_hyphen.c, lint_zero.c, lint_nonzero.c,
// lint_nozeroprefix.c, lint_hasnondigit.c, lint_importeridx.c and lint_pcenc.c.
import { failure, firstNonDigit, nonDigitFailure } from "./lint-failure.js";
import type { Linter } from "./types.js";

/** `hyphen`: only hyphens (AIs 4330–4333 mark a negative temperature with "-"). */
export const hyphen: Linter = (component) =>
  /^-+$/.test(component) ? undefined : failure(0, component.length, 'only "-" is allowed');

/** `zero`: a zero value, all "0" (the filler digit of GRAI, AI 8003). */
export const zero: Linter = (component) =>
  /^0+$/.test(component) ? undefined : failure(0, component.length, "must be zero");

/** `nonzero`: a number other than zero. */
export const nonzero: Linter = (component) =>
  nonDigitFailure(component) ?? (/^0*$/.test(component) ? failure(0, component.length, "must not be zero") : undefined);

/** `nozeroprefix`: a number that does not start with 0. */
export const nozeroprefix: Linter = (component) =>
  nonDigitFailure(component) ?? (component.startsWith("0") ? failure(0, 1, "must not start with 0") : undefined);

/** `hasnondigit`: at least one character that is not a digit (a MUDI must not look like a GTIN). */
export const hasnondigit: Linter = (component) =>
  firstNonDigit(component) < 0 ? failure(0, component.length, "must not be all digits") : undefined;

/** `importeridx`: the one-character importer index of EU 2018/574 tobacco traceability IDs: 0-9, A-Z, a-z, "-", "_". */
export const importeridx: Linter = (component) => {
  if (component.length !== 1) return failure(0, component.length, "not one character");
  return /^[-\w]$/.test(component) ? undefined : failure(0, 1, `"${component}" is not an importer index`);
};

/** `pcenc`: every "%" starts a percent-encoded byte, "%" and two hex digits (RFC 3986 §2.1). */
export const pcenc: Linter = (component) => {
  for (let at = component.indexOf("%"); at >= 0; at = component.indexOf("%", at + 3)) {
    if (!/^%[\dA-Fa-f]{2}/.test(component.slice(at))) {
      return failure(at, Math.min(3, component.length - at), '"%" needs two hex digits');
    }
  }
  return undefined;
};
