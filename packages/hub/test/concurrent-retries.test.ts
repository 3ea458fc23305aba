// Tills retry whatever was not acknowledged, often while the first attempt is still in flight. Many parallel
// captures of overlapping documents must still store every event exactly once. On SQLite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureDocument, STORE_A, saleEvent, TOFU } from "./support/epcis-fixtures.js";
import { call, STORAGE_KINDS, startHubWithParties, type TestHub } from "./support/hub-harness.js";

const EVENTS = 300;
const DOCUMENTS = 60;
const WINDOW = 40;

describe.each(STORAGE_KINDS)("concurrent retries on %s", (kind) => {
  let hub: TestHub;
  let store: string;
  let producer: string;

  beforeAll(async () => {
    ({ hub, store, producer } = await startHubWithParties(kind, STORE_A));
  }, 60_000);
  afterAll(() => hub.close());

  it("stores each event once when 60 overlapping documents arrive in parallel, each sent twice", async () => {
    // Event i sells i+1 units of batch "C<i mod 7>", so the expected totals are known exactly.
    const events = Array.from({ length: EVENTS }, (_, index) =>
      saleEvent({
        id: `urn:uuid:${kind}-conc-${index}`,
        store: STORE_A,
        gtin: TOFU,
        batch: `C${index % 7}`,
        quantity: index + 1,
      }),
    );
    const documents = Array.from({ length: DOCUMENTS }, (_, index) => {
      const start = (index * 37) % (EVENTS - WINDOW);
      return captureDocument(events.slice(start, start + WINDOW));
    });
    // Every event is in at least one document: the last document covers the tail, the first the head.
    documents.push(captureDocument(events));
    const replies = await Promise.all(
      [...documents, ...documents].map((body) => call(hub.url, "POST", "/capture", { token: store, body })),
    );
    expect(replies.map((reply) => reply.status)).toEqual(replies.map(() => 202));

    const rows = (await call(hub.url, "GET", "/producer/sales", { token: producer })).json.rows as {
      batch: string;
      quantity: number;
      events: number;
    }[];
    const expected = new Map<string, { quantity: number; events: number }>();
    events.forEach((_, index) => {
      const batch = `C${index % 7}`;
      const total = expected.get(batch) ?? { quantity: 0, events: 0 };
      expected.set(batch, { quantity: total.quantity + index + 1, events: total.events + 1 });
    });
    expect(Object.fromEntries(rows.map((row) => [row.batch, { quantity: row.quantity, events: row.events }]))).toEqual(
      Object.fromEntries(expected),
    );
    const jobs = await Promise.all(
      replies.map((reply) => call(hub.url, "GET", `/capture/${reply.json.captureID}`, { token: store })),
    );
    expect(jobs.reduce((sum, job) => sum + (job.json.newEventCount as number), 0)).toBe(EVENTS);
  }, 60_000);

  it("stores a single event once when it is posted 20 times at the same moment", async () => {
    const event = saleEvent({
      id: `urn:uuid:${kind}-single-race`,
      store: STORE_A,
      gtin: TOFU,
      batch: "RACE",
      quantity: 2,
    });
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => call(hub.url, "POST", "/events", { token: store, body: event })),
    );
    expect(replies.map((reply) => reply.status).sort()).toEqual([...Array(19).fill(200), 201]);
    const rows = (await call(hub.url, "GET", "/producer/sales?batch=RACE", { token: producer })).json.rows;
    expect(rows).toMatchObject([{ quantity: 2, events: 1 }]);
  });
});
