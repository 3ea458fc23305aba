// Linters whose component must be one of a fixed list of codes: ISO country and currency codes, package
// types, AIDC media types, and the one-digit codes of lint_yesno.c, lint_winding.c and lint_iso5218.c.
// Like GS1's linters, a code that is not in its list is reported over the whole component.
import {
  ISO3166_ALPHA2_BITS,
  ISO3166_NUMERIC_BITS,
  ISO4217_NUMERIC_BITS,
  PACKAGE_TYPE_GROUPS,
} from "./code-list-data.js";
import { failure } from "./lint-failure.js";
import type { Linter } from "./types.js";

function hasBit(hexBits: string, index: number): boolean {
  return ((Number.parseInt(hexBits.charAt(index >> 2), 16) >> (3 - (index & 3))) & 1) === 1;
}

/** Whether a three-digit code is in a numeric code list of code-list-data.ts. */
export function isListedNumeric(hexBits: string, code: string): boolean {
  return /^\d{3}$/.test(code) && hasBit(hexBits, Number(code));
}

/** Whether a two-letter code is an ISO 3166-1 alpha-2 country code. */
export function isIso3166Alpha2(code: string): boolean {
  return (
    /^[A-Z]{2}$/.test(code) && hasBit(ISO3166_ALPHA2_BITS, (code.charCodeAt(0) - 65) * 26 + code.charCodeAt(1) - 65)
  );
}

function codeListLinter(isListed: (code: string) => boolean, message: string): Linter {
  return (component) => (isListed(component) ? undefined : failure(0, component.length, message));
}

/** `iso3166`: an ISO 3166-1 numeric country code. */
export const iso3166: Linter = codeListLinter(
  (code) => isListedNumeric(ISO3166_NUMERIC_BITS, code),
  "not an ISO 3166 country code",
);

/** `iso3166999`: an ISO 3166-1 numeric country code, or 999 (GenSpecs: processing in more than one country). */
export const iso3166999: Linter = codeListLinter(
  (code) => code === "999" || isListedNumeric(ISO3166_NUMERIC_BITS, code),
  "not an ISO 3166 country code",
);

/** `iso3166alpha2`: an ISO 3166-1 alpha-2 country code. */
export const iso3166alpha2: Linter = codeListLinter(isIso3166Alpha2, "not an ISO 3166 country code");

/** `iso4217`: an ISO 4217 numeric currency code. */
export const iso4217: Linter = codeListLinter(
  (code) => isListedNumeric(ISO4217_NUMERIC_BITS, code),
  "not an ISO 4217 currency code",
);

/** `iso5218`: an ISO/IEC 5218 sex code: 0 not known, 1 male, 2 female, 9 not applicable. */
export const iso5218: Linter = codeListLinter((code) => /^[0129]$/.test(code), "not 0, 1, 2 or 9");

/** `yesno`: 0 (no) or 1 (yes). */
export const yesno: Linter = codeListLinter((code) => /^[01]$/.test(code), "not 0 or 1");

/** `winding`: a roll's winding direction (GenSpecs, AI 8001): 0 face out, 1 face in, 9 undefined. */
export const winding: Linter = codeListLinter((code) => /^[019]$/.test(code), "not 0, 1 or 9");

/**
 * `mediatype`: an AIDC media type (GenSpecs table "AIDC media type values"); lint_mediatype.c allows the
 * ICCBBA assignments 01–10 and local or national use 80–99, the rest being reserved.
 */
export const mediatype: Linter = codeListLinter((code) => /^(0[1-9]|10|[89]\d)$/.test(code), "not an AIDC media type");

let packageTypes: Set<string> | undefined;

// Decoded on first use, so that importing the package costs nothing.
function packageTypeCodes(): Set<string> {
  if (packageTypes) return packageTypes;
  packageTypes = new Set<string>();
  for (const group of PACKAGE_TYPE_GROUPS.split(" ")) {
    const [prefix = "", lastCharacters = ""] = group.split(":");
    for (const last of lastCharacters) packageTypes.add(prefix + last);
  }
  return packageTypes;
}

/** `packagetype`: a PackageTypeCode (UN/ECE Recommendation 21 code, or one of GS1's additions). */
export const packagetype: Linter = codeListLinter((code) => packageTypeCodes().has(code), "not a package type code");
