// A bad capture is refused whole, with a clear code, and stores nothing: no event of it counts, even the valid ones.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureDocument, STORE_A, saleEvent, TOFU } from "./support/epcis-fixtures.js";
import { call, startHubWithParties, type TestHub } from "./support/hub-harness.js";

const MAX_BODY_BYTES = 64 * 1024;

describe("malformed and oversized captures", () => {
  let hub: TestHub;
  let store: string;
  let producer: string;

  beforeAll(async () => {
    const options = { maxBodyBytes: MAX_BODY_BYTES, maxEventsPerCapture: 50 };
    ({ hub, store, producer } = await startHubWithParties("sqlite", STORE_A, options));
  });
  afterAll(() => hub.close());

  const stored = async () => (await call(hub.url, "GET", "/producer/sales", { token: producer })).json.rows;
  const good = (id: string) => saleEvent({ id, store: STORE_A, gtin: TOFU, batch: "M1", quantity: 1 });
  const capture = (options: Parameters<typeof call>[3]) =>
    call(hub.url, "POST", "/capture", { token: store, ...options });

  it.each([
    [
      "text that is not JSON",
      { raw: '{"type": "EPCISDocument", ', contentType: "application/json" },
      400,
      "MALFORMED_JSON",
    ],
    ["an empty body", { raw: "", contentType: "application/json" }, 400, "MALFORMED_JSON"],
    ["a JSON array", { body: [good("urn:uuid:m-arr")] }, 400, "INVALID_EPCIS_DOCUMENT"],
    [
      "text/plain",
      { raw: JSON.stringify(captureDocument([good("urn:uuid:m-txt")])), contentType: "text/plain" },
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    ],
    ["application/xml", { raw: "<EPCISDocument/>", contentType: "application/xml" }, 415, "UNSUPPORTED_MEDIA_TYPE"],
  ])("refuses %s", async (_what, options, status, code) => {
    const reply = await capture(options);
    expect(reply.status).toBe(status);
    expect(reply.json.error.code).toBe(code);
    expect(reply.json.error.message).toEqual(expect.any(String));
  });

  it("refuses a whole document when one of its events breaks the EPCIS schema, storing none of them", async () => {
    const broken = good("urn:uuid:m-broken");
    delete broken.eventTimeZoneOffset;
    const reply = await capture({ body: captureDocument([good("urn:uuid:m-ok-1"), broken, good("urn:uuid:m-ok-2")]) });
    expect(reply.status).toBe(400);
    expect(reply.json.error).toMatchObject({ code: "INVALID_EPCIS_DOCUMENT" });
    expect(reply.json.error.issues.join("\n")).toContain("eventTimeZoneOffset");
    expect(await stored()).toEqual([]);
  });

  it("refuses an event without eventID, since a retry of it could not be recognised", async () => {
    const anonymous = good("x");
    delete anonymous.eventID;
    const reply = await capture({ body: captureDocument([good("urn:uuid:m-ok-3"), anonymous]) });
    expect([reply.status, reply.json.error.code]).toEqual([400, "MISSING_EVENT_ID"]);
    expect(await stored()).toEqual([]);
  });

  it("refuses a sale whose product identifier carries no GTIN", async () => {
    const odd = { ...good("urn:uuid:m-odd"), quantityList: [{ epcClass: "urn:example:product:42", quantity: 1 }] };
    const reply = await capture({ body: captureDocument([good("urn:uuid:m-ok-4"), odd]) });
    expect([reply.status, reply.json.error.code]).toEqual([400, "UNSUPPORTED_IDENTIFIER"]);
    expect(await stored()).toEqual([]);
  });

  it("refuses a body over the size limit with 413 and stores nothing", async () => {
    const events = Array.from({ length: 40 }, (_, index) => ({
      ...good(`urn:uuid:m-big-${index}`),
      "example:padding": "x".repeat(2000),
    }));
    const reply = await capture({
      body: {
        ...captureDocument(events),
        "@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld", { example: "https://example.org/" }],
      },
    });
    expect([reply.status, reply.json.error.code]).toEqual([413, "BODY_TOO_LARGE"]);
    expect(await stored()).toEqual([]);
  });

  it("refuses a document with more events than the advertised capture limit", async () => {
    const options = await call(hub.url, "OPTIONS", "/capture");
    expect(options.headers.get("gs1-epcis-capture-limit")).toBe("50");
    expect(options.headers.get("gs1-epcis-capture-file-size-limit")).toBe(String(MAX_BODY_BYTES));
    const events = Array.from({ length: 51 }, (_, index) => good(`urn:uuid:m-many-${index}`));
    const reply = await capture({ body: captureDocument(events) });
    expect([reply.status, reply.json.error.code]).toEqual([413, "BODY_TOO_LARGE"]);
    expect(await stored()).toEqual([]);
  });

  it("answers any mangled document with a 4xx refusal storing nothing, or a 202 whose job holds every event", async () => {
    const base = captureDocument([good("urn:uuid:prop-1"), good("urn:uuid:prop-2")]);
    const paths = [
      ["type"],
      ["schemaVersion"],
      ["epcisBody"],
      ["epcisBody", "eventList"],
      ["epcisBody", "eventList", 0, "eventTime"],
      ["epcisBody", "eventList", 1, "eventID"],
      ["epcisBody", "eventList", 1, "quantityList"],
      ["epcisBody", "eventList", 0, "bizLocation"],
      ["epcisBody", "eventList", 0, "action"],
    ] as const;
    const values = fc.oneof(
      fc.constant(undefined),
      fc.string(),
      fc.integer(),
      fc.constant(null),
      fc.array(fc.string(), { maxLength: 2 }),
      fc.object({ maxDepth: 1 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), values, fc.nat(), async (path, value, salt) => {
        const document = structuredClone(base) as Record<string, unknown>;
        const ids = [`urn:uuid:prop-${salt}-a`, `urn:uuid:prop-${salt}-b`];
        const events = (document.epcisBody as { eventList: Record<string, unknown>[] }).eventList;
        events.forEach((event, index) => {
          event.eventID = ids[index];
          event.quantityList = [{ epcClass: `https://id.gs1.org/01/${TOFU}/10/P${salt}`, quantity: 1 }];
        });
        let target: Record<string | number, unknown> = document;
        for (const key of path.slice(0, -1)) {
          const next = target[key];
          if (typeof next !== "object" || next === null) return;
          target = next as Record<string | number, unknown>;
        }
        const last = path[path.length - 1] as string | number;
        if (value === undefined) delete target[last];
        else target[last] = value;
        const reply = await capture({ body: document });
        const rows = (await call(hub.url, "GET", `/producer/sales?batch=P${salt}`, { token: producer })).json.rows;
        if (reply.status === 202) {
          const job = await call(hub.url, "GET", `/capture/${reply.json.captureID}`, { token: store });
          const eventList = (document.epcisBody as { eventList: unknown[] }).eventList;
          expect(job.json).toMatchObject({ success: true, eventCount: eventList.length });
        } else {
          expect(reply.status).toBeGreaterThanOrEqual(400);
          expect(reply.status).toBeLessThan(500);
          expect(rows).toEqual([]);
        }
      }),
      { seed: 20_261_129, numRuns: 60 },
    );
  });
});
