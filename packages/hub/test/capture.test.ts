// The EPCIS capture interface and the producer view, end to end over HTTP, on SQLite and on PostgreSQL.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CABBAGE, captureDocument, gln, RICE, STORE_A, saleEvent, TOFU } from "./support/epcis-fixtures.js";
import {
  call,
  registerProducer,
  registerStore,
  STORAGE_KINDS,
  startHubWithParties,
  type TestHub,
} from "./support/hub-harness.js";

describe.each(STORAGE_KINDS)("capture and producer sales on %s", (kind) => {
  let hub: TestHub;
  let storeToken: string;
  let producerToken: string;

  beforeAll(async () => {
    ({ hub, store: storeToken, producer: producerToken } = await startHubWithParties(kind, STORE_A));
  }, 60_000);
  afterAll(() => hub.close());

  const sales = async (query = "") =>
    (await call(hub.url, "GET", `/producer/sales${query}`, { token: producerToken })).json.rows;

  it("acknowledges a capture with 202, a Location and a finished, successful job", async () => {
    const document = captureDocument([
      saleEvent({ id: `urn:uuid:${kind}-job-1`, store: STORE_A, gtin: TOFU, batch: "J1", quantity: 2 }),
    ]);
    const reply = await call(hub.url, "POST", "/capture", { token: storeToken, body: document });
    expect(reply.status).toBe(202);
    const captureId = reply.json.captureID as string;
    expect(reply.headers.get("location")).toBe(`/capture/${captureId}`);
    const job = await call(hub.url, "GET", `/capture/${captureId}`, { token: storeToken });
    expect(job.status).toBe(200);
    expect(job.json).toMatchObject({
      captureID: captureId,
      running: false,
      success: true,
      captureErrorBehaviour: "rollback",
      errors: [],
    });
  });

  it("stores GS1's own validated sale example (EPC URNs, application/ld+json)", async () => {
    const example = readFileSync("/work/shared/data/epcis-sale-example.jsonld", "utf8");
    // The example sells at 9521234000013; register that store and send it with its token.
    const exampleStore = await registerStore(hub, "9521234000013");
    const producer = await registerProducer(hub, ["9521234"]);
    const reply = await call(hub.url, "POST", "/capture", {
      token: exampleStore,
      raw: example,
      contentType: "application/ld+json",
    });
    expect(reply.status).toBe(202);
    const rows = (await call(hub.url, "GET", "/producer/sales", { token: producer })).json.rows;
    expect(rows).toEqual([
      {
        gtin: "09521234543213",
        batch: "LOT2027A",
        day: "2027-03-15",
        store: "9521234000013",
        quantity: 2,
        uom: null,
        events: 1,
      },
    ]);
  });

  it("aggregates by GTIN, batch, local day and store, summing quantities and counting events", async () => {
    const events = [
      saleEvent({ id: `urn:uuid:${kind}-agg-1`, store: STORE_A, gtin: CABBAGE, batch: "B7", quantity: 3 }),
      saleEvent({
        id: `urn:uuid:${kind}-agg-2`,
        store: STORE_A,
        gtin: CABBAGE,
        batch: "B7",
        quantity: 4,
        identifiers: "urn",
      }),
      // 23:30 UTC on the 14th is the 15th in Shanghai (+08:00): same local day as the two above.
      saleEvent({
        id: `urn:uuid:${kind}-agg-3`,
        store: STORE_A,
        gtin: CABBAGE,
        batch: "B7",
        eventTime: "2027-03-14T23:30:00Z",
      }),
      // …but 15:30 UTC on the 15th is the 16th there.
      saleEvent({
        id: `urn:uuid:${kind}-agg-4`,
        store: STORE_A,
        gtin: CABBAGE,
        batch: "B7",
        eventTime: "2027-03-15T16:30:00Z",
      }),
      saleEvent({
        id: `urn:uuid:${kind}-agg-5`,
        store: STORE_A,
        gtin: CABBAGE,
        batch: "B7",
        quantity: 0.525,
        uom: "KGM",
      }),
      saleEvent({ id: `urn:uuid:${kind}-agg-6`, store: STORE_A, gtin: CABBAGE, serials: ["S1", "S2", "S3"] }),
    ];
    const reply = await call(hub.url, "POST", "/capture", { token: storeToken, body: captureDocument(events) });
    expect(reply.status).toBe(202);
    expect(await sales(`?gtin=${CABBAGE}`)).toEqual([
      { gtin: CABBAGE, batch: null, day: "2027-03-15", store: STORE_A, quantity: 3, uom: null, events: 1 },
      { gtin: CABBAGE, batch: "B7", day: "2027-03-15", store: STORE_A, quantity: 8, uom: null, events: 3 },
      { gtin: CABBAGE, batch: "B7", day: "2027-03-15", store: STORE_A, quantity: 0.525, uom: "KGM", events: 1 },
      { gtin: CABBAGE, batch: "B7", day: "2027-03-16", store: STORE_A, quantity: 1, uom: null, events: 1 },
    ]);
    expect(await sales(`?gtin=${CABBAGE}&from=2027-03-16&to=2027-03-16`)).toHaveLength(1);
    expect(await sales(`?gtin=${CABBAGE}&batch=B7&to=2027-03-15`)).toHaveLength(2);
    expect(await sales(`?store=${gln("690123499999")}`)).toEqual([]);
  });

  it("ignores a retried capture: the same events count once and the retry still succeeds", async () => {
    const document = captureDocument([
      saleEvent({ id: `urn:uuid:${kind}-retry-1`, store: STORE_A, gtin: TOFU, batch: "R1", quantity: 5 }),
      saleEvent({ id: `urn:uuid:${kind}-retry-2`, store: STORE_A, gtin: TOFU, batch: "R1", quantity: 6 }),
    ]);
    const first = await call(hub.url, "POST", "/capture", { token: storeToken, body: document });
    const second = await call(hub.url, "POST", "/capture", { token: storeToken, body: document });
    expect([first.status, second.status]).toEqual([202, 202]);
    const job = await call(hub.url, "GET", `/capture/${second.json.captureID}`, { token: storeToken });
    expect(job.json).toMatchObject({ success: true, eventCount: 2, newEventCount: 0 });
    expect(await sales(`?gtin=${TOFU}&batch=R1`)).toEqual([
      { gtin: TOFU, batch: "R1", day: "2027-03-15", store: STORE_A, quantity: 11, uom: null, events: 2 },
    ]);
  });

  it("counts an event once when a document carries its eventID twice", async () => {
    const event = saleEvent({ id: `urn:uuid:${kind}-twice`, store: STORE_A, gtin: TOFU, batch: "TW", quantity: 3 });
    const reply = await call(hub.url, "POST", "/capture", { token: storeToken, body: captureDocument([event, event]) });
    expect(reply.status).toBe(202);
    const job = await call(hub.url, "GET", `/capture/${reply.json.captureID}`, { token: storeToken });
    expect(job.json).toMatchObject({ eventCount: 2, newEventCount: 1 });
    expect(await sales("?batch=TW")).toMatchObject([{ quantity: 3, events: 1 }]);
  });

  it("takes one event on POST /events: 201 the first time, 200 for a retry, counted once", async () => {
    const event = saleEvent({ id: `urn:uuid:${kind}-single-1`, store: STORE_A, gtin: TOFU, batch: "S9", quantity: 7 });
    const first = await call(hub.url, "POST", "/events", { token: storeToken, body: event });
    const again = await call(hub.url, "POST", "/events", { token: storeToken, body: event });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(await sales(`?batch=S9`)).toEqual([
      { gtin: TOFU, batch: "S9", day: "2027-03-15", store: STORE_A, quantity: 7, uom: null, events: 1 },
    ]);
  });

  it("shows a producer only GTINs under its company prefixes", async () => {
    const document = captureDocument([
      saleEvent({ id: `urn:uuid:${kind}-rice-1`, store: STORE_A, gtin: RICE, batch: "X" }),
    ]);
    expect((await call(hub.url, "POST", "/capture", { token: storeToken, body: document })).status).toBe(202);
    const rows = await sales();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row: { gtin: string }) => row.gtin.slice(1).startsWith("6901234"))).toBe(true);
    expect(await sales(`?gtin=${RICE}`)).toEqual([]);
    const riceProducer = await registerProducer(hub, ["6927777"]);
    const riceRows = (await call(hub.url, "GET", "/producer/sales", { token: riceProducer })).json.rows;
    expect(riceRows).toEqual([
      { gtin: RICE, batch: "X", day: "2027-03-15", store: STORE_A, quantity: 1, uom: null, events: 1 },
    ]);
  });

  it("answers health with ok and the storage in use", async () => {
    const reply = await call(hub.url, "GET", "/health");
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ status: "ok", storage: kind });
  });
});
