// Properties of the keyboard wedge over generated scans and typing, with fixed seeds so a failure reproduces.

import { gtinCheckDigit } from "@scangate/gs1";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GS, type GsMethod, type HostLayout, runReader, scannerKeys, timed, typedKeys } from "./keyboard-fixtures.js";

const settings = { seed: 20261129, numRuns: 300 };
// GS1 CSET 82, the characters of batch and serial numbers; it includes keys that are dead on QWERTZ ("=", "+").
const CSET82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

const digits = (length: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: length, maxLength: length });
const cset82 = (max: number) => fc.string({ unit: fc.constantFrom(...CSET82), minLength: 1, maxLength: max });

/** A GS1 element string: a GTIN, an expiry, then variable-length batch and serial, GS between. */
const elementString = fc
  .record({
    gtin: digits(13).map((payload) => payload + gtinCheckDigit(payload)),
    expiry: fc.option(
      fc.integer({ min: 0, max: 99 }).map((year) => `${String(year).padStart(2, "0")}1231`),
      { nil: undefined },
    ),
    batch: fc.option(cset82(20), { nil: undefined }),
    serial: fc.option(cset82(20), { nil: undefined }),
  })
  .map(({ gtin, expiry, batch, serial }) => {
    const variable = [batch && `10${batch}`, serial && `21${serial}`].filter((field): field is string => !!field);
    return `01${gtin}${expiry ? `17${expiry}` : ""}${variable.join(GS)}`;
  });

/** How one scanner is set up, and the host it types into. */
const setup = fc
  .record({
    host: fc.constantFrom<HostLayout>("us", "azerty", "qwertz"),
    aim: fc.constantFrom("]d2", "]Q3", "]C1", ""),
    gs: fc.constantFrom<GsMethod>("ctrl", "alt", "F8", "|", "{GS}"),
    capsLock: fc.boolean(),
    suffix: fc.constantFrom("Enter" as const, "Tab" as const, "none" as const),
  })
  // Without an AIM id a QWERTZ host leaves Y/Z ambiguous: both readings are valid GS1 (keyboard-layouts.test.ts).
  .filter(({ host, aim }) => host !== "qwertz" || aim !== "");

/** Gaps of a scanner: 1–30 ms, with one browser pause of up to 80 ms now and then. */
const scannerGaps = fc
  .array(fc.integer({ min: 1, max: 30 }), { minLength: 200, maxLength: 200 })
  .chain((gaps) =>
    fc
      .array(fc.nat({ max: 199 }), { maxLength: 3 })
      .chain((pauses) =>
        fc
          .integer({ min: 36, max: 80 })
          .map((pauseMs) => gaps.map((gap, index) => (pauses.includes(index) ? pauseMs : gap))),
      ),
  );

describe("keyboard wedge properties", () => {
  it("reads any scanner-speed burst of GS1 data exactly, on every host, with every GS method", () => {
    fc.assert(
      fc.property(elementString, setup, scannerGaps, (data, scanner, gaps) => {
        const keys = scannerKeys(scanner.aim + data, scanner);
        const run = runReader(
          timed(keys, (index) => gaps[index % gaps.length] ?? 2),
          {
            keyMap: { F8: GS },
            gsSubstitutes: ["|", "{GS}"],
          },
        );
        expect(run.scans).toHaveLength(1);
        expect(run.scans[0]?.text).toBe(data);
        expect(run.scans[0]?.symbology).toBe(scanner.aim === "" ? undefined : scanner.aim);
      }),
      settings,
    );
  });

  it("never reads typing at 80–250 ms, with rollover pairs, as a scan", () => {
    const typing = fc.string({
      unit: fc.constantFrom(..." 0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.,-"),
      minLength: 1,
      maxLength: 60,
    });
    // A rollover pair: the next key goes down 0–40 ms after the last; never two in a row.
    const gaps = fc
      .array(
        fc.tuple(
          fc.integer({ min: 80, max: 250 }),
          fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined, freq: 3 }),
        ),
        { minLength: 60, maxLength: 60 },
      )
      .map((pairs) => pairs.flatMap(([gap, rollover]) => (rollover === undefined ? [gap] : [gap, rollover])));
    fc.assert(
      fc.property(typing, gaps, (text, gapList) => {
        const run = runReader(timed(typedKeys(text), (index) => gapList[index % gapList.length] ?? 150));
        expect(run.scans).toEqual([]);
      }),
      settings,
    );
  });
});
