// scangate-hub as an operator uses it: seed a demo, run the hub, manage notices, rotate the key, bad arguments.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isValidGtin } from "@scangate/gs1";
import { afterAll, describe, expect, it } from "vitest";
import { runHubCli } from "../src/cli/cli.js";
import { call, FIXED_NOW_MS, startTestHub } from "./support/hub-harness.js";

async function run(args: string[], options: { env?: Record<string, string>; stop?: Promise<void> } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runHubCli(args, {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    env: options.env ?? {},
    untilStopped: () => options.stop ?? Promise.resolve(),
    clock: { nowMs: () => FIXED_NOW_MS },
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("scangate-hub", () => {
  const folders: string[] = [];
  const folder = async () => {
    const path = await mkdtemp(join(tmpdir(), "scangate-hub-cli-"));
    folders.push(path);
    return path;
  };
  afterAll(async () => {
    for (const path of folders) await rm(path, { recursive: true, force: true });
  });

  it("seeds a demo: tokens printed, a week of sales, a recall and a failed inspection in the feed", async () => {
    const dataDir = await folder();
    const seeded = await run(["seed-demo", "--data", dataDir]);
    expect(seeded.err).toBe("");
    expect(seeded.code).toBe(0);
    const producerToken = /producer token: +(\S+)/.exec(seeded.out)?.[1] as string;
    const adminToken = /admin token: +(\S+)/.exec(seeded.out)?.[1] as string;
    expect(seeded.out).toMatch(/store 690\d{10}: sg_store_/);

    const catalogue = JSON.parse(await readFile(join(dataDir, "demo-catalogue.json"), "utf8"));
    expect(catalogue.length).toBeGreaterThanOrEqual(10);
    for (const product of catalogue) {
      expect(isValidGtin(product.gtin)).toBe(true);
      expect(product.gtin.slice(1, 3)).toMatch(/^69/);
    }
    const batches = catalogue.flatMap((product: { batches: { expired: boolean }[] }) => product.batches);
    expect(batches.filter((batch: { expired: boolean }) => batch.expired).length).toBeGreaterThanOrEqual(2);

    const hub = await startTestHub("sqlite", { dataDir, adminToken });
    try {
      const sales = await call(hub.url, "GET", "/producer/sales", { token: producerToken });
      expect(new Set(sales.json.rows.map((row: { day: string }) => row.day)).size).toBe(7);
      const notices = (await call(hub.url, "GET", "/admin/notices", { token: adminToken })).json.notices;
      expect(notices.map((notice: { kind: string }) => notice.kind).sort()).toEqual(["failed_inspection", "recall"]);
      expect(
        (await run(["seed-demo", "--data", join(dataDir, "..", "missing-never-created"), "--port", "x"])).code,
      ).toBe(2);
    } finally {
      await hub.close();
    }
    const again = await run(["seed-demo", "--data", dataDir]);
    expect(again.code).toBe(1);
    expect(again.err).toContain("ALREADY_EXISTS");
  });

  it("starts, prints where it listens, and stops when asked", async () => {
    const dataDir = await folder();
    let stop = () => {};
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const running = run(["start", "--data", dataDir, "--port", "0"], { stop: stopped });
    // The hub is up once it has written its admin token and the feed; then ask it to stop.
    for (let attempt = 0; attempt < 400; attempt += 1) {
      if ((await readFile(join(dataDir, "feed", "manifest.json"), "utf8").catch(() => "")) !== "") break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    stop();
    const result = await running;
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+\//);
    expect(result.out).toContain("stopped");
  });

  it("adds, lists and closes notices and sets the policy on a running hub", async () => {
    const hub = await startTestHub("sqlite");
    try {
      const file = join(hub.dataDir, "notices.json");
      const { recall } = await import("./support/notices.js");
      await import("node:fs/promises").then((fs) => fs.writeFile(file, JSON.stringify([recall("cli:1")])));
      const env = { HUB_URL: hub.url, HUB_ADMIN_TOKEN: hub.adminToken };
      expect((await run(["notice", "add", file], { env })).code).toBe(0);
      expect((await run(["notice", "close", "cli:1", "--status", "cancelled"], { env })).out).toContain(
        '"status":"cancelled"',
      );
      expect((await run(["notice", "list"], { env })).out).toContain('"version":2');
      const policyFile = join(hub.dataDir, "policy.json");
      await import("node:fs/promises").then((fs) =>
        fs.writeFile(policyFile, JSON.stringify({ dates: { sellBy: { action: "block" } } })),
      );
      expect((await run(["policy", "set", policyFile], { env })).code).toBe(0);
      expect(JSON.parse((await run(["policy", "show"], { env })).out).policy.dates.sellBy).toEqual({
        action: "block",
        graceDays: 0,
      });
      const refused = await run(["notice", "list"], { env: { ...env, HUB_ADMIN_TOKEN: "wrong-token-wrong-token" } });
      expect([refused.code, refused.err]).toEqual([1, expect.stringContaining("UNAUTHENTICATED")]);
    } finally {
      await hub.close();
    }
  });

  it("rotates the signing key in two steps from the command line", async () => {
    const dataDir = await folder();
    expect((await run(["rotate-key", "--activate", "--data", dataDir])).code).toBe(1);
    const prepared = await run(["rotate-key", "--data", dataDir]);
    expect(prepared.code).toBe(0);
    const trusted = JSON.parse(await readFile(join(dataDir, "keys", "trusted-keys.json"), "utf8"));
    expect(trusted).toHaveLength(2);
    const activated = await run(["rotate-key", "--activate", "--data", dataDir]);
    expect(activated.code).toBe(0);
    expect(activated.out).toMatch(/feed version \d+ signed by ed25519-/);
  });

  it("refuses bad arguments with INVALID_CONFIG and exit code 2", async () => {
    for (const args of [
      ["start", "--port", "99999"],
      ["start", "--postgres", "mysql://x"],
      ["start", "--bogus"],
      ["frobnicate"],
      [],
    ]) {
      const result = await run(args);
      expect(result.code).toBe(2);
    }
    expect((await run(["start", "--port", "99999"])).err).toContain("INVALID_CONFIG");
  });
});
