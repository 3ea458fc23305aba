// Which Gs1Data field each AI fills (gtin, batch, expiry, netWeight, price …), decided once per AI.
import { type AiDefinition, cacheOf } from "./ai-table.js";

/** Fields read straight off one AI. */
const SINGLE_AI_FIELDS = {
  "00": "sscc",
  "01": "gtin",
  "02": "gtin",
  "10": "batch",
  "21": "serial",
  "17": "expiry",
  "15": "bestBefore",
  "16": "sellBy",
  "11": "productionDate",
  "13": "packagingDate",
  "7003": "expiryTime",
  "20": "variant",
  "30": "count",
  "37": "count",
} as const;

/** A Gs1Data field that an AI fills. */
export type FieldName = (typeof SINGLE_AI_FIELDS)[keyof typeof SINGLE_AI_FIELDS] | "netWeight" | "price" | "amount";

/** The Gs1Data field an AI fills, or null for one that only appears in `elements`. */
export function fieldFor(definition: AiDefinition): FieldName | null {
  const cache = cacheOf(definition);
  if (cache.field === undefined) {
    const { ai } = definition;
    cache.field =
      SINGLE_AI_FIELDS[ai as keyof typeof SINGLE_AI_FIELDS] ??
      (/^(310|320|356)\d$/.test(ai)
        ? "netWeight"
        : /^39[23]\d$/.test(ai)
          ? "price"
          : /^39[01]\d$/.test(ai)
            ? "amount"
            : null);
  }
  return cache.field;
}
