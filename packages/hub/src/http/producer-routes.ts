// A producer reads only the sales of GTINs under its own company prefixes: the prefixes come from its token,
// never from the request, so no query string can widen them.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { isUnderPrefixes } from "../storage/gtin-ranges.js";
import type { HubStorage, SalesQuery, SalesRow } from "../storage/hub-storage.js";
import { requireToken, subjectOf } from "./auth.js";
import { parseInput } from "./parse-input.js";
import { sendError } from "./reply.js";

const DAY = z.iso.date();

/** The filters of `GET /producer/sales` (and the web page). */
export const SalesFilterSchema = z.object({
  from: DAY.optional(),
  to: DAY.optional(),
  /** GTIN-8/12/13/14; read as the zero-padded GTIN-14 the hub stores. */
  gtin: z
    .string()
    .regex(/^(\d{8}|\d{12,14})$/, "a GTIN is 8, 12, 13 or 14 digits")
    .transform((gtin) => gtin.padStart(14, "0"))
    .optional(),
  batch: z.string().min(1).max(20).optional(),
  store: z
    .string()
    .regex(/^\d{13}$/, "a store GLN is 13 digits")
    .optional(),
  /** @default 10000 */
  limit: z.coerce.number().int().min(1).max(200_000).default(10_000),
});
/** Parsed sales filters. */
export type SalesFilter = z.infer<typeof SalesFilterSchema>;

/** The rows a producer may see for the filters, plus whether `limit` cut them short. */
export async function producerSales(
  storage: HubStorage,
  companyPrefixes: readonly string[],
  filter: SalesFilter,
): Promise<{ rows: SalesRow[]; truncated: boolean }> {
  if (filter.gtin !== undefined && !isUnderPrefixes(filter.gtin, companyPrefixes))
    return { rows: [], truncated: false };
  const query: SalesQuery = {
    companyPrefixes,
    limit: filter.limit + 1,
    ...(filter.from === undefined ? {} : { from: filter.from }),
    ...(filter.to === undefined ? {} : { to: filter.to }),
    ...(filter.gtin === undefined ? {} : { gtin: filter.gtin }),
    ...(filter.batch === undefined ? {} : { batch: filter.batch }),
    ...(filter.store === undefined ? {} : { store: filter.store }),
  };
  const rows = await storage.sales(query);
  return { rows: rows.slice(0, filter.limit), truncated: rows.length > filter.limit };
}

/** Registers GET /producer/sales. */
export function registerProducerRoutes(app: FastifyInstance, storage: HubStorage): void {
  app.get("/producer/sales", { onRequest: requireToken(storage, ["producer"]) }, async (request, reply) => {
    const producer = subjectOf(request, "producer");
    const filter = parseInput(SalesFilterSchema, request.query, "INVALID_QUERY");
    if (!filter.ok) return sendError(reply, filter.error);
    return reply.send(await producerSales(storage, producer.companyPrefixes, filter.value));
  });
}
