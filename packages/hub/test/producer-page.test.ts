// The producer web page: sign in with a token, see only your own sales as a chart and a table.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureDocument, RICE, STORE_A, saleEvent, TOFU } from "./support/epcis-fixtures.js";
import { call, registerProducer, registerStore, startTestHub, type TestHub } from "./support/hub-harness.js";

describe("the producer page", () => {
  let hub: TestHub;
  let producer: string;

  beforeAll(async () => {
    hub = await startTestHub("sqlite");
    const store = await registerStore(hub, STORE_A);
    producer = await registerProducer(hub, ["6901234"], "Tofu maker");
    const events = [
      saleEvent({
        id: "urn:uuid:page-1",
        store: STORE_A,
        gtin: TOFU,
        batch: "TF<1>",
        quantity: 4,
        eventTime: "2027-03-13T03:00:00Z",
      }),
      saleEvent({
        id: "urn:uuid:page-2",
        store: STORE_A,
        gtin: TOFU,
        batch: "TF<1>",
        quantity: 6,
        eventTime: "2027-03-14T03:00:00Z",
      }),
      saleEvent({ id: "urn:uuid:page-3", store: STORE_A, gtin: RICE, batch: "RICE-SECRET", quantity: 1 }),
    ];
    const captured = await call(hub.url, "POST", "/capture", { token: store, body: captureDocument(events) });
    if (captured.status !== 202) throw new Error(captured.text);
  });
  afterAll(() => hub.close());

  const signIn = async (token: string) => {
    const response = await fetch(new URL("producer/login", hub.url), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token }).toString(),
      redirect: "manual",
    });
    return response;
  };

  it("shows a sign-in form to a visitor without a token", async () => {
    const page = await call(hub.url, "GET", "/producer");
    expect(page.status).toBe(401);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.text).toContain('<form method="post" action="/producer/login">');
  });

  it("signs a producer in with a cookie and shows a chart and a table of its own sales only", async () => {
    const login = await signIn(producer);
    expect(login.status).toBe(303);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] as string;
    expect(login.headers.get("set-cookie")).toMatch(/HttpOnly; SameSite=Strict/);
    const page = await call(hub.url, "GET", "/producer", { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.text).toContain("<svg");
    expect(page.text).toContain("<polyline");
    expect(page.text).toContain(`${TOFU} · TF&#60;1&#62;`);
    expect(page.text).toContain("<td>2027-03-13</td>");
    expect(page.text).toContain("<td>2027-03-14</td>");
    expect(page.text).not.toContain("RICE-SECRET");
    expect(page.text).not.toContain("TF<1>");
    const filtered = await call(hub.url, "GET", "/producer?from=2027-03-14", { headers: { cookie } });
    expect(filtered.text).not.toContain("<td>2027-03-13</td>");
  });

  it("takes a token from a link once, then drops it from the address", async () => {
    const response = await fetch(new URL(`producer?token=${encodeURIComponent(producer)}&from=2027-03-01`, hub.url), {
      redirect: "manual",
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/producer?from=2027-03-01");
    expect(response.headers.get("set-cookie")).toContain("sg_producer=");
  });

  it("refuses a store or admin token at sign-in", async () => {
    const refused = await signIn(hub.adminToken);
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain("not a producer token");
  });
});
