// Which decoder parse() uses for the scale labels of an RCN scheme: the scheme carries it, under a hidden key.
// The default scheme carries a dedicated one from the main entry; every other scheme gets the generic decoder
// when it is made by defineRcnScheme or shipped in RCN_PRESETS (both in the "rcn" subpath), so an app that only
// reads Chinese scale labels never bundles it. On the object rather than in a registry, because the CommonJS
// builds of the two entries are separate bundles, each with its own copy of any module state.
import type { Gs1Error, Result } from "./errors.js";
import type { RcnScheme } from "./rcn-scheme.js";
import type { RcnValue } from "./restricted-circulation.js";

/** Decodes a restricted-circulation GTIN (13 digits, or 14 with a leading 0) as one scheme lays it out. */
export type ScaleDecoder = (gtin: string) => Result<RcnValue, Gs1Error>;

// Symbol.for: the same key in every copy of this module. Non-enumerable, so a scheme still compares, spreads
// and serialises as the plain data it is.
const DECODER = Symbol.for("@scangate/gs1/scale-decoder");

/**
 * Makes `decoder` the one parse() uses for `scheme` (before the scheme is frozen).
 * @returns the scheme itself
 */
export function attachScaleDecoder<T extends RcnScheme>(scheme: T, decoder: ScaleDecoder): T {
  Object.defineProperty(scheme, DECODER, { value: decoder });
  return scheme;
}

/**
 * The decoder a scheme carries.
 * @throws TypeError for a scheme that neither is a preset nor was made by defineRcnScheme: a caller bug
 */
export function scaleDecoderOf(scheme: RcnScheme): ScaleDecoder {
  const decoder: unknown = (scheme as { [DECODER]?: unknown })[DECODER];
  if (typeof decoder === "function") return decoder as ScaleDecoder;
  throw new TypeError("options.rcn must be DEFAULT_RCN_SCHEME, a preset or made by defineRcnScheme");
}
