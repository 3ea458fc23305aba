// What a producer's EPCIS repository receives for a sale: schema-valid EPCIS 2.0, the research example's
// identifiers, deterministic event ids, the store's offset, and nothing about the customer or the payment.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { epcisDocumentText, type SaleEventOptions, saleEvents } from "../src/epcis-event.js";
import { saleEventId, uuidV5Urn } from "../src/event-id.js";
import { SaleSchema } from "../src/sale-schema.js";
import { sha1 } from "../src/sha1.js";
import { schemaErrors } from "./support/epcis-schema.js";

const STORE = "9521234000013";
const AT = Date.UTC(2027, 2, 15, 1, 41, 7); // 2027-03-15 09:41:07 in Shanghai
const options: SaleEventOptions = { storeGln: STORE, timeZone: "Asia/Shanghai" };
const withUrns: SaleEventOptions = { ...options, tillExtension: "1", companyPrefixLengths: { "952": 7 } };

const eventsOf = (sale: unknown, with_: SaleEventOptions = options) => {
  const parsed = SaleSchema.parse(sale);
  return saleEvents({ ...parsed, soldAtMs: parsed.soldAtMs ?? AT }, with_);
};
const documentOf = (events: readonly object[]) =>
  JSON.parse(
    epcisDocumentText(
      events.map((event) => JSON.stringify(event)),
      "2027-03-15T01:41:09.120Z",
    ),
  );

const twoUnits = {
  id: "STALL07-20270315-000123",
  soldAtMs: AT,
  lines: [{ gtin: "09521234543213", batch: "LOT2027A", quantity: 2 }],
};

