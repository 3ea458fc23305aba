// The Fastify application: body parsing, the one error shape, and every route. Built without listening, so
// start-hub.ts owns the socket and the lifecycle.
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyLoggerOptions,
  type FastifyServerOptions,
} from "fastify";
import type { Clock } from "../clock.js";
import type { EpcisValidator } from "../epcis/epcis-validator.js";
import { type HubError, hubError } from "../errors.js";
import type { HubFeed } from "../feed/hub-feed.js";
import type { HubStorage } from "../storage/hub-storage.js";
import { registerAdminRoutes } from "./admin-routes.js";
import { registerCaptureRoutes } from "./capture-routes.js";
import { registerTillCors } from "./cors.js";
import { registerFeedRoutes } from "./feed-routes.js";
import { registerNoticeRoutes } from "./notice-routes.js";
import { registerProducerPage } from "./producer-page.js";
import { registerProducerRoutes } from "./producer-routes.js";
import { sendError } from "./reply.js";

/** What the application is built from. */
export interface HubAppOptions {
  readonly storage: HubStorage;
  readonly validator: EpcisValidator;
  readonly feed: HubFeed;
  readonly clock: Clock;
  readonly maxBodyBytes: number;
  readonly maxEventsPerCapture: number;
  readonly logger: FastifyServerOptions["logger"];
}

// Admin bodies may carry a whole notice list (100,000 notices are ~60 MB of JSON).
const ADMIN_BODY_LIMIT_BYTES = 128 * 1024 * 1024;

// The producer page accepts `?token=` from a link; request logs must never carry it.
const REDACTING_LOGGER = {
  serializers: {
    req: (request: { method: string; url: string; ip?: string }) => ({
      method: request.method,
      url: request.url.replace(/([?&]token=)[^&]*/g, "$1[redacted]"),
      remoteAddress: request.ip,
    }),
  },
};

/** Builds the hub's Fastify application (not listening yet). */
export function createHubApp(options: HubAppOptions): FastifyInstance {
  const logger = (options.logger === true ? REDACTING_LOGGER : (options.logger ?? false)) as
    | FastifyLoggerOptions
    | boolean;
  const app = Fastify({ logger, bodyLimit: ADMIN_BODY_LIMIT_BYTES, return503OnClosing: true });
  // JSON-LD is JSON (EPCIS 2.0 capture accepts both media types); anything else is refused with 415, including
  // text/plain, which Fastify would otherwise hand over as a string.
  app.removeContentTypeParser("text/plain");
  app.addContentTypeParser("application/ld+json", { parseAs: "string" }, app.getDefaultJsonParser("error", "error"));

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = fromFastifyError(error);
    if (known !== undefined) return sendError(reply, known);
    request.log.error({ err: error }, "request failed");
    return sendError(reply, hubError("STORAGE_FAILURE", "the hub could not complete the request; nothing was changed"));
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, hubError("NOT_FOUND", `no route ${request.method} ${request.url.split("?")[0]}`)),
  );

  app.get("/health", async () => ({
    status: "ok",
    storage: options.storage.kind,
    feedVersion: options.feed.version(),
  }));
  registerTillCors(app);
  registerCaptureRoutes(app, options);
  registerAdminRoutes(app, options.storage, options.clock);
  registerNoticeRoutes(app, options.storage, options.feed);
  registerProducerRoutes(app, options.storage);
  registerProducerPage(app, options.storage);
  registerFeedRoutes(app, options.feed);
  return app;
}

function fromFastifyError(error: FastifyError): HubError | undefined {
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return hubError("BODY_TOO_LARGE", error.message);
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return hubError("UNSUPPORTED_MEDIA_TYPE", "send application/json or application/ld+json");
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return hubError("MALFORMED_JSON", error.message);
    default:
      // Fastify's own parse errors (a SyntaxError from the JSON parser, a bad content-length) are client errors.
      if (error.statusCode === 400 || error instanceof SyntaxError) return hubError("MALFORMED_JSON", error.message);
      if (error.statusCode === 413) return hubError("BODY_TOO_LARGE", error.message);
      if (error.statusCode === 415) return hubError("UNSUPPORTED_MEDIA_TYPE", error.message);
      return undefined;
  }
}
