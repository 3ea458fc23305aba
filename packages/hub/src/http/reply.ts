// One error body shape for every refusal: `{ "error": { "code", "message", "issues"? } }` with the code's status.
import type { FastifyReply } from "fastify";
import { HTTP_STATUS, type HubError } from "../errors.js";

/** Sends a HubError with its HTTP status. */
export function sendError(reply: FastifyReply, error: HubError): FastifyReply {
  return reply.code(HTTP_STATUS[error.code]).type("application/json").send({ error });
}
