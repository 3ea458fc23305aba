import { IDBKeyRange, indexedDB } from "fake-indexeddb";
import { expect, it } from "vitest";
import { dexieRoundTrip } from "./dexie-round-trip.js";

it("stores, queries and deletes through Dexie on fake-indexeddb in Node", async () => {
  const result = await dexieRoundTrip("platform-node", { indexedDB, IDBKeyRange });
  expect(result).toEqual({
    stored: { id: "cake", amountMinor: 400 },
    cheaperThan300: ["tea"],
    countAfterDelete: 1,
  });
});
