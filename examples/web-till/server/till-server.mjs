// A tiny static server for the built till on 127.0.0.1: the files of dist/ (index.html for any page path), the
// generated config.json and catalogue.json, and /hub/… proxied to the hub, so the till reaches the hub on its own
// origin (the hub sends no CORS headers, and one origin is one thing for the service worker to know).
import { readFile } from "node:fs/promises";
import { createServer, request as httpRequest } from "node:http";
import { extname, join, normalize } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
  ".png": "image/png",
};

function proxy(request, response, hubUrl) {
  const target = new URL(request.url.slice("/hub/".length), hubUrl);
  const upstream = httpRequest(
    target,
    { method: request.method, headers: { ...request.headers, host: target.host } },
    (reply) => {
      response.writeHead(reply.statusCode ?? 502, reply.headers);
      reply.pipe(response);
    },
  );
  upstream.on("error", () => {
    if (!response.headersSent) response.writeHead(502, { "content-type": "application/json" });
    response.end(JSON.stringify({ error: { code: "HUB_UNREACHABLE", message: "the hub did not answer" } }));
  });
  request.pipe(upstream);
}

/**
 * Serves `distDir` on `host:port`. `config(origin)` answers /config.json for the origin the browser used.
 * @returns `{ url, close() }`
 */
export async function startTillServer({ distDir, host = "127.0.0.1", port = 0, hubUrl, config, catalogue }) {
  const sockets = new Set();
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://till.invalid");
    if (url.pathname.startsWith("/hub/")) return proxy(request, response, hubUrl);
    if (url.pathname === "/config.json" || url.pathname === "/catalogue.json") {
      const origin = `http://${request.headers.host ?? `${host}:${port}`}`;
      const body = url.pathname === "/config.json" ? config(origin) : catalogue;
      response.writeHead(200, { "content-type": TYPES[".json"], "cache-control": "no-store" });
      return response.end(JSON.stringify(body));
    }
    const path = normalize(join(distDir, decodeURIComponent(url.pathname)));
    const inside = path.startsWith(distDir) && extname(path) !== "";
    try {
      const body = await readFile(inside ? path : join(distDir, "index.html"));
      const type = TYPES[inside ? extname(path) : ".html"] ?? "application/octet-stream";
      const cache = url.pathname.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache";
      response.writeHead(200, { "content-type": type, "cache-control": cache });
      response.end(body);
    } catch {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("not found");
    }
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  return {
    url: `http://${host}:${address.port}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
