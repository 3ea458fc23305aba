// The gateway simulator behaves like an aggregator: it tells wallets apart by their code, burns a code on first use,
// lets a customer take time over a password, runs the merchant-presented QR mode, keeps reverse/refund rules, and
// runs standalone from its command for the web-till demo.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GatewaySimulator, startGatewaySimulator } from "../src/simulator/sim-server.js";
import { cny, freshCode, gatewayOn, netOf, unique } from "./support/harness.js";

describe("gateway simulator", () => {
  const clock = { nowMs: 1_800_000_000_000 };
  let sim: GatewaySimulator;
  beforeAll(async () => {
    sim = await startGatewaySimulator({ seed: 5, clock: () => clock.nowMs, userPayingMs: 5_000 });
  });
  afterAll(() => sim.close());
  const gateway = () => gatewayOn(sim);
  const pay = (authCode: string, outTradeNo = unique("S"), amountMinor = 1000) =>
    gateway().pay({ outTradeNo, amount: cny(amountMinor), authCode, subject: "veg" });

  it("charges Alipay, WeChat and UnionPay codes on the wallet their digits name", async () => {
    const codes = { alipay: "2801234567890123450", wechat: freshCode(), unionpay: "6212345678901234560" };
    for (const [wallet, code] of Object.entries(codes)) {
      expect(await pay(code)).toMatchObject({ ok: true, value: { state: "paid", channel: wallet } });
    }
  });

  it("burns a payment code on its first use, even when that payment was declined", async () => {
    const declined = freshCode("decline");
    expect(await pay(declined)).toMatchObject({ ok: false, error: { code: "declined" } });
    expect(await pay(declined)).toMatchObject({ ok: false, error: { code: "code_invalid_or_used" } });
  });

  it("keeps a customer entering a password USERPAYING until their time has come, then charges once", async () => {
    const outTradeNo = unique("U");
    expect(await pay(freshCode("password"), outTradeNo)).toMatchObject({
      ok: false,
      error: { code: "customer_action_required" },
    });
    expect(await gateway().query(outTradeNo)).toEqual({ ok: true, value: { state: "awaiting_customer" } });
    clock.nowMs += 5_000;
    expect(await gateway().query(outTradeNo)).toMatchObject({ ok: true, value: { state: "paid" } });
    expect(netOf(sim, outTradeNo)).toEqual({ charges: 1, netMinor: 1000 });
  });

  it("lets a test script how long one code's customer takes and what they decide", async () => {
    const code = freshCode();
    sim.script({ codes: { [code]: { outcome: "cancel", userPayingMs: 1_000 } } });
    const outTradeNo = unique("U");
    await pay(code, outTradeNo);
    clock.nowMs += 1_000;
    expect(await gateway().query(outTradeNo)).toEqual({ ok: true, value: { state: "failed", code: "cancelled" } });
  });

  it("refuses the same order number with another amount", async () => {
    const outTradeNo = unique("I");
    await pay(freshCode(), outTradeNo, 500);
    expect(await pay(freshCode(), outTradeNo, 600)).toMatchObject({
      ok: false,
      error: { code: "integration", gatewayCode: "OUT_TRADE_NO_USED" },
    });
    expect(netOf(sim, outTradeNo).charges).toBe(1);
  });

  it("closes an order whose customer is still paying when reversed, and never charges it afterwards", async () => {
    const outTradeNo = unique("R");
    await pay(freshCode("password"), outTradeNo);
    expect(await gateway().reverse(outTradeNo)).toEqual({ ok: true, value: { action: "closed" } });
    clock.nowMs += 10_000;
    expect(await gateway().query(outTradeNo)).toEqual({ ok: true, value: { state: "reversed", refunded: false } });
    expect(netOf(sim, outTradeNo).charges).toBe(0);
  });

  it("refuses to reverse an order that already has a refund (refund the rest instead)", async () => {
    const outTradeNo = unique("R");
    await pay(freshCode(), outTradeNo);
    await gateway().refund({ outTradeNo, outRefundNo: unique("RF"), amount: cny(100) });
    expect(await gateway().reverse(outTradeNo)).toMatchObject({
      ok: false,
      error: { code: "declined", gatewayCode: "TRADE_HAS_REFUND" },
    });
  });

  it("runs the merchant-presented QR mode: precreate, the customer's wallet pays the URL, a query sees it paid", async () => {
    const outTradeNo = unique("Q");
    const created = await gateway().precreate({ outTradeNo, amount: cny(2350), subject: "veg" });
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value.qrCodeUrl.startsWith(`${sim.url}sim/qr/`)).toBe(true);
    expect(await gateway().query(outTradeNo)).toEqual({ ok: true, value: { state: "awaiting_customer" } });
    const scanned = await fetch(`${created.value.qrCodeUrl}/pay`, { method: "POST", body: '{"wallet":"wechat"}' });
    expect(((await scanned.json()) as { code: string }).code).toBe("SUCCESS");
    expect(await gateway().query(outTradeNo)).toMatchObject({
      ok: true,
      value: { state: "paid", channel: "wechat", paidMinor: 2350 },
    });
    expect(netOf(sim, outTradeNo)).toEqual({ charges: 1, netMinor: 2350 });
  });

  it("draws the same random faults for the same seed", async () => {
    const outcomes = async () => {
      const noisy = await startGatewaySimulator({ seed: 42, randomFaults: { rate: 0.5, kinds: ["SYSTEMERROR"] } });
      try {
        const codes: string[] = [];
        for (let index = 0; index < 12; index++) {
          const result = await gatewayOn(noisy).query(`Q${index}`);
          codes.push(result.ok ? result.value.state : result.error.code);
        }
        return codes;
      } finally {
        await noisy.close();
      }
    };
    const first = await outcomes();
    expect(first).toContain("outcome_unknown");
    expect(first).toContain("not_found");
    expect(await outcomes()).toEqual(first);
  });
});

describe("scangate-gateway-sim (the standalone command)", () => {
  it("prints its URL and credentials as JSON and serves the protocol until stopped", async () => {
    const folder = mkdtempSync(join(tmpdir(), "scangate-sim-cli-"));
    const outfile = join(folder, "cli.mjs");
    await build({
      entryPoints: [fileURLToPath(new URL("../src/simulator/cli-main.ts", import.meta.url))],
      bundle: true,
      platform: "node",
      format: "esm",
      outfile,
      logLevel: "warning",
      // Bundled dependencies that use require() need it in ESM.
      banner: { js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);' },
    });
    const child = spawn(process.execPath, [outfile, "--seed", "7"], { stdio: ["ignore", "pipe", "inherit"] });
    try {
      const line = await new Promise<string>((resolve) =>
        createInterface({ input: child.stdout }).once("line", resolve),
      );
      const printed = JSON.parse(line) as { url: string; merchantId: string; secret: string };
      expect(printed.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const gateway = gatewayOn({
        ...printed,
        ledger: () => ({ charges: [], refunds: [], trades: [] }),
        script: () => undefined,
        close: async () => undefined,
      });
      const paid = await gateway.pay({
        outTradeNo: unique("CLI"),
        amount: cny(100),
        authCode: freshCode(),
        subject: "demo",
      });
      expect(paid).toMatchObject({ ok: true, value: { state: "paid" } });
    } finally {
      child.kill("SIGTERM");
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
