// httpGateway against the real simulator over HTTP on 127.0.0.1: the provider contract, request signing, and how
// every kind of trouble on the wire maps to a ScanGate code (a pay without a clear answer is never a failure).
import { createServer } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GatewaySimulator, startGatewaySimulator } from "../src/simulator/sim-server.js";
import { cny, freshCode, gatewayOn, netOf, unique } from "./support/harness.js";
import { testPaymentProvider } from "./support/provider-conformance.js";

testPaymentProvider("httpGateway + simulator", async () => {
  const sim = await startGatewaySimulator({ seed: 3 });
  return {
    provider: gatewayOn(sim),
    payRequest: (amountMinor) => ({
      outTradeNo: unique("G"),
      amount: cny(amountMinor),
      authCode: freshCode(),
      subject: "veg",
    }),
    charges: (outTradeNo) => netOf(sim, outTradeNo).charges,
    loseNextPayReply: (outTradeNo) => sim.script({ faults: [{ operation: "pay", outTradeNo, fault: "DROP_REPLY" }] }),
    dispose: () => sim.close(),
  };
});

describe("httpGateway on the wire", () => {
  let sim: GatewaySimulator;
  beforeAll(async () => {
    sim = await startGatewaySimulator({ seed: 4, userPayingMs: 60_000 });
  });
  afterAll(() => sim.close());
  const pay = (provider = gatewayOn(sim), authCode = freshCode()) =>
    provider.pay({ outTradeNo: unique("W"), amount: cny(880), authCode, subject: "veg" });

  it("is refused as an integration error when the secret is wrong, and nothing is charged", async () => {
    const result = await pay(gatewayOn(sim, { secret: "not-the-secret" }));
    expect(result).toMatchObject({ ok: false, error: { code: "integration", gatewayCode: "SIGN_ERROR" } });
    expect(sim.ledger().charges.length).toBe(0);
  });

  it("reports a customer entering a password as customer_action_required", async () => {
    expect(await pay(gatewayOn(sim), freshCode("password"))).toMatchObject({
      ok: false,
      error: { code: "customer_action_required", gatewayCode: "USERPAYING" },
    });
  });

  it("reports a timeout after the money moved as outcome_unknown (then a query finds it paid)", async () => {
    const outTradeNo = unique("T");
    sim.script({ faults: [{ operation: "pay", outTradeNo, fault: "TIMEOUT_AFTER_COMMIT" }] });
    const provider = gatewayOn(sim, { timeoutMs: 150 });
    const result = await provider.pay({ outTradeNo, amount: cny(100), authCode: freshCode(), subject: "veg" });
    expect(result).toMatchObject({ ok: false, error: { code: "outcome_unknown" } });
    expect(await provider.query(outTradeNo)).toMatchObject({ ok: true, value: { state: "paid", paidMinor: 100 } });
    expect(netOf(sim, outTradeNo)).toEqual({ charges: 1, netMinor: 100 });
  });

  it("maps SYSTEMERROR and HTTP 500 on pay to outcome_unknown, and HTTP 500 on a query to unavailable", async () => {
    sim.script({ faults: [{ operation: "pay", fault: "SYSTEMERROR" }] });
    expect(await pay()).toMatchObject({ ok: false, error: { code: "outcome_unknown", gatewayCode: "SYSTEMERROR" } });
    sim.script({ faults: [{ operation: "pay", fault: "HTTP_500" }] });
    expect(await pay()).toMatchObject({ ok: false, error: { code: "outcome_unknown", status: 500 } });
    sim.script({ faults: [{ operation: "query", fault: "HTTP_500" }] });
    expect(await gatewayOn(sim).query("ANY")).toMatchObject({ ok: false, error: { code: "unavailable", status: 500 } });
  });

  it("maps a used, an unknown and an unfunded payment code to their codes", async () => {
    const code = freshCode();
    expect(await pay(gatewayOn(sim), code)).toMatchObject({ ok: true });
    expect(await pay(gatewayOn(sim), code)).toMatchObject({
      ok: false,
      error: { code: "code_invalid_or_used", gatewayCode: "AUTH_CODE_USED" },
    });
    expect(await pay(gatewayOn(sim), "999999999999999999")).toMatchObject({
      ok: false,
      error: { code: "code_invalid_or_used" },
    });
    expect(await pay(gatewayOn(sim), freshCode("decline"))).toMatchObject({
      ok: false,
      error: { code: "declined", gatewayCode: "NOTENOUGH" },
    });
  });

  it("treats an unreachable gateway as outcome_unknown for a pay and unavailable for a query", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", () => resolve()));
    const address = closed.address();
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const port = typeof address === "object" && address ? address.port : 1;
    const provider = gatewayOn(sim, { baseUrl: `http://127.0.0.1:${port}/` });
    expect(await pay(provider)).toMatchObject({ ok: false, error: { code: "outcome_unknown" } });
    expect(await provider.query("X1")).toMatchObject({ ok: false, error: { code: "unavailable" } });
  });

  it("treats a reply that is not the protocol as outcome_unknown for a pay", async () => {
    const liar = createServer((_request, response) =>
      response.writeHead(200, { "content-type": "application/json" }).end('{"hello":1}'),
    );
    await new Promise<void>((resolve) => liar.listen(0, "127.0.0.1", () => resolve()));
    const address = liar.address();
    const port = typeof address === "object" && address ? address.port : 1;
    try {
      expect(await pay(gatewayOn(sim, { baseUrl: `http://127.0.0.1:${port}` }))).toMatchObject({
        ok: false,
        error: { code: "outcome_unknown" },
      });
    } finally {
      await new Promise<void>((resolve) => liar.close(() => resolve()));
    }
  });
});
