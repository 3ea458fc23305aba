// Reading GTIN, batch, serial and GLN from the identifier forms tills send, and the local day of a sale.
import { gtinCheckDigit } from "@scangate/gs1";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readLocationGln, readProductClass, readProductInstance } from "../src/epcis/identifiers.js";
import { localDay } from "../src/epcis/local-day.js";

const TODAY = "2027-03-15";
const gtin14 = fc
  .tuple(fc.integer({ min: 0, max: 9 }), fc.stringMatching(/^69[0-9]\d{9}$/))
  .map(([indicator, body]) => `${indicator}${body}${gtinCheckDigit(`${indicator}${body}`)}`);
// GS1 AI (10) batches: up to 20 characters of CSET 82 (here: letters, digits and the URI-awkward ones).
const batch = fc.stringMatching(/^[A-Za-z0-9%&/+,.:;<=>?_-]{1,20}$/);
const prefixLength = fc.integer({ min: 6, max: 12 });

/** TDS 2.1: the company prefix, then the indicator digit and the item reference. */
function urnParts(gtin: string, length: number): string {
  return `${gtin.slice(1, 1 + length)}.${gtin[0]}${gtin.slice(1 + length, 13)}`;
}

describe("identifiers", () => {
  it("reads GTIN and batch back from any LGTIN URN and any Digital Link", () => {
    fc.assert(
      fc.property(gtin14, batch, prefixLength, (gtin, lot, length) => {
        const urn = `urn:epc:class:lgtin:${urnParts(gtin, length)}.${encodeURIComponent(lot)}`;
        expect(readProductClass(urn, TODAY)).toEqual({ gtin, batch: lot });
        const link = `https://example.com/shop/01/${gtin}/10/${encodeURIComponent(lot)}`;
        expect(readProductClass(link, TODAY)).toEqual({ gtin, batch: lot });
      }),
      { seed: 6, numRuns: 300 },
    );
  });

  it("reads GTIN and serial from SGTIN URNs and Digital Links, and a GTIN alone from an SGTIN pattern", () => {
    fc.assert(
      fc.property(gtin14, batch, prefixLength, (gtin, serial, length) => {
        const urn = `urn:epc:id:sgtin:${urnParts(gtin, length)}.${encodeURIComponent(serial)}`;
        expect(readProductInstance(urn, TODAY)).toEqual({ gtin, serial });
        expect(readProductInstance(`https://id.gs1.org/01/${gtin}/21/${encodeURIComponent(serial)}`, TODAY)).toEqual({
          gtin,
          serial,
        });
        expect(readProductClass(`urn:epc:idpat:sgtin:${urnParts(gtin, length)}.*`, TODAY)).toEqual({ gtin });
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it("reads a store GLN from an SGLN URN of any company prefix length and from a Digital Link", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^69\d{10}$/), prefixLength, (body, length) => {
        const gln = `${body}${gtinCheckDigit(body)}`;
        expect(readLocationGln(`urn:epc:id:sgln:${gln.slice(0, length)}.${gln.slice(length, 12)}.0`, TODAY)).toBe(gln);
        expect(readLocationGln(`https://id.gs1.org/414/${gln}`, TODAY)).toBe(gln);
        expect(readLocationGln(`https://id.gs1.org/414/${gln}/254/7`, TODAY)).toBe(gln);
      }),
      { seed: 8, numRuns: 200 },
    );
  });

  it.each([
    "urn:example:product:42",
    "urn:epc:class:lgtin:6901234.00001.", // no lot
    "urn:epc:class:lgtin:6901234.0000.LOT", // 12 digits, not 13
    "https://id.gs1.org/01/06901234000118/10/LOT", // wrong check digit
    "https://id.gs1.org/01/06901234000114/21/S1", // a serial is not a class
    "06901234000114",
  ])("reads no product class from %s", (identifier) => {
    expect(readProductClass(identifier, TODAY)).toBeUndefined();
  });
});

describe("localDay", () => {
  it("is the calendar date of the instant at the event's offset", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }).map((minutes) => minutes - (minutes % 15)),
        (instantMs, offsetMinutes) => {
          const sign = offsetMinutes < 0 ? "-" : "+";
          const absolute = Math.abs(offsetMinutes);
          const offset = `${sign}${String(Math.floor(absolute / 60)).padStart(2, "0")}:${String(absolute % 60).padStart(2, "0")}`;
          const expected = new Date(instantMs + offsetMinutes * 60_000).toISOString().slice(0, 10);
          expect(localDay(new Date(instantMs).toISOString(), offset)).toBe(expected);
        },
      ),
      { seed: 9, numRuns: 500 },
    );
  });

  it("puts 23:30 UTC on the next day in Shanghai and 01:00 UTC on the previous day in New York", () => {
    expect(localDay("2027-03-14T23:30:00Z", "+08:00")).toBe("2027-03-15");
    expect(localDay("2027-03-15T01:00:00.000Z", "-05:00")).toBe("2027-03-14");
    expect(localDay("2027-03-15T09:00:00+08:00", "+08:00")).toBe("2027-03-15");
    expect(localDay("not a time", "+08:00")).toBeUndefined();
    expect(localDay("2027-03-15T01:00:00Z", "8")).toBeUndefined();
  });
});
