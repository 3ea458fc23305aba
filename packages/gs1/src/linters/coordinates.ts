// WGS84 coordinates as AI 4309 carries them (lint_latitude.c, lint_longitude.c): ten digits each, the latitude
// offset by +90° and the longitude by +180°, in units of 10⁻⁷ degree, so neither is ever negative.
import { failure, nonDigitFailure } from "./lint-failure.js";
import type { Linter } from "./types.js";

function coordinateLinter(max: string): Linter {
  return (component) => {
    if (component.length !== 10) return failure(0, component.length, "not 10 digits");
    return nonDigitFailure(component) ?? (component > max ? failure(0, 10, `above ${max}`) : undefined);
  };
}

/** `latitude`: 0000000000 to 1800000000. */
export const latitude: Linter = coordinateLinter("1800000000");

/** `longitude`: 0000000000 to 3600000000. */
export const longitude: Linter = coordinateLinter("3600000000");
