// The gateway simulator: a real node:http server speaking the protocol of gateway/protocol.ts, so tests, the web-till
// demo and `pnpm start` exercise httpGateway over real HTTP, with scripted faults. Node-only; published as the
// `@scangate/payments/simulator` subpath so the browser entry stays clean.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import {
  canonicalString,
  type GatewayOperation,
  type GatewayReply,
  OrderBodySchema,
  PayBodySchema,
  RefundBodySchema,
  SIGNATURE_HEADERS,
} from "../gateway/protocol.js";
import { createSimulatorEngine, type SimulatorLedger } from "./sim-engine.js";
import { createFaultQueue, type SimulatorFaultKind, type SimulatorScript } from "./sim-script.js";

/** Options of `startGatewaySimulator`. */
export interface GatewaySimulatorOptions {
  /** TCP port; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** Interface to listen on. @default "127.0.0.1" */
  readonly host?: string;
  /** Merchant ids and their HMAC secrets. @default { "sim-merchant": "sim-secret" } */
  readonly merchants?: Readonly<Record<string, string>>;
  /** Seed of trade numbers, QR tokens and random faults. @default 1 */
  readonly seed?: number;
  /** The simulator's clock, epoch ms (a Node server, so it defaults to the real clock). @default Date.now */
  readonly clock?: () => number;
  /** How long a customer asked for a password (codes ending in 9 or 97) takes to decide, in ms. @default 5_000 */
  readonly userPayingMs?: number;
  /** Share of requests that get a random fault from `randomFaults.kinds`, for demos. @default no random faults */
  readonly randomFaults?: { readonly rate: number; readonly kinds: readonly SimulatorFaultKind[] };
}

/** A running simulator. */
export interface GatewaySimulator {
  /** Base URL, with a trailing slash, e.g. `http://127.0.0.1:40123/`. */
  readonly url: string;
  /** The first merchant id and its secret, for `httpGateway`. */
  readonly merchantId: string;
  readonly secret: string;
  /** Everything it charged and refunded so far. */
  ledger(): SimulatorLedger;
  /** Adds scripted faults and code behaviours for the next requests. */
  script(plan: SimulatorScript): void;
  /** Stops listening and cuts every open connection (also the ones held by TIMEOUT_AFTER_COMMIT). */
  close(): Promise<void>;
}

const OPERATIONS: Readonly<Record<string, GatewayOperation>> = {
  "/v1/pay": "pay",
  "/v1/precreate": "precreate",
  "/v1/query": "query",
  "/v1/reverse": "reverse",
  "/v1/refund": "refund",
};

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "POST, GET, OPTIONS",
  "access-control-allow-headers": ["content-type", ...Object.values(SIGNATURE_HEADERS)].join(", "),
};

/** mulberry32: a tiny seeded PRNG; good enough for trade numbers and demo faults. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { ...CORS, "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
}

/**
 * Starts a gateway simulator on 127.0.0.1 (a free port by default).
 * @example
 * const sim = await startGatewaySimulator();
 * const gateway = httpGateway({ baseUrl: sim.url, merchantId: sim.merchantId, secret: sim.secret });
 * sim.script({ faults: [{ operation: "pay", fault: "TIMEOUT_AFTER_COMMIT" }] });
 * // … sim.ledger().charges …
 * await sim.close();
 */
