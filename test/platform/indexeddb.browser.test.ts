import { expect, it } from "vitest";
import { dexieRoundTrip } from "./dexie-round-trip.js";

it("stores, queries and deletes through Dexie on real IndexedDB in Chromium", async () => {
  expect(navigator.userAgent).toMatch(/Chrome\//);
  expect(globalThis.indexedDB).toBeDefined();
  const result = await dexieRoundTrip(`platform-browser-${crypto.randomUUID()}`);
  expect(result).toEqual({
    stored: { id: "cake", amountMinor: 400 },
    cheaperThan300: ["tea"],
    countAfterDelete: 1,
  });
});
