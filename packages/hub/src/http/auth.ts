// Every route names the token kinds it accepts; the check runs in onRequest, before the body is read, so an
// unauthenticated client cannot make the hub parse (or buffer) a large body.
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from "fastify";
import { hashToken } from "../auth/tokens.js";
import { hubError } from "../errors.js";
import type { HubStorage, TokenSubject } from "../storage/hub-storage.js";
import { sendError } from "./reply.js";

const subjects = new WeakMap<FastifyRequest, TokenSubject>();

/** The bearer token of a request: the Authorization header, or for the producer web page its cookie. */
export function presentedToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const bearer = header === undefined ? undefined : /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  if (bearer !== undefined) return bearer;
  const cookie = request.headers.cookie;
  return cookie === undefined ? undefined : /(?:^|;\s*)sg_producer=([^;\s]+)/.exec(cookie)?.[1];
}

/** An onRequest hook admitting only the given token kinds: 401 without a known token, 403 for another kind. */
export function requireToken(storage: HubStorage, kinds: readonly TokenSubject["kind"][]): onRequestHookHandler {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const token = presentedToken(request);
    const subject = token === undefined ? undefined : await storage.findToken(hashToken(token));
    if (subject === undefined) {
      const message = token === undefined ? "a bearer token is required" : "the token is not known";
      return sendError(
        reply.header("www-authenticate", 'Bearer realm="scangate-hub"'),
        hubError("UNAUTHENTICATED", message),
      );
    }
    if (!kinds.includes(subject.kind))
      return sendError(reply, hubError("FORBIDDEN", `a ${subject.kind} token cannot use this endpoint`));
    subjects.set(request, subject);
    return undefined;
  };
}

/** The subject `requireToken` admitted; throws when a route forgot its hook (a bug, not outside input). */
export function subjectOf<Kind extends TokenSubject["kind"]>(
  request: FastifyRequest,
  kind: Kind,
): Extract<TokenSubject, { kind: Kind }> {
  const subject = subjects.get(request);
  if (subject?.kind !== kind) throw new Error(`route without requireToken(${kind})`);
  return subject as Extract<TokenSubject, { kind: Kind }>;
}
