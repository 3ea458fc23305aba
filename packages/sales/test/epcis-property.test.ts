// For any sale a till can record (random GTINs with valid check digits, CSET 82 batches and serials, counts,
// weights, gates), every event validates against GS1's EPCIS 2.0 schema, in both identifier styles, and the
// events are a pure function of the sale.
import { gtinCheckDigit } from "@scangate/gs1";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { epcisDocumentText, saleEvents } from "../src/epcis-event.js";
import { SaleSchema } from "../src/sale-schema.js";
import { schemaErrors } from "./support/epcis-schema.js";

const CSET82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
const cset82 = fc.string({ unit: fc.constantFrom(...CSET82), minLength: 1, maxLength: 20 });
const gtin = fc
  .tuple(fc.integer({ min: 0, max: 9 }), fc.stringMatching(/^\d{12}$/))
  .map(([indicator, body]) => `${indicator}${body}${gtinCheckDigit(`${indicator}${body}`)}`);
const gate = fc.record(
  {
    action: fc.constantFrom("warn" as const, "block" as const),
    overridden: fc.boolean(),
    overriddenBy: fc.string({ minLength: 1, maxLength: 10 }),
    role: fc.constantFrom("cashier", "supervisor"),
    reasonCode: fc.constantFrom("NEAR_EXPIRY", "CUSTOMER_INFORMED"),
    noticeIds: fc.array(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 3 }),
  },
  { requiredKeys: ["action", "overridden"] },
);
const line = fc.oneof(
  fc.record({
    gtin,
    batch: cset82,
    quantity: fc.integer({ min: 1, max: 50 }),
    gate: fc.option(gate, { nil: undefined }),
  }),
  fc.record({
    gtin,
    quantity: fc.integer({ min: 1, max: 1000 }).map((grams) => grams / 1000),
    uom: fc.constant("KGM"),
  }),
  fc
    .uniqueArray(cset82, { minLength: 1, maxLength: 4 })
    .chain((serials) => fc.record({ gtin, serials: fc.constant(serials), quantity: fc.constant(serials.length) })),
);
const sale = fc.record({
  id: fc.string({ minLength: 1, maxLength: 40 }),
  soldAtMs: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) }),
  lines: fc.array(line, { minLength: 1, maxLength: 6 }),
});
const zone = fc.constantFrom(
  "Asia/Shanghai",
  "America/New_York",
  "Europe/Berlin",
  "Asia/Kolkata",
  "Pacific/Chatham",
  "UTC",
);
const style = fc.constantFrom(
  {},
  { companyPrefixLengths: { "0": 7, "1": 8, "2": 9, "3": 6, "4": 10, "5": 11, "6": 12, "7": 7, "8": 8, "9": 7 } },
);

describe("EPCIS serialisation of any sale", () => {
  it("validates against GS1's EPCIS 2.0 JSON schema, one event per line, unique deterministic eventIDs", () => {
    fc.assert(
      fc.property(sale, zone, style, (input, timeZone, identifiers) => {
        const parsed = SaleSchema.safeParse(input);
        expect(parsed.success).toBe(true);
        if (!parsed.success) return;
        const options = { storeGln: "9521234000013", timeZone, tillExtension: "T1", ...identifiers };
        const events = saleEvents({ ...parsed.data, soldAtMs: input.soldAtMs }, options);
        expect(events).toHaveLength(input.lines.length);
        expect(new Set(events.map((event) => event.eventID)).size).toBe(events.length);
        expect(saleEvents({ ...parsed.data, soldAtMs: input.soldAtMs }, options)).toEqual(events);
        const text = epcisDocumentText(
          events.map((event) => JSON.stringify(event)),
          "2027-01-01T00:00:00.000Z",
        );
        expect(schemaErrors(JSON.parse(text))).toEqual([]);
      }),
      { seed: 7_2027, numRuns: 300 },
    );
  });
});
