// Synthetic rule notices for the benchmarks that need a large feed (rules-evaluate, checkout-scan): batch recalls,
// several per GTIN (the slow path), half of them with a batch range too.

import { gtinCheckDigit } from "../../packages/gs1/dist/index.js";

/**
 * GTIN-14 from a 13-digit body, with its GS1 check digit.
 * @param {string} body
 */
export function gtin14(body) {
  return `${body}${gtinCheckDigit(body)}`;
}

/**
 * `count` active batch recalls over `count / perGtin` GTINs (prefix 0952); notice `i` recalls batch `L<i>`.
 * @param {number} count
 * @param {number} perGtin
 */
export function benchNotices(count, perGtin) {
  const gtins = Array.from({ length: Math.ceil(count / perGtin) }, (_, index) =>
    gtin14(`0952${String(index).padStart(9, "0")}`),
  );
  const notices = Array.from({ length: count }, (_, index) => ({
    id: `bench:${index}`,
    version: 1,
    kind: "recall",
    status: "active",
    source: { authority: "PRODUCER" },
    severity: { scheme: "LOCAL", level: "1", normalized: "high" },
    reasons: [{ text: { en: "bench" } }],
    effective: { from: "2026-01-01" },
    action: { atTill: "block", ifAttributeUnknown: "warn" },
    products: [
      {
        gtin: gtins[Math.floor(index / perGtin)],
        batches: [`L${index}`],
        ...(index % 2 === 0 ? { batchRanges: [{ from: "240301", to: "240331" }] } : {}),
      },
    ],
  }));
  return { gtins, notices };
}
