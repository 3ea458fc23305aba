// Cross-origin access for what a browser till calls: the rule feed (public files), capture (POST /capture,
// GET /capture/:id, POST /events) and health. A web till is served from its own origin (a CDN, the stall's laptop),
// so without these headers the browser would refuse every answer. Safe with `*`: these endpoints authenticate by a
// bearer token the till sends explicitly, never by cookies; the admin API and the producer page (cookie login)
// stay same-origin only.
import type { FastifyInstance } from "fastify";

const TILL_PATHS = /^\/(feed\/|capture(\/|$|\?)|events(\/|$|\?)|health(\/|$|\?))/;

const ALLOW = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "etag, location, retry-after",
};

/** Adds CORS headers to the till's endpoints and answers their preflight requests. */
export function registerTillCors(app: FastifyInstance): void {
  app.addHook("onRequest", async (request, reply) => {
    if (!TILL_PATHS.test(request.url)) return;
    if (request.method === "OPTIONS" && request.headers["access-control-request-method"] !== undefined)
      return reply
        .code(204)
        .headers({
          ...ALLOW,
          "access-control-allow-methods": "GET, POST, OPTIONS",
          "access-control-allow-headers": "authorization, content-type, if-none-match",
          "access-control-max-age": "600",
        })
        .send();
  });
  app.addHook("onSend", async (request, reply, payload) => {
    if (TILL_PATHS.test(request.url)) reply.headers(ALLOW);
    return payload;
  });
}
