// Registering stores and producers (admin token). Each answer carries the new token once; the hub keeps only its
// hash, so a lost token is replaced by registering again under a new GLN or id, never read back.
import { randomUUID } from "node:crypto";
import { isValidGtin } from "@scangate/gs1";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { hashToken, newToken } from "../auth/tokens.js";
import type { Clock } from "../clock.js";
import { hubError } from "../errors.js";
import type { HubStorage } from "../storage/hub-storage.js";
import { requireToken } from "./auth.js";
import { parseInput } from "./parse-input.js";
import { sendError } from "./reply.js";

/** A GLN: 13 digits with a valid GS1 check digit (same mod-10 rule as a GTIN-13). */
export const GlnSchema = z
  .string()
  .regex(/^\d{13}$/, "a GLN is 13 digits")
  .refine(isValidGtin, "GLN check digit");

const NewStoreSchema = z.object({ gln: GlnSchema, name: z.string().trim().min(1).max(200) });

const NewProducerSchema = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, "letters, digits, '.', '_' or '-', at most 64")
    .optional(),
  name: z.string().trim().min(1).max(200),
  /** GS1 Company Prefixes as they appear in GTIN-13s (a U.P.C. prefix with its leading 0). */
  companyPrefixes: z
    .array(z.string().regex(/^\d{4,12}$/, "a GS1 company prefix is 4 to 12 digits"))
    .min(1)
    .max(100),
});

/** Registers POST /admin/stores and POST /admin/producers. */
export function registerAdminRoutes(app: FastifyInstance, storage: HubStorage, clock: Clock): void {
  const adminOnly = requireToken(storage, ["admin"]);

  app.post("/admin/stores", { onRequest: adminOnly }, async (request, reply) => {
    const body = parseInput(NewStoreSchema, request.body);
    if (!body.ok) return sendError(reply, body.error);
    const token = newToken("store");
    const createdAt = new Date(clock.nowMs()).toISOString();
    const added = await storage.addStore({ ...body.value, tokenHash: hashToken(token), createdAt });
    if (!added) return sendError(reply, hubError("ALREADY_EXISTS", `store ${body.value.gln} is already registered`));
    return reply.code(201).send({ gln: body.value.gln, name: body.value.name, token });
  });

  app.post("/admin/producers", { onRequest: adminOnly }, async (request, reply) => {
    const body = parseInput(NewProducerSchema, request.body);
    if (!body.ok) return sendError(reply, body.error);
    const token = newToken("producer");
    const id = body.value.id ?? randomUUID();
    const createdAt = new Date(clock.nowMs()).toISOString();
    const producer = { id, name: body.value.name, companyPrefixes: body.value.companyPrefixes };
    const added = await storage.addProducer({ ...producer, tokenHash: hashToken(token), createdAt });
    if (!added) return sendError(reply, hubError("ALREADY_EXISTS", `producer ${id} is already registered`));
    return reply.code(201).send({ ...producer, token });
  });
}
