// "Piece n of total t" values: lint_pieceoftotal.c (AIs 8006 and 8026, equal-width numbers side by side) and
// lint_posinseqslash.c (AI 7258, "<position>/<end>"). Numbers of equal width compare as strings.
import { failure, nonDigitFailure } from "./lint-failure.js";
import type { Linter } from "./types.js";

/** `pieceoftotal`: a piece number then a total of the same width, neither zero, the piece not above the total. */
export const pieceoftotal: Linter = (component) => {
  const half = component.length / 2;
  if (component.length === 0 || !Number.isInteger(half)) {
    return failure(0, component.length, "piece and total differ in length");
  }
  const nonDigit = nonDigitFailure(component);
  if (nonDigit) return nonDigit;
  const piece = component.slice(0, half);
  const total = component.slice(half);
  if (/^0+$/.test(piece)) return failure(0, half, "piece is zero");
  if (/^0+$/.test(total)) return failure(half, half, "total is zero");
  return piece > total ? failure(0, component.length, "piece exceeds total") : undefined;
};

/** `posinseqslash`: "<position>/<end>", both positive numbers without leading zeros, position not after end. */
export const posinseqslash: Linter = (component) => {
  const parts = /^(\d+)\/(\d+)$/.exec(component);
  const position = parts?.[1];
  const end = parts?.[2];
  if (position === undefined || end === undefined) {
    return failure(0, component.length, 'not "<position>/<end>"');
  }
  if (position.startsWith("0")) return failure(0, position.length, "starts with 0");
  if (end.startsWith("0")) return failure(position.length + 1, end.length, "starts with 0");
  const exceeds = position.length > end.length || (position.length === end.length && position > end);
  return exceeds ? failure(0, component.length, "position exceeds end") : undefined;
};
