// The network between the tills and the hub, under the fault suite's control. It forwards to the hub (whose URL
// changes when the hub restarts), or misbehaves as real networks do: resets every connection at once, drops
// requests into a black hole (never answered, so the till's timeout must fire), loses replies (the hub did the
// work, the till never hears of it, so its retry must not count twice), delays everything, or serves a tampered
// feed manifest (an attacker between till and CDN). Loopback only.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";

/** What the network does now. */
export type NetworkMode = "pass" | "reset" | "drop" | "lose-reply" | "delay" | "tamper";

/** A running proxy. */
export interface FaultProxy {
  readonly url: string;
  upstream: string;
  mode: NetworkMode;
  /** Requests the proxy misbehaved on, by mode. */
  readonly injected: Record<Exclude<NetworkMode, "pass">, number>;
  close(): Promise<void>;
}

/** How long "delay" holds each request and each reply back: 200–800 ms. */
const delayMs = () => 200 + Math.floor(Math.random() * 600);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the proxy in front of `upstream` (a URL ending in "/"). */
export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const sockets = new Set<Socket>();
  const proxy: FaultProxy = {
    url: "",
    upstream,
    mode: "pass",
    injected: { reset: 0, drop: 0, "lose-reply": 0, delay: 0, tamper: 0 },
    close: async () => undefined,
  };
  const server = createServer(async (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const mode = proxy.mode;
    if (mode === "reset") {
      proxy.injected.reset++;
      incoming.socket.destroy();
      return;
    }
    if (mode === "drop") {
      proxy.injected.drop++;
      incoming.resume(); // read the request, answer nothing: the socket stays open until the till gives up
      return;
    }
    if (mode === "delay") {
      proxy.injected.delay++;
      await sleep(delayMs());
    }
    const tamper = mode === "tamper" && (incoming.url ?? "").endsWith("/feed/manifest.json");
    const target = new URL((incoming.url ?? "/").replace(/^\//, ""), proxy.upstream);
    const headers = { ...incoming.headers, host: target.host };
    if (tamper) delete headers["if-none-match"]; // a tampering cache never answers 304
    const forward = httpRequest(target, { method: incoming.method, headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on("data", (chunk: Buffer) => chunks.push(chunk));
      answer.on("end", async () => {
        let body = Buffer.concat(chunks);
        let answerHeaders = answer.headers;
        if (mode === "lose-reply") {
          proxy.injected["lose-reply"]++;
          incoming.socket.destroy(); // the hub has done the work; the till hears nothing back
          return;
        }
        if (mode === "delay") await sleep(delayMs());
        if (tamper) {
          proxy.injected.tamper++;
          // A later expiry: what a replaying attacker would want; the signature no longer matches.
          body = Buffer.from(
            body.toString("utf8").replace(/"expiresAt": "(\d{4})/, (_all, year) => `"expiresAt": "${Number(year) + 1}`),
          );
          const { "content-length": _length, etag: _etag, ...rest } = answer.headers;
          answerHeaders = rest;
        }
        outgoing.writeHead(answer.statusCode ?? 502, answerHeaders);
        outgoing.end(body);
      });
    });
    forward.on("error", () => outgoing.destroy());
    incoming.pipe(forward);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("fault proxy: no port");
  return Object.assign(proxy, {
    url: `http://127.0.0.1:${address.port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  });
}
