// The EPCIS 2.0 REST capture interface (gs1/EPCIS "REST Bindings/openapi.yaml"): POST /capture takes a whole
// document, POST /events one event. A document is validated completely before anything is written, then all of
// its events go in one transaction, which commits before the 202: an acknowledged capture is durably stored, and
// a refused one stored nothing ("rollback" is the only capture error behaviour the hub offers).
import { randomUUID } from "node:crypto";
import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import type { Clock } from "../clock.js";
import type { EpcisValidator } from "../epcis/epcis-validator.js";
import { readCapturedEvents } from "../epcis/sale-events.js";
import { hubError } from "../errors.js";
import type { HubStorage } from "../storage/hub-storage.js";
import { requireToken, subjectOf } from "./auth.js";
import { sendError } from "./reply.js";

/** What the capture routes need. */
export interface CaptureRoutesOptions {
  readonly storage: HubStorage;
  readonly validator: EpcisValidator;
  readonly clock: Clock;
  /** Body limit of both capture routes, bytes. */
  readonly maxBodyBytes: number;
  /** Most events one capture document may carry (advertised as GS1-EPCIS-Capture-Limit). */
  readonly maxEventsPerCapture: number;
}

const CaptureIdSchema = z.object({ id: z.uuid() });

/** Registers OPTIONS/POST /capture, GET /capture/:id and POST /events. */
export function registerCaptureRoutes(app: FastifyInstance, options: CaptureRoutesOptions): void {
  const { storage, validator, clock, maxBodyBytes, maxEventsPerCapture } = options;
  const storeOnly = requireToken(storage, ["store"]);
  const limits = {
    "GS1-EPCIS-Version": "2.0.0",
    "GS1-CBV-Version": "2.0.0",
    "GS1-EPCIS-Capture-Limit": String(maxEventsPerCapture),
    "GS1-EPCIS-Capture-File-Size-Limit": String(maxBodyBytes),
    "GS1-Capture-Error-Behaviour": "rollback",
  };

  app.options("/capture", async (_request, reply) =>
    reply
      .headers({ ...limits, allow: "OPTIONS, POST" })
      .code(204)
      .send(),
  );

  app.post("/capture", { onRequest: storeOnly, bodyLimit: maxBodyBytes }, async (request, reply) => {
    const store = subjectOf(request, "store");
    if (request.body === undefined) return sendError(reply, hubError("MALFORMED_JSON", "the request has no JSON body"));
    const eventList = validator.document(request.body);
    if (!eventList.ok) return sendError(reply, eventList.error);
    if (eventList.value.length > maxEventsPerCapture)
      return sendError(
        reply,
        hubError(
          "BODY_TOO_LARGE",
          `${eventList.value.length} events; this hub takes at most ${maxEventsPerCapture} per capture`,
        ),
      );
    const events = readCapturedEvents(eventList.value, store.gln);
    if (!events.ok) return sendError(reply, events.error);
    const captureId = randomUUID();
    const receivedAt = new Date(clock.nowMs()).toISOString();
    const newEvents = await storage.capture({ captureId, storeGln: store.gln, receivedAt, events: events.value });
    request.log.info({ captureId, store: store.gln, events: events.value.length, newEvents }, "capture stored");
    return reply.code(202).headers(limits).header("location", `/capture/${captureId}`).send({ captureID: captureId });
  });

  app.get("/capture/:id", { onRequest: storeOnly }, async (request, reply) => {
    const store = subjectOf(request, "store");
    const params = CaptureIdSchema.safeParse(request.params);
    const job = params.success ? await storage.captureJob(params.data.id, store.gln) : undefined;
    if (job === undefined) return notFound(reply);
    return reply.send({
      captureID: job.captureId,
      createdAt: job.receivedAt,
      running: false,
      success: true,
      captureErrorBehaviour: "rollback",
      errors: [],
      eventCount: job.eventCount,
      newEventCount: job.newEventCount,
    });
  });

  app.post("/events", { onRequest: storeOnly, bodyLimit: maxBodyBytes }, async (request, reply) => {
    const store = subjectOf(request, "store");
    if (request.body === undefined) return sendError(reply, hubError("MALFORMED_JSON", "the request has no JSON body"));
    const event = validator.event(request.body);
    if (!event.ok) return sendError(reply, event.error);
    const events = readCapturedEvents([event.value], store.gln);
    if (!events.ok) return sendError(reply, events.error);
    const receivedAt = new Date(clock.nowMs()).toISOString();
    const added = await storage.capture({ storeGln: store.gln, receivedAt, events: events.value });
    const eventId = events.value[0]?.eventId ?? "";
    // The contract with @scangate/sales: 200 (not EPCIS's 409) for an event already stored, so a retry is a success.
    return reply
      .code(added === 1 ? 201 : 200)
      .header("location", `/events/${encodeURIComponent(eventId)}`)
      .send({ eventID: eventId, stored: added === 1 ? "created" : "already-stored" });
  });
}

function notFound(reply: FastifyReply): FastifyReply {
  return sendError(reply, hubError("NOT_FOUND", "no such capture job for this store"));
}