export async function startGatewaySimulator(options: GatewaySimulatorOptions = {}): Promise<GatewaySimulator> {
  const merchants = options.merchants ?? { "sim-merchant": "sim-secret" };
  const [firstMerchant] = Object.entries(merchants);
  if (!firstMerchant) throw new TypeError("startGatewaySimulator: merchants must name at least one merchant");
  const clock = options.clock ?? (() => Date.now());
  const random = seededRandom(options.seed ?? 1);
  const engine = createSimulatorEngine({ clock, random, userPayingMs: options.userPayingMs ?? 5_000 });
  const faults = createFaultQueue();
  const sockets = new Set<Socket>();
  let baseUrl = "";

  function signatureValid(request: IncomingMessage, path: string, body: string): boolean {
    const header = (name: string) => {
      const value = request.headers[name];
      return typeof value === "string" ? value : "";
    };
    const secret = merchants[header(SIGNATURE_HEADERS.merchant)];
    if (secret === undefined) return false;
    const canonical = canonicalString(
      request.method ?? "",
      path,
      header(SIGNATURE_HEADERS.timestamp),
      header(SIGNATURE_HEADERS.nonce),
      body,
    );
    const expected = createHmac("sha256", secret).update(canonical).digest();
    const given = Buffer.from(header(SIGNATURE_HEADERS.signature), "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  function operate(operation: GatewayOperation, json: unknown, fault: SimulatorFaultKind | undefined): GatewayReply {
    const paramError = (detail: string): GatewayReply => ({ code: "PARAM_ERROR", message: detail });
    switch (operation) {
      case "pay":
      case "precreate": {
        const body = PayBodySchema.safeParse(json);
        if (!body.success) return paramError(body.error.message);
        return operation === "pay"
          ? engine.pay(body.data)
          : engine.precreate(body.data, (token) => `${baseUrl}sim/qr/${encodeURIComponent(token)}`);
      }
      case "query":
      case "reverse": {
        const body = OrderBodySchema.safeParse(json);
        if (!body.success) return paramError(body.error.message);
        return operation === "query"
          ? engine.query(body.data)
          : engine.reverse(body.data, {
              refuseWhilePaying: fault === "REFUSE_REVERSE_WHILE_PAYING",
              payFirst: fault === "PAY_BEFORE_REVERSE",
            });
      }
      case "refund": {
        const body = RefundBodySchema.safeParse(json);
        if (!body.success) return paramError(body.error.message);
        return engine.refund(body.data);
      }
    }
  }

  async function handleGateway(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    operation: GatewayOperation,
  ) {
    const raw = await readBody(request);
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return sendJson(response, 200, { code: "PARAM_ERROR", message: "body is not JSON" });
    }
    if (!signatureValid(request, path, raw))
      return sendJson(response, 200, { code: "SIGN_ERROR", message: "bad signature" });
    const merchantId = (json as { merchantId?: unknown }).merchantId;
    if (merchantId !== request.headers[SIGNATURE_HEADERS.merchant])
      return sendJson(response, 200, { code: "PARAM_ERROR", message: "merchantId differs from the signed merchant" });
    const outTradeNo = (json as { outTradeNo?: unknown }).outTradeNo;
    const orderNumber = typeof outTradeNo === "string" ? outTradeNo : undefined;
    let fault = faults.take(operation, orderNumber);
    if (fault === undefined && options.randomFaults && random() < options.randomFaults.rate)
      fault = options.randomFaults.kinds[Math.floor(random() * options.randomFaults.kinds.length)];
    if (fault === "DROP_REQUEST") return void request.socket.destroy();
    if (fault === "SYSTEMERROR")
      return sendJson(response, 200, { code: "SYSTEMERROR", message: "system error (scripted)" });
    if (fault === "HTTP_500") return sendJson(response, 500, { message: "internal error (scripted)" });
    const answer = operate(operation, json, fault);
    if (fault === "DROP_REPLY") return void request.socket.destroy();
    // Held until the client gives up; close() destroys the socket.
    if (fault === "TIMEOUT_AFTER_COMMIT") return;
    if (fault === "SYSTEMERROR_AFTER_COMMIT")
      return sendJson(response, 200, { code: "SYSTEMERROR", message: "system error after commit (scripted)" });
    return sendJson(response, 200, answer);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? "/", "http://simulator").pathname;
    if (request.method === "OPTIONS") return void response.writeHead(204, CORS).end();
    const operation = OPERATIONS[path];
    if (request.method === "POST" && operation) return handleGateway(request, response, path, operation);
    const qr = /^\/sim\/qr\/([^/]+)\/pay$/.exec(path);
    if (request.method === "POST" && qr?.[1]) {
      const raw = await readBody(request);
      const wallet = /"wallet"\s*:\s*"(alipay|wechat|unionpay)"/.exec(raw)?.[1] as
        | "alipay"
        | "wechat"
        | "unionpay"
        | undefined;
      return sendJson(response, 200, engine.payQr(decodeURIComponent(qr[1]), wallet ?? "alipay"));
    }
    if (request.method === "GET" && path === "/sim/ledger") return sendJson(response, 200, engine.ledger());
    if (request.method === "GET" && path === "/health") return sendJson(response, 200, { ok: true });
    sendJson(response, 404, { message: "not found" });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) sendJson(response, 500, { message: "simulator error" });
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("gateway simulator: no TCP address");
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  baseUrl = `http://${host}:${address.port}/`;

  return {
    url: baseUrl,
    merchantId: firstMerchant[0],
    secret: firstMerchant[1],
    ledger: () => engine.ledger(),
    script(plan) {
      faults.add(plan.faults ?? []);
      for (const [code, behaviour] of Object.entries(plan.codes ?? {})) engine.setCodeBehaviour(code, behaviour);
    },
    close() {
      if (!server.listening) return Promise.resolve();
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
