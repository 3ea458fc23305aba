// The rule feed: notice and policy changes publish signed versions that @scangate/rules' own verifier accepts,
// served with strong ETags, 304s and cache headers; and a key rotation tills can follow.
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { detectEd25519Verifier, type FeedState, type TrustedKey, verifyFeedUpdate } from "@scangate/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, FIXED_NOW_MS, STORAGE_KINDS, startTestHub, type TestHub } from "./support/hub-harness.js";
import { recall } from "./support/notices.js";

async function tillUpdate(hub: TestHub, keys: TrustedKey[], held?: FeedState) {
  return verifyFeedUpdate({
    readFile: async (file) => {
      const response = await fetch(new URL(`feed/${file}`, hub.url));
      return response.ok ? new Uint8Array(await response.arrayBuffer()) : undefined;
    },
    keys,
    nowMs: FIXED_NOW_MS + 60_000,
    verifier: await detectEd25519Verifier(),
    ...(held === undefined ? {} : { held }),
  });
}

describe.each(STORAGE_KINDS)("the rule feed on %s", (kind) => {
  let hub: TestHub;
  let keys: TrustedKey[];
  const admin = (method: string, path: string, body?: unknown) =>
    call(hub.url, method, path, { token: hub.adminToken, ...(body === undefined ? {} : { body }) });

  beforeAll(async () => {
    hub = await startTestHub(kind);
    keys = (await call(hub.url, "GET", "/feed/keys.json")).json.trustedKeys;
  }, 60_000);
  afterAll(() => hub.close());

  it("publishes an empty signed feed on first start, with the signing key kept private in the data dir", async () => {
    const update = await tillUpdate(hub, keys);
    expect(update.ok && update.value.state.version).toBe(1);
    const key = await stat(join(hub.dataDir, "keys", "feed-key.pem"));
    expect(key.mode & 0o777).toBe(0o600);
  });

  it("publishes a new version per notice change, which a till applies through deltas", async () => {
    const before = await tillUpdate(hub, keys);
    if (!before.ok) throw new Error(before.error.code);
    const created = await admin("POST", "/admin/notices", recall("hub:recall:1"));
    expect(created.status).toBe(200);
    expect(created.json.notices).toEqual([{ id: "hub:recall:1", version: 1 }]);
    const updated = await admin("POST", "/admin/notices", recall("hub:recall:1", ["TF1", "TF2"]));
    expect(updated.json.notices).toEqual([{ id: "hub:recall:1", version: 2 }]);
    expect(updated.json.feedVersion).toBe(created.json.feedVersion + 1);

    const after = await tillUpdate(hub, keys, before.value.state);
    if (!after.ok) throw new Error(after.error.code);
    expect(after.value.changes).toBeDefined();
    const notice = after.value.state.notices.find((candidate) => candidate.id === "hub:recall:1");
    expect(notice?.products[0]?.batches).toEqual(["TF1", "TF2"]);

    const closed = await admin("POST", "/admin/notices/hub:recall:1/close", { status: "closed" });
    expect(closed.json.notice).toEqual({ id: "hub:recall:1", version: 3, status: "closed" });
    const listed = await admin("GET", "/admin/notices");
    expect(listed.json.notices).toMatchObject([{ id: "hub:recall:1", version: 3, status: "closed" }]);
    expect((await admin("POST", "/admin/notices/nope/close", {})).status).toBe(404);
  });

  it("refuses a notice that breaks the rule model, publishing nothing", async () => {
    const version = (await call(hub.url, "GET", "/health")).json.feedVersion;
    const bad = { ...recall("hub:bad"), products: [{ gtin: "12345" }] };
    const reply = await admin("POST", "/admin/notices", bad);
    expect([reply.status, reply.json.error.code]).toEqual([400, "INVALID_BODY"]);
    expect(reply.json.error.issues.join("\n")).toContain("products.0.gtin");
    expect((await call(hub.url, "GET", "/health")).json.feedVersion).toBe(version);
  });

  it("publishes the store policy beside the feed", async () => {
    const reply = await admin("PUT", "/admin/policy", { dates: { useBy: { action: "block", graceDays: 0 } } });
    expect(reply.status).toBe(200);
    const policy = await call(hub.url, "GET", "/feed/policy.json");
    expect(policy.json.dates.useBy).toEqual({ action: "block", graceDays: 0 });
    expect((await admin("GET", "/admin/policy")).json.policy).toEqual(policy.json);
    const bad = await admin("PUT", "/admin/policy", { staleness: { staleAfterMs: -1 } });
    expect([bad.status, bad.json.error.code]).toEqual([400, "INVALID_BODY"]);
  });

  it("serves feed files with a strong ETag, 304 on If-None-Match, and cache headers by file kind", async () => {
    const manifest = await call(hub.url, "GET", "/feed/manifest.json");
    const etag = manifest.headers.get("etag");
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(manifest.headers.get("cache-control")).toBe("no-cache");
    const again = await call(hub.url, "GET", "/feed/manifest.json", { headers: { "if-none-match": etag as string } });
    expect([again.status, again.text]).toEqual([304, ""]);
    const snapshotFile = manifest.json.snapshot.file as string;
    const snapshot = await call(hub.url, "GET", `/feed/${snapshotFile}`);
    expect(snapshot.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(snapshot.text).toBe(await readFile(join(hub.hub.feedDir, snapshotFile), "utf8"));
    await admin("POST", "/admin/feed/publish", {});
    const changed = await call(hub.url, "GET", "/feed/manifest.json", { headers: { "if-none-match": etag as string } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect((await call(hub.url, "GET", "/feed/..%2Fhub.sqlite")).status).toBe(404);
    expect((await call(hub.url, "GET", "/feed/admin-token")).status).toBe(404);
  });

  it("rotates the signing key in two steps that a till trusting both keys follows", async () => {
    const prepared = await admin("POST", "/admin/keys/rotate", { step: "prepare" });
    expect(prepared.json.trustedKeys).toHaveLength(2);
    const bothKeys = prepared.json.trustedKeys as TrustedKey[];
    const oldKeyId = prepared.json.activeKeyId;
    const activated = await admin("POST", "/admin/keys/rotate", { step: "activate" });
    expect(activated.status).toBe(200);
    expect(activated.json.activeKeyId).toBe(prepared.json.nextKeyId);
    const onlyNew = bothKeys.filter((key) => key.keyId !== oldKeyId);
    const onlyOld = bothKeys.filter((key) => key.keyId === oldKeyId);
    expect((await tillUpdate(hub, bothKeys)).ok).toBe(true);
    expect((await tillUpdate(hub, onlyNew)).ok).toBe(true);
    const stale = await tillUpdate(hub, onlyOld);
    expect(stale.ok || stale.error.code).toBe("UNKNOWN_KEY");
    expect((await admin("POST", "/admin/keys/rotate", { step: "activate" })).status).toBe(404);
  });
});