describe("EPCIS 2.0 sale events", () => {
  it("the research example (§5.2) validates against GS1's schema, and so does the outbox's version of it", () => {
    const example = JSON.parse(
      readFileSync(new URL("../../../../shared/data/epcis-sale-example.jsonld", import.meta.url), "utf8"),
    );
    expect(schemaErrors(example)).toEqual([]);
    const document = documentOf(eventsOf(twoUnits, withUrns));
    expect(schemaErrors(document)).toEqual([]);
    expect(document["@context"]).toEqual([
      "https://ref.gs1.org/standards/epcis/epcis-context.jsonld",
      { scangate: "https://scangate.dev/ns/epcis/" },
    ]);
    const [event] = document.epcisBody.eventList;
    const { eventID: _id, ...rest } = event;
    const {
      eventID: _exampleId,
      bizTransactionList: _receipt,
      "zsl:tillId": _till,
      ...expected
    } = example.epcisBody.eventList[0];
    expect(rest).toEqual(expected);
  });

  it("writes GS1 Digital Link URIs when no company prefix length is configured", () => {
    const [event] = eventsOf({ ...twoUnits, lines: [{ gtin: "9521234543213", batch: "LOT/27", quantity: 3 }] });
    expect(event).toMatchObject({
      quantityList: [{ epcClass: "https://id.gs1.org/01/09521234543213/10/LOT%2F27", quantity: 3 }],
      readPoint: { id: `https://id.gs1.org/414/${STORE}` },
      bizLocation: { id: `https://id.gs1.org/414/${STORE}` },
    });
    expect(eventsOf(twoUnits, { ...options, tillExtension: "T1" })[0]?.readPoint.id).toBe(
      `https://id.gs1.org/414/${STORE}/254/T1`,
    );
  });

  it("lists serialised units by SGTIN, as Digital Links or URNs with an escaped serial", () => {
    const sale = { ...twoUnits, lines: [{ gtin: "09521234543213", serials: ["S0001", "S/2"], quantity: 2 }] };
    expect(eventsOf(sale)[0]?.epcList).toEqual([
      "https://id.gs1.org/01/09521234543213/21/S0001",
      "https://id.gs1.org/01/09521234543213/21/S%2F2",
    ]);
    const [event] = eventsOf(sale, withUrns);
    expect(event?.epcList).toEqual(["urn:epc:id:sgtin:9521234.054321.S0001", "urn:epc:id:sgtin:9521234.054321.S%2F2"]);
    expect(event?.quantityList).toBeUndefined();
    expect(schemaErrors(documentOf([event as object]))).toEqual([]);
  });

  it("sells a weighed item as a decimal quantity in KGM", () => {
    const [event] = eventsOf(
      { ...twoUnits, lines: [{ gtin: "09521234543213", batch: "LOT2027A", quantity: 0.525, uom: "KGM" }] },
      withUrns,
    );
    expect(event?.quantityList).toEqual([
      { epcClass: "urn:epc:class:lgtin:9521234.054321.LOT2027A", quantity: 0.525, uom: "KGM" },
    ]);
  });

  it("names the GTIN class when no batch was scanned, and falls back to Digital Link outside the prefix table", () => {
    expect(
      eventsOf({ ...twoUnits, lines: [{ gtin: "09521234543213", quantity: 1 }] }, withUrns)[0]?.quantityList,
    ).toEqual([{ epcClass: "urn:epc:idpat:sgtin:9521234.054321.*", quantity: 1 }]);
    expect(
      eventsOf({ ...twoUnits, lines: [{ gtin: "4006381333931", batch: "B1", quantity: 1 }] }, withUrns)[0]
        ?.quantityList,
    ).toEqual([{ epcClass: "https://id.gs1.org/01/04006381333931/10/B1", quantity: 1 }]);
  });

  it("stamps the store's local offset at the moment of sale (Shanghai +08:00, New York across DST)", () => {
    expect(eventsOf(twoUnits)[0]).toMatchObject({
      eventTime: "2027-03-15T01:41:07.000Z",
      eventTimeZoneOffset: "+08:00",
    });
    const newYork = { ...options, timeZone: "America/New_York" };
    expect(eventsOf({ ...twoUnits, soldAtMs: Date.UTC(2027, 0, 15, 12) }, newYork)[0]?.eventTimeZoneOffset).toBe(
      "-05:00",
    );
    expect(eventsOf({ ...twoUnits, soldAtMs: Date.UTC(2027, 6, 15, 12) }, newYork)[0]?.eventTimeZoneOffset).toBe(
      "-04:00",
    );
    expect(eventsOf(twoUnits, { ...options, timeZone: "UTC" })[0]?.eventTimeZoneOffset).toBe("+00:00");
  });

  it("gives each sale line the same eventID every time, a different one per line, sale and store", () => {
    const sale = {
      ...twoUnits,
      lines: [twoUnits.lines[0], { gtin: "09521234543213", batch: "LOT2027B", quantity: 1 }],
    };
    const first = eventsOf(sale).map((event) => event.eventID);
    expect(eventsOf(sale).map((event) => event.eventID)).toEqual(first);
    expect(new Set(first).size).toBe(2);
    expect(first[0]).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(saleEventId(STORE, "other-sale", 0)).not.toBe(first[0]);
    expect(saleEventId("9521234000020", sale.id, 0)).not.toBe(first[0]);
  });

  it("computes RFC 9562 name-based UUIDs (checked against node:crypto's SHA-1)", () => {
    // RFC 9562 appendix A.4: the v5 UUID of "www.example.com" in the DNS namespace.
    const dns = Uint8Array.from("6ba7b8109dad11d180b400c04fd430c8".match(/../g) ?? [], (pair) =>
      Number.parseInt(pair, 16),
    );
    expect(uuidV5Urn("www.example.com", dns)).toBe("urn:uuid:2ed6657d-e927-568b-95e1-2665a8aea6a2");
    for (const text of ["", "abc", "x".repeat(55), "y".repeat(56), "z".repeat(64), "中文".repeat(100)]) {
      const bytes = new TextEncoder().encode(text);
      expect(Buffer.from(sha1(bytes)).toString("hex")).toBe(createHash("sha1").update(bytes).digest("hex"));
    }
  });

  it("records what the till gated in the declared scangate: extension", () => {
    const gate = {
      action: "warn",
      overridden: true,
      overriddenBy: "S-042",
      role: "supervisor",
      reasonCode: "NEAR_EXPIRY",
      noticeIds: ["n-1"],
    };
    const [event] = eventsOf({ ...twoUnits, lines: [{ ...twoUnits.lines[0], gate }] });
    expect(event?.["scangate:gate"]).toEqual({
      "scangate:action": "warn",
      "scangate:overridden": true,
      "scangate:overriddenBy": "S-042",
      "scangate:role": "supervisor",
      "scangate:reasonCode": "NEAR_EXPIRY",
      "scangate:noticeIds": ["n-1"],
    });
    expect(schemaErrors(documentOf([event as object]))).toEqual([]);
  });

  it("drops anything about the customer or the payment that a till passes along", () => {
    const leaky = {
      ...twoUnits,
      customer: { phone: "13800000000" },
      payment: { method: "alipay", authCode: "28763443825664394" },
      lines: [{ ...twoUnits.lines[0], priceMinor: 1250, memberId: "M-9" }],
    };
    const text = JSON.stringify(eventsOf(leaky));
    for (const secret of ["13800000000", "alipay", "28763443825664394", "1250", "M-9"])
      expect(text).not.toContain(secret);
  });
});
