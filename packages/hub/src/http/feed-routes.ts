// The feed folder served as static files, as a CDN would: a strong ETag (SHA-256 of the bytes) and 304 for a
// matching If-None-Match, so a till polling an unchanged feed costs a few hundred bytes. Versioned files
// (snapshot-<v>, delta-<a>-<b>) never change under their name and are cached for a year; the manifest, its
// signature, policy.json and the trusted key list must be revalidated on every poll.
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { hubError } from "../errors.js";
import type { HubFeed } from "../feed/hub-feed.js";
import { keyStatus } from "../feed/signing-keys.js";
import { sendError } from "./reply.js";

const FEED_FILE = /^(manifest\.json(\.sig)?|policy\.json|snapshot-\d+\.json|delta-\d+-\d+\.json)$/;
const IMMUTABLE = /^(snapshot|delta)-/;

interface CachedFile {
  readonly mtimeMs: number;
  readonly size: number;
  readonly etag: string;
  readonly bytes: Buffer;
}

/** Registers GET /feed/:file and GET /feed/keys.json. */
export function registerFeedRoutes(app: FastifyInstance, feed: HubFeed): void {
  const cache = new Map<string, CachedFile>();

  async function load(file: string): Promise<CachedFile | undefined> {
    const path = join(feed.dir, file);
    const info = await stat(path).catch(() => undefined);
    if (info === undefined || !info.isFile()) return undefined;
    const cached = cache.get(file);
    if (cached !== undefined && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached;
    const bytes = await readFile(path).catch(() => undefined);
    if (bytes === undefined) return undefined;
    const etag = `"${createHash("sha256").update(bytes).digest("base64url")}"`;
    const entry = { mtimeMs: info.mtimeMs, size: info.size, etag, bytes };
    cache.set(file, entry);
    return entry;
  }

  app.get("/feed/keys.json", async (_request, reply) => {
    const status = await keyStatus(feed.keysDir);
    return reply.header("cache-control", "no-cache").send(status);
  });

  app.get<{ Params: { file: string } }>("/feed/:file", async (request, reply) => {
    const { file } = request.params;
    const entry = FEED_FILE.test(file) ? await load(file) : undefined;
    if (entry === undefined) return sendError(reply, hubError("NOT_FOUND", `no feed file ${file}`));
    reply
      .header("etag", entry.etag)
      .header("cache-control", IMMUTABLE.test(file) ? "public, max-age=31536000, immutable" : "no-cache")
      .header("content-type", "application/json");
    const presented = request.headers["if-none-match"];
    if (presented?.split(",").some((tag) => tag.trim() === entry.etag)) return reply.code(304).send();
    return reply.send(entry.bytes);
  });
}
