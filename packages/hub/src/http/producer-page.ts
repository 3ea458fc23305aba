// GET /producer: the producer's sales as a server-rendered page (a filter form, a chart, a table), for people who
// would rather look than read JSON. The token arrives once through a login form (or ?token= from a link) and is
// kept in an HttpOnly, SameSite=Strict cookie scoped to /producer, so it never sits in the address bar or in logs.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hashToken } from "../auth/tokens.js";
import type { HubStorage } from "../storage/hub-storage.js";
import { presentedToken } from "./auth.js";
import { loginPage, salesPage } from "./producer-page-html.js";
import { producerSales, SalesFilterSchema } from "./producer-routes.js";

const COOKIE = "sg_producer";

function setCookie(reply: FastifyReply, token: string, maxAgeSeconds: number): FastifyReply {
  const value = `${COOKIE}=${encodeURIComponent(token)}; Path=/producer; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}`;
  return reply.header("set-cookie", value);
}

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply
    .code(status)
    .header("content-type", "text/html; charset=utf-8")
    .header("cache-control", "no-store")
    .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
    .send(body);
}

/** Registers GET /producer, POST /producer/login and POST /producer/logout. */
export function registerProducerPage(app: FastifyInstance, storage: HubStorage): void {
  async function producerOf(request: FastifyRequest) {
    const token = presentedToken(request);
    const subject = token === undefined ? undefined : await storage.findToken(hashToken(token));
    return subject?.kind === "producer" ? subject : undefined;
  }

  app.register(async (scope) => {
    // Only these routes read HTML forms; the capture routes keep refusing form bodies with 415.
    scope.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_request, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );

    scope.get<{ Querystring: Record<string, string> }>("/producer", async (request, reply) => {
      const { token, ...filters } = request.query;
      if (token !== undefined)
        return setCookie(reply, token, 8 * 3600).redirect(`/producer?${new URLSearchParams(filters)}`, 303);
      const producer = await producerOf(request);
      if (producer === undefined)
        return html(
          reply,
          401,
          loginPage(presentedToken(request) === undefined ? undefined : "That token is not a producer token."),
        );
      const filter = SalesFilterSchema.safeParse(filters);
      if (!filter.success)
        return html(
          reply,
          400,
          salesPage({
            producerId: producer.id,
            filters,
            error: filter.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "),
          }),
        );
      const sales = await producerSales(storage, producer.companyPrefixes, filter.data);
      return html(reply, 200, salesPage({ producerId: producer.id, filters, sales }));
    });

    scope.post<{ Body: Record<string, string> | undefined }>("/producer/login", async (request, reply) => {
      const token = request.body?.token?.trim() ?? "";
      const subject = token === "" ? undefined : await storage.findToken(hashToken(token));
      if (subject?.kind !== "producer") return html(reply, 401, loginPage("That token is not a producer token."));
      return setCookie(reply, token, 8 * 3600).redirect("/producer", 303);
    });

    scope.post("/producer/logout", async (_request, reply) => setCookie(reply, "", 0).redirect("/producer", 303));
  });
}
