// "Piece n of total t" values: lint_pieceoftotal.c (AIs 8006 and 8026, equal-width numbers side by side) and
// lint_posinseqslash.c (AI 7258, "<position>/<end>"). Numbers of equal width compare as strings.
import { failure, nonDigitFailure } from "./lint-failure.js";
import type { Linter } from "./types.js";

/** `pieceoftotal`: a piece number then a total of the same width, neither zero, the piece not above the total. */
export const pieceoftotal: Linter = (component) => {
  const half = component.length / 2;
  if (component.length === 0 || !Number.isInteger(half)) {
    return failure("content", 0, component.length, "piece number and total must be equally long");
  }
  const nonDigit = nonDigitFailure("content", component);
  if (nonDigit) return nonDigit;
  const piece = component.slice(0, half);
  const total = component.slice(half);
  if (/^0+$/.test(piece)) return failure("content", 0, half, "piece number must not be zero");
  if (/^0+$/.test(total)) return failure("content", half, half, "total must not be zero");
  return piece > total ? failure("content", 0, component.length, "piece number exceeds the total") : undefined;
};

/** `posinseqslash`: "<position>/<end>", both positive numbers without leading zeros, position not after end. */
export const posinseqslash: Linter = (component) => {
  const parts = /^(\d+)\/(\d+)$/.exec(component);
  const position = parts?.[1];
  const end = parts?.[2];
  if (position === undefined || end === undefined) {
    return failure("content", 0, component.length, 'must have the form "<position>/<end>"');
  }
  if (position.startsWith("0")) return failure("content", 0, position.length, "position must not start with 0");
  if (end.startsWith("0")) return failure("content", position.length + 1, end.length, "end must not start with 0");
  const exceeds = position.length > end.length || (position.length === end.length && position > end);
  return exceeds ? failure("content", 0, component.length, "position exceeds the end") : undefined;
};
