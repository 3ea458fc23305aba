// Notices and the store policy (admin token). Every change is stored, then published as a new signed feed version
// before the answer, so the response names the version tills will see.

import { type RuleNotice, RuleNoticeSchema, StorePolicySchema } from "@scangate/rules";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { hubError } from "../errors.js";
import type { HubFeed } from "../feed/hub-feed.js";
import { activateKeyRotation, prepareKeyRotation } from "../feed/signing-keys.js";
import type { HubStorage } from "../storage/hub-storage.js";
import { requireToken } from "./auth.js";
import { parseInput } from "./parse-input.js";
import { sendError } from "./reply.js";

/** A notice as an admin sends it: the rule model's notice, `version` optional (the hub counts versions). */
const NoticeInputSchema = RuleNoticeSchema.extend({ version: z.int().positive().optional() });
type NoticeInput = z.infer<typeof NoticeInputSchema>;
const NoticesInputSchema = z.union([NoticeInputSchema, z.array(NoticeInputSchema).min(1)]);
const CloseSchema = z.object({ status: z.enum(["closed", "cancelled"]).default("closed") });
const RotateSchema = z.object({ step: z.enum(["prepare", "activate"]) });

/** The next stored form of a notice: a changed notice gets a higher version than the stored one. */
export function nextNoticeVersion(input: NoticeInput, stored: RuleNotice | undefined): RuleNotice {
  if (stored === undefined) return { ...input, version: input.version ?? 1 };
  const same = JSON.stringify({ ...input, version: stored.version }) === JSON.stringify(stored);
  if (same && (input.version === undefined || input.version <= stored.version)) return stored;
  return { ...input, version: Math.max(input.version ?? 0, stored.version + 1) };
}

/** Registers the notice, policy, publish and key-rotation admin routes. */
export function registerNoticeRoutes(app: FastifyInstance, storage: HubStorage, feed: HubFeed): void {
  const adminOnly = requireToken(storage, ["admin"]);

  async function publishAnswer(extra: object) {
    const published = await feed.publish();
    if (!published.ok) return { error: published.error } as const;
    return { body: { ...extra, feedVersion: published.value.version } } as const;
  }

  app.get("/admin/notices", { onRequest: adminOnly }, async () => ({ notices: await storage.notices() }));

  app.post("/admin/notices", { onRequest: adminOnly }, async (request, reply) => {
    const body = parseInput(NoticesInputSchema, request.body);
    if (!body.ok) return sendError(reply, body.error);
    const inputs = Array.isArray(body.value) ? body.value : [body.value];
    const ids = inputs.map((input) => input.id);
    const stored = new Map((await storage.noticesWithIds(ids)).map((notice) => [notice.id, notice]));
    const next = inputs.map((input) => nextNoticeVersion(input, stored.get(input.id)));
    await storage.putNotices(next);
    const answer = await publishAnswer({ notices: next.map(({ id, version }) => ({ id, version })) });
    return "error" in answer ? sendError(reply, answer.error) : reply.send(answer.body);
  });

  app.post<{ Params: { id: string } }>("/admin/notices/:id/close", { onRequest: adminOnly }, async (request, reply) => {
    const body = parseInput(CloseSchema, request.body ?? {});
    if (!body.ok) return sendError(reply, body.error);
    const [stored] = await storage.noticesWithIds([request.params.id]);
    if (stored === undefined) return sendError(reply, hubError("NOT_FOUND", `no notice ${request.params.id}`));
    const closed = { ...stored, status: body.value.status, version: stored.version + 1 };
    await storage.putNotices([closed]);
    const answer = await publishAnswer({ notice: { id: closed.id, version: closed.version, status: closed.status } });
    return "error" in answer ? sendError(reply, answer.error) : reply.send(answer.body);
  });

  app.get("/admin/policy", { onRequest: adminOnly }, async () => ({
    policy: (await storage.policy()) ?? StorePolicySchema.parse({}),
  }));

  app.put("/admin/policy", { onRequest: adminOnly }, async (request, reply) => {
    const body = parseInput(StorePolicySchema, request.body);
    if (!body.ok) return sendError(reply, body.error);
    await storage.setPolicy(body.value);
    const answer = await publishAnswer({ policy: body.value });
    return "error" in answer ? sendError(reply, answer.error) : reply.send(answer.body);
  });

  app.post("/admin/feed/publish", { onRequest: adminOnly }, async (_request, reply) => {
    const answer = await publishAnswer({});
    return "error" in answer ? sendError(reply, answer.error) : reply.send(answer.body);
  });

  app.post("/admin/keys/rotate", { onRequest: adminOnly }, async (request, reply) => {
    const body = parseInput(RotateSchema, request.body);
    if (!body.ok) return sendError(reply, body.error);
    if (body.value.step === "prepare") return reply.send(await prepareKeyRotation(feed.keysDir));
    const status = await activateKeyRotation(feed.keysDir);
    if (status === undefined) return sendError(reply, hubError("NOT_FOUND", "no prepared key: run step prepare first"));
    const answer = await publishAnswer(status);
    return "error" in answer ? sendError(reply, answer.error) : reply.send(answer.body);
  });
}
