// config.json is outside input: a broken or incomplete file is a coded refusal the till shows, never a crash; the
// owner's saved settings win over the file.
import { describe, expect, it } from "vitest";
import { parseTillConfig } from "../src/till/till-config.js";

const FILE = {
  hubUrl: "http://127.0.0.1:5173/hub/",
  feedUrl: "http://127.0.0.1:5173/hub/feed/",
  trustedKeys: [{ keyId: "k1", publicKey: "uT7n8zjvH_f7-F20Z1Qb4PDnJP9GG-tPyUDk3tJRbQs" }],
  storeToken: "sg_store_x",
  storeGln: "6901234000016",
  storeName: "Stall 7",
  gateway: { url: "http://127.0.0.1:8788/", merchantId: "sim-merchant", secret: "sim-secret" },
  catalogueVersion: "abc",
};

describe("reading the till's configuration", () => {
  it("reads config.json with defaults for the zone, region and scanner", () => {
    const config = parseTillConfig(FILE, null);
    expect(config.ok && config.value).toMatchObject({
      storeGln: "6901234000016",
      timeZone: "Asia/Shanghai",
      region: "CN-ZJ",
      scanner: { gsSubstitutes: [], prefixKeys: [], maxMedianGapMs: 35 },
      overrideRole: "supervisor",
    });
  });

  it("reads the background periods, falling back to the defaults outside 250 ms – 1 day", () => {
    const defaults = parseTillConfig(FILE, null);
    expect(defaults.ok && [defaults.value.ruleSyncIntervalMs, defaults.value.salesRetryMaxMs]).toEqual([
      900_000, 30_000,
    ]);
    const tuned = parseTillConfig({ ...FILE, ruleSyncIntervalMs: 1_000, salesRetryMaxMs: 250 }, null);
    expect(tuned.ok && [tuned.value.ruleSyncIntervalMs, tuned.value.salesRetryMaxMs]).toEqual([1_000, 250]);
    for (const bad of [0, 249, 86_400_001, Number.NaN, "1000", null]) {
      const refused = parseTillConfig({ ...FILE, ruleSyncIntervalMs: bad, salesRetryMaxMs: bad }, null);
      expect(refused.ok && [refused.value.ruleSyncIntervalMs, refused.value.salesRetryMaxMs]).toEqual([
        900_000, 30_000,
      ]);
    }
  });

  it("lays the owner's settings over the file", () => {
    const config = parseTillConfig(FILE, {
      hubUrl: "https://hub.example/stall",
      storeToken: "mine",
      timeZone: "Europe/Berlin",
      scanner: { gsSubstitutes: ["|"], prefixKeys: ["F9"], maxMedianGapMs: 60 },
    });
    expect(config.ok && config.value).toMatchObject({
      hubUrl: "https://hub.example/stall",
      feedUrl: "https://hub.example/stall/feed/",
      storeToken: "mine",
      timeZone: "Europe/Berlin",
      scanner: { gsSubstitutes: ["|"], prefixKeys: ["F9"], maxMedianGapMs: 60 },
    });
  });

  it("refuses a file that is not an object, misses fields, or carries a bad key, zone or GLN", () => {
    expect(parseTillConfig("nope", null)).toMatchObject({ ok: false, error: { code: "CONFIG_UNREADABLE" } });
    expect(parseTillConfig({ ...FILE, storeToken: undefined }, null)).toMatchObject({
      ok: false,
      error: { code: "CONFIG_INVALID", message: "missing: storeToken" },
    });
    expect(parseTillConfig({ ...FILE, trustedKeys: [{ keyId: "k", publicKey: "short" }] }, null)).toMatchObject({
      ok: false,
      error: { code: "CONFIG_INVALID" },
    });
    expect(parseTillConfig({ ...FILE, timeZone: "Mars/Olympus" }, null)).toMatchObject({
      ok: false,
      error: { code: "CONFIG_INVALID" },
    });
    expect(parseTillConfig(FILE, { hubUrl: "not a url" })).toMatchObject({
      ok: false,
      error: { code: "CONFIG_INVALID", message: "missing: feedUrl" },
    });
    expect(parseTillConfig({ ...FILE, storeGln: "123" }, null)).toMatchObject({
      ok: false,
      error: { code: "CONFIG_INVALID" },
    });
  });
});
