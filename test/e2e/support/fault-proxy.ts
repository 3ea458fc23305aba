// The network between the tills and the hub, under the fault suite's control: it forwards to the hub (whose URL
// changes when the hub restarts), or cuts every connection, or serves a tampered manifest (an attacker between till
// and CDN). Loopback only.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";

/** What the network does now. */
export type NetworkMode = "pass" | "cut" | "tamper";

/** A running proxy. */
export interface FaultProxy {
  readonly url: string;
  upstream: string;
  mode: NetworkMode;
  /** Requests the proxy answered by cutting or tampering, by mode. */
  readonly injected: { cut: number; tamper: number };
  close(): Promise<void>;
}

/** Starts the proxy in front of `upstream` (a URL ending in "/"). */
export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const sockets = new Set<Socket>();
  const proxy: FaultProxy = {
    url: "",
    upstream,
    mode: "pass",
    injected: { cut: 0, tamper: 0 },
    close: async () => undefined,
  };
  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    if (proxy.mode === "cut") {
      proxy.injected.cut++;
      incoming.socket.destroy();
      return;
    }
    const tamper = proxy.mode === "tamper" && (incoming.url ?? "").endsWith("/feed/manifest.json");
    const target = new URL((incoming.url ?? "/").replace(/^\//, ""), proxy.upstream);
    const headers = { ...incoming.headers, host: target.host };
    if (tamper) delete headers["if-none-match"]; // a tampering cache never answers 304
    const forward = httpRequest(target, { method: incoming.method, headers }, (answer) => {
      if (!tamper) {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
        return;
      }
      const chunks: Buffer[] = [];
      answer.on("data", (chunk: Buffer) => chunks.push(chunk));
      answer.on("end", () => {
        proxy.injected.tamper++;
        // A later expiry: what a replaying attacker would want; the signature no longer matches.
        const body = Buffer.concat(chunks)
          .toString("utf8")
          .replace(/"expiresAt": "(\d{4})/, (_all, year) => `"expiresAt": "${Number(year) + 1}`);
        const { "content-length": _length, etag: _etag, ...rest } = answer.headers;
        outgoing.writeHead(answer.statusCode ?? 502, rest);
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
