// Every endpoint checks its token: none or an unknown one is 401, another kind is 403, and no token, filter or
// capture job id lets one producer or store see another's data. On SQLite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureDocument, RICE, STORE_A, STORE_B, saleEvent, TOFU } from "./support/epcis-fixtures.js";
import {
  call,
  registerProducer,
  registerStore,
  STORAGE_KINDS,
  startTestHub,
  type TestHub,
} from "./support/hub-harness.js";

type Kind = "admin" | "store" | "producer";

/** Every protected endpoint, with the one token kind it accepts and a body that would pass validation. */
const ENDPOINTS: readonly { method: string; path: string; accepts: Kind; body?: unknown }[] = [
  { method: "POST", path: "/capture", accepts: "store", body: captureDocument([]) },
  { method: "GET", path: "/capture/00000000-0000-4000-8000-000000000000", accepts: "store" },
  { method: "POST", path: "/events", accepts: "store", body: {} },
  { method: "POST", path: "/admin/stores", accepts: "admin", body: {} },
  { method: "POST", path: "/admin/producers", accepts: "admin", body: {} },
  { method: "GET", path: "/admin/notices", accepts: "admin" },
  { method: "POST", path: "/admin/notices", accepts: "admin", body: [] },
  { method: "POST", path: "/admin/notices/x/close", accepts: "admin", body: {} },
  { method: "GET", path: "/admin/policy", accepts: "admin" },
  { method: "PUT", path: "/admin/policy", accepts: "admin", body: {} },
  { method: "POST", path: "/admin/feed/publish", accepts: "admin", body: {} },
  { method: "POST", path: "/admin/keys/rotate", accepts: "admin", body: {} },
  { method: "GET", path: "/producer/sales", accepts: "producer" },
];

describe.each(STORAGE_KINDS)("authorisation on %s", (kind) => {
  let hub: TestHub;
  const tokens = {} as Record<Kind | "storeB" | "producerB", string>;

  beforeAll(async () => {
    hub = await startTestHub(kind);
    tokens.admin = hub.adminToken;
    tokens.store = await registerStore(hub, STORE_A);
    tokens.storeB = await registerStore(hub, STORE_B);
    tokens.producer = await registerProducer(hub, ["6901234"], "Tofu maker");
    tokens.producerB = await registerProducer(hub, ["6927777"], "Rice mill");
    const sales = captureDocument([
      saleEvent({ id: `urn:uuid:${kind}-authz-tofu`, store: STORE_A, gtin: TOFU, batch: "A1", quantity: 3 }),
      saleEvent({ id: `urn:uuid:${kind}-authz-rice`, store: STORE_A, gtin: RICE, batch: "B1", quantity: 9 }),
    ]);
    const reply = await call(hub.url, "POST", "/capture", { token: tokens.store, body: sales });
    expect(reply.status).toBe(202);
  }, 60_000);
  afterAll(() => hub.close());

  for (const endpoint of ENDPOINTS) {
    const { method, path, accepts, body } = endpoint;
    it(`${method} ${path}: 401 without a token and with a wrong one, 403 with another kind of token`, async () => {
      const none = await call(hub.url, method, path, body === undefined ? {} : { body });
      expect(none.status).toBe(401);
      expect(none.json.error.code).toBe("UNAUTHENTICATED");
      const wrong = await call(hub.url, method, path, {
        token: "sg_store_not-a-real-token",
        ...(body === undefined ? {} : { body }),
      });
      expect(wrong.status).toBe(401);
      for (const other of (["admin", "store", "producer"] as const).filter((k) => k !== accepts)) {
        const reply = await call(hub.url, method, path, {
          token: tokens[other],
          ...(body === undefined ? {} : { body }),
        });
        expect({ other, status: reply.status, code: reply.json?.error?.code }).toEqual({
          other,
          status: 403,
          code: "FORBIDDEN",
        });
      }
      const right = await call(hub.url, method, path, {
        token: tokens[accepts],
        ...(body === undefined ? {} : { body }),
      });
      expect([401, 403]).not.toContain(right.status);
    });
  }

  it("never shows producer A the sales of producer B's GTINs, whatever the filters", async () => {
    const ownRows = (await call(hub.url, "GET", "/producer/sales", { token: tokens.producer })).json.rows;
    expect(ownRows.map((row: { gtin: string }) => row.gtin)).toEqual([TOFU]);
    for (const query of [`?gtin=${RICE}`, `?batch=B1`, `?store=${STORE_A}`, "?limit=100000"]) {
      const rows = (await call(hub.url, "GET", `/producer/sales${query}`, { token: tokens.producer })).json.rows;
      expect(rows.some((row: { gtin: string }) => row.gtin === RICE)).toBe(false);
    }
    const riceRows = (await call(hub.url, "GET", "/producer/sales", { token: tokens.producerB })).json.rows;
    expect(riceRows).toEqual([
      { gtin: RICE, batch: "B1", day: "2027-03-15", store: STORE_A, quantity: 9, uom: null, events: 1 },
    ]);
  });

  it("does not show one store's capture job to another store", async () => {
    const reply = await call(hub.url, "POST", "/capture", { token: tokens.store, body: captureDocument([]) });
    expect(reply.status).toBe(202);
    const own = await call(hub.url, "GET", `/capture/${reply.json.captureID}`, { token: tokens.store });
    const other = await call(hub.url, "GET", `/capture/${reply.json.captureID}`, { token: tokens.storeB });
    expect([own.status, other.status]).toEqual([200, 404]);
  });

  it("refuses a store's sale events attributed to another store, and stores none of the document", async () => {
    const document = captureDocument([
      saleEvent({ id: `urn:uuid:${kind}-spoof-own`, store: STORE_B, gtin: TOFU, batch: "SPOOF", quantity: 1 }),
      saleEvent({ id: `urn:uuid:${kind}-spoof-other`, store: STORE_A, gtin: TOFU, batch: "SPOOF", quantity: 1 }),
    ]);
    const reply = await call(hub.url, "POST", "/capture", { token: tokens.storeB, body: document });
    expect(reply.status).toBe(403);
    expect(reply.json.error.code).toBe("STORE_MISMATCH");
    const rows = (await call(hub.url, "GET", "/producer/sales?batch=SPOOF", { token: tokens.producer })).json.rows;
    expect(rows).toEqual([]);
  });

  it("serves the feed to anyone without a token (tills fetch it like a CDN file)", async () => {
    const reply = await call(hub.url, "GET", "/feed/manifest.json");
    expect(reply.status).toBe(200);
  });
});
