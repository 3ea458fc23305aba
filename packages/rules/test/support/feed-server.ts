// A real HTTP feed server on 127.0.0.1 for the store tests: serves a folder of published feed files with strong
// ETags and If-None-Match → 304 (as a CDN would), and can misbehave on purpose: go down, hang or drop the
// connection on a chosen file, or serve other bytes for a file (an attacker between till and CDN).
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { join } from "node:path";

/** What a file request should meet, set by a test. */
export type Misbehaviour =
  | "hang"
  | "drop"
  /** Answers `status`, for the next `times` requests (default: until reset). */
  | { readonly status: number; readonly times?: number }
  | { readonly bytes: Uint8Array };

/** A running feed server. */
export interface FeedServer {
  /** Base URL of the feed folder, with a trailing slash. */
  readonly url: string;
  /** Every request path served, in order, with the status sent (0 for hang or drop). */
  readonly requests: Array<{ path: string; status: number }>;
  /** Serves another folder from now on (a newer publication). */
  serve(folder: string): void;
  /** Makes requests for `file` misbehave until `reset()`. */
  misbehave(file: string, how: Misbehaviour): void;
  reset(): void;
  /** Closes the server and every open connection (the till sees the feed go offline); a second call does nothing. */
  close(): Promise<void>;
}

/** Starts a feed server on an OS-chosen port. */
export async function startFeedServer(folder: string): Promise<FeedServer> {
  let root = folder;
  const rules = new Map<string, Misbehaviour>();
  const requests: Array<{ path: string; status: number }> = [];
  const sockets = new Set<Socket>();

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    const file = path.replace(/^\/feed\//, "");
    const rule = rules.get(file);
    if (rule === "hang") return void requests.push({ path, status: 0 });
    if (rule === "drop") {
      requests.push({ path, status: 0 });
      // Headers and part of the body, then the connection dies: a killed server mid-download.
      response.writeHead(200, { "content-length": "100000" });
      response.write("{");
      setTimeout(() => request.socket.destroy(), 10);
      return;
    }
    if (rule && "status" in rule) {
      requests.push({ path, status: rule.status });
      if (rule.times !== undefined) {
        if (rule.times <= 1) rules.delete(file);
        else rules.set(file, { ...rule, times: rule.times - 1 });
      }
      return void response.writeHead(rule.status).end();
    }
    let bytes: Uint8Array;
    try {
      bytes = rule && "bytes" in rule ? rule.bytes : await readFile(join(root, file));
    } catch {
      requests.push({ path, status: 404 });
      return void response.writeHead(404).end();
    }
    const etag = `"${createHash("sha256").update(bytes).digest("hex").slice(0, 32)}"`;
    if (request.headers["if-none-match"] === etag) {
      requests.push({ path, status: 304 });
      return void response.writeHead(304, { etag }).end();
    }
    requests.push({ path, status: 200 });
    response.writeHead(200, {
      etag,
      "content-type": "application/json",
      "content-length": String(bytes.length),
      // The browser tests fetch cross-origin from the vitest page.
      "access-control-allow-origin": "*",
      "access-control-allow-headers": "if-none-match",
      "access-control-expose-headers": "etag",
    });
    response.end(bytes);
  }

  const server = createServer((request, response) => {
    if (request.method === "OPTIONS") {
      response.writeHead(204, {
        "access-control-allow-origin": "*",
        "access-control-allow-headers": "if-none-match",
        "access-control-allow-methods": "GET",
      });
      return void response.end();
    }
    void handle(request, response);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/feed/`,
    requests,
    serve(next) {
      root = next;
    },
    misbehave(file, how) {
      rules.set(file, how);
    },
    reset() {
      rules.clear();
    },
    async close() {
      if (!server.listening) return;
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
