// A browser till on its own origin must be able to read the feed and capture sales; the admin API and the
// producer page stay same-origin.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, registerStore, startTestHub, type TestHub } from "./support/hub-harness.js";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub("sqlite");
});
afterAll(() => hub?.close());

const ORIGIN = { origin: "http://127.0.0.1:5173" };

describe("cross-origin access for browser tills", () => {
  it("answers a capture preflight and marks feed and capture replies readable from any origin", async () => {
    const preflight = await call(hub.url, "OPTIONS", "/capture", {
      headers: {
        ...ORIGIN,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("authorization");

    const manifest = await call(hub.url, "GET", "/feed/manifest.json", { headers: ORIGIN });
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get("access-control-allow-origin")).toBe("*");
    expect(manifest.headers.get("access-control-expose-headers")).toContain("etag");

    const token = await registerStore(hub, "6901234000016");
    const refused = await call(hub.url, "POST", "/capture", { token, headers: ORIGIN, body: {} });
    expect(refused.status).toBe(400);
    expect(refused.headers.get("access-control-allow-origin")).toBe("*"); // the till can read why
  });

  it("keeps the admin API and the producer page same-origin", async () => {
    const admin = await call(hub.url, "GET", "/admin/notices", { token: hub.adminToken, headers: ORIGIN });
    expect(admin.status).toBe(200);
    expect(admin.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await call(hub.url, "OPTIONS", "/admin/notices", {
      headers: { ...ORIGIN, "access-control-request-method": "POST" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
  });
});
