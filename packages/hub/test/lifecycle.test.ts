// Starting and stopping: invalid options are refused up front, and close() lets a capture in flight finish.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseHubOptions, startHub } from "../src/index.js";
import { captureDocument, STORE_A, saleEvent, TOFU } from "./support/epcis-fixtures.js";
import { call, registerProducer, registerStore, startTestHub } from "./support/hub-harness.js";

describe("hub lifecycle", () => {
  it("refuses invalid options with INVALID_CONFIG naming each bad field", async () => {
    const parsed = parseHubOptions({ dataDir: "", port: 70_000, storage: { kind: "postgres", url: "mysql://x" } });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.code).toBe("INVALID_CONFIG");
    expect(parsed.error.issues?.map((issue) => issue.split(":")[0])).toEqual(["dataDir", "port", "storage.url"]);
    await expect(startHub({ dataDir: "x", maxBodyBytes: 1 })).rejects.toThrow(/INVALID_CONFIG/);
  });

  it("answers a capture that is in flight when close() is called, and keeps it", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "scangate-hub-close-"));
    try {
      const hub = await startTestHub("sqlite", { dataDir });
      const store = await registerStore(hub, STORE_A);
      const producer = await registerProducer(hub, ["6901234"]);
      const events = Array.from({ length: 5000 }, (_, index) =>
        saleEvent({ id: `urn:uuid:close-${index}`, store: STORE_A, gtin: TOFU, batch: "CLOSE", quantity: 1 }),
      );
      const inFlight = call(hub.url, "POST", "/capture", { token: store, body: captureDocument(events) });
      await new Promise((resolve) => setTimeout(resolve, 30));
      await hub.close();
      expect((await inFlight).status).toBe(202);
      await expect(call(hub.url, "GET", "/health")).rejects.toThrow();

      const again = await startTestHub("sqlite", { dataDir });
      const rows = (await call(again.url, "GET", "/producer/sales?batch=CLOSE", { token: producer })).json.rows;
      expect(rows).toMatchObject([{ quantity: 5000, events: 5000 }]);
      await again.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
