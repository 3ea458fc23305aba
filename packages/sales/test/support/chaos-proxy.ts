// A seeded chaos proxy on 127.0.0.1 in front of a capture receiver. For each POST it draws from a seeded PRNG:
//   - refuse: answer 500 without forwarding;
//   - lose the reply: forward (the receiver commits), then answer 500 — the till must retry and the receiver must
//     ignore what it already holds;
//   - stall: forward, then hold the reply past the client's timeout;
//   - pass: forward and relay the reply.
// Other requests are relayed as they are; `pages` serves files from the proxy's own origin (a till's web app and its
// API behind one origin, as a reverse proxy would).
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** How often each kind of trouble happens (0–1 each) and for how long a stall lasts. */
export interface ChaosOptions {
  readonly seed: number;
  readonly refuseRate: number;
  readonly loseReplyRate: number;
  readonly stallRate: number;
  readonly stallMs: number;
  /** Extra latency before each POST is forwarded, ms (a slow link, so a test can act mid-upload). @default 0 */
  readonly delayMs?: number;
  /** Path → [content type, body] served by the proxy itself. */
  readonly pages?: ReadonlyMap<string, readonly [string, string | Uint8Array]>;
}

/** A running chaos proxy and what it did. */
export interface ChaosProxy {
  readonly url: string;
  readonly counts: { passed: number; refused: number; lostReplies: number; stalled: number };
  /** Turns trouble off (or back on). */
  calm(calm: boolean): void;
  close(): Promise<void>;
}

/** mulberry32: a small seeded PRNG, so a failing chaos run can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Starts a proxy to `targetUrl` (ending with "/"). */
export async function startChaosProxy(targetUrl: string, options: ChaosOptions): Promise<ChaosProxy> {
  const random = seeded(options.seed);
  const counts = { passed: 0, refused: 0, lostReplies: 0, stalled: 0 };
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let calm = false;

  const forward = async (request: IncomingMessage, body: Buffer) => {
    const headers: Record<string, string> = {};
    for (const name of ["authorization", "content-type", "accept"]) {
      const value = request.headers[name];
      if (typeof value === "string") headers[name] = value;
    }
    const reply = await fetch(new URL((request.url ?? "/").slice(1), targetUrl), {
      method: request.method ?? "GET",
      headers,
      ...(body.length > 0 ? { body: new Uint8Array(body) } : {}),
    });
    return {
      status: reply.status,
      type: reply.headers.get("content-type") ?? "application/json",
      body: Buffer.from(await reply.arrayBuffer()),
    };
  };

  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    const page = options.pages?.get(path);
    if (page && request.method === "GET") return void response.writeHead(200, { "content-type": page[0] }).end(page[1]);
    const body = await bodyOf(request);
    const draw = calm || request.method !== "POST" ? 1 : random();
    try {
      if (draw < options.refuseRate) {
        counts.refused++;
        return void response.writeHead(500).end('{"error":{"code":"CHAOS","message":"refused"}}');
      }
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      const reply = await forward(request, body);
      if (draw < options.refuseRate + options.loseReplyRate) {
        counts.lostReplies++;
        return void response.writeHead(500).end('{"error":{"code":"CHAOS","message":"reply lost"}}');
      }
      const send = () => void response.writeHead(reply.status, { "content-type": reply.type }).end(reply.body);
      if (draw < options.refuseRate + options.loseReplyRate + options.stallRate) {
        counts.stalled++;
        const timer = setTimeout(() => {
          timers.delete(timer);
          send();
        }, options.stallMs);
        timers.add(timer);
        return;
      }
      counts.passed++;
      send();
    } catch {
      // The receiver is down: the till sees a dead connection, as it would without a proxy.
      request.socket.destroy();
    }
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    counts,
    calm(next) {
      calm = next;
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
