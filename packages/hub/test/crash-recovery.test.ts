// kill -9 the hub process while tills are capturing, restart it on the same data directory: every capture it
// acknowledged (202) is there exactly once, and every other capture is there entirely or not at all.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { captureDocument, STORE_A, saleEvent, TOFU } from "./support/epcis-fixtures.js";
import { call } from "./support/hub-harness.js";
import { type HubProcess, spawnHub } from "./support/hub-process.js";

const ADMIN = "crash-test-admin-token-0123456789";
const CLIENTS = 8;
const EVENTS_PER_DOCUMENT = 20;

describe("a hub killed with SIGKILL mid-ingest", () => {
  const running: HubProcess[] = [];
  let dataDir = "";
  afterAll(async () => {
    for (const hub of running)
      if (hub.child.exitCode === null && hub.child.signalCode === null) hub.child.kill("SIGKILL");
    if (dataDir !== "") await rm(dataDir, { recursive: true, force: true });
  });

  it("keeps every acknowledged capture exactly once after a restart", async () => {
    dataDir = await mkdtemp(join(tmpdir(), "scangate-hub-crash-"));
    const first = await spawnHub(dataDir, ADMIN);
    running.push(first);
    const storeToken = (
      await call(first.url, "POST", "/admin/stores", { token: ADMIN, body: { gln: STORE_A, name: "A" } })
    ).json.token;
    const producerToken = (
      await call(first.url, "POST", "/admin/producers", {
        token: ADMIN,
        body: { name: "P", companyPrefixes: ["6901234"] },
      })
    ).json.token;

    // Document n holds 20 one-unit sales of batch "D<n>": its row must read 20 events, or not exist.
    const documentFor = (n: number) =>
      captureDocument(
        Array.from({ length: EVENTS_PER_DOCUMENT }, (_, index) =>
          saleEvent({ id: `urn:uuid:crash-${n}-${index}`, store: STORE_A, gtin: TOFU, batch: `D${n}`, quantity: 1 }),
        ),
      );
    const acknowledged = new Set<number>();
    const attempted = new Set<number>();
    let next = 0;
    let killed = false;
    const client = async () => {
      while (!killed) {
        const n = next++;
        attempted.add(n);
        try {
          const reply = await call(first.url, "POST", "/capture", { token: storeToken, body: documentFor(n) });
          if (reply.status === 202) acknowledged.add(n);
        } catch {
          return; // the connection died with the hub
        }
      }
    };
    const clients = Array.from({ length: CLIENTS }, client);
    while (acknowledged.size < 150) await new Promise((resolve) => setTimeout(resolve, 20));
    killed = true;
    first.child.kill("SIGKILL");
    expect(await first.exited).toBe("SIGKILL");
    await Promise.all(clients);

    const second = await spawnHub(dataDir, ADMIN);
    running.push(second);
    const read = async () =>
      new Map(
        (
          (await call(second.url, "GET", "/producer/sales?limit=100000", { token: producerToken })).json.rows as {
            batch: string;
            events: number;
            quantity: number;
          }[]
        ).map((row) => [row.batch, row]),
      );
    const rows = await read();
    for (const n of acknowledged)
      expect(rows.get(`D${n}`)).toMatchObject({ events: EVENTS_PER_DOCUMENT, quantity: EVENTS_PER_DOCUMENT });
    for (const n of attempted) expect([undefined, EVENTS_PER_DOCUMENT]).toContain(rows.get(`D${n}`)?.events);

    // The tills retry what was never acknowledged; afterwards every document is there exactly once.
    for (const n of attempted)
      if (!acknowledged.has(n))
        expect((await call(second.url, "POST", "/capture", { token: storeToken, body: documentFor(n) })).status).toBe(
          202,
        );
    const after = await read();
    expect(after.size).toBe(attempted.size);
    for (const row of after.values())
      expect(row).toMatchObject({ events: EVENTS_PER_DOCUMENT, quantity: EVENTS_PER_DOCUMENT });

    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  }, 60_000);
});
