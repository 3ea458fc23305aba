// The hub's rule feed: every notice or policy change publishes a new signed version into <dataDir>/feed through
// @scangate/rules' publisher, one publish at a time (each version is built on the previous one in the folder).
// The store policy, which the feed format does not carry, is written beside it as policy.json.
import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { FeedManifest } from "@scangate/rules";
import { publishFeed } from "@scangate/rules/feed-publisher";
import type { Clock } from "../clock.js";
import { type HubError, hubError, type Result } from "../errors.js";
import type { HubStorage } from "../storage/hub-storage.js";
import { activeSigningKey } from "./signing-keys.js";

/** The published feed of one hub. */
export interface HubFeed {
  /** The folder holding manifest.json, its .sig, snapshots, deltas and policy.json. */
  readonly dir: string;
  /** <dataDir>/keys. */
  readonly keysDir: string;
  /** The latest published version, undefined before the first publish. */
  version(): number | undefined;
  /** Publishes the stored notices and policy as the next version. */
  publish(): Promise<Result<FeedManifest, HubError>>;
  /** Publishes only when the folder has no feed yet (first start). */
  publishIfMissing(): Promise<Result<FeedManifest | undefined, HubError>>;
}

/** Options of {@link createHubFeed}. */
export interface HubFeedOptions {
  readonly dataDir: string;
  readonly storage: HubStorage;
  readonly clock: Clock;
  /** How long tills may trust a manifest, ms; the hub re-publishes well before. */
  readonly manifestTtlMs: number;
}

/** The hub's feed publisher over its storage. */
export function createHubFeed(options: HubFeedOptions): HubFeed {
  const dir = join(options.dataDir, "feed");
  const keysDir = join(options.dataDir, "keys");
  let latest: number | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  async function publishNow(): Promise<Result<FeedManifest, HubError>> {
    const key = await activeSigningKey(keysDir);
    const notices = await options.storage.notices();
    const policy = await options.storage.policy();
    const published = await publishFeed({
      notices,
      privateKeyPem: key.privateKeyPem,
      keyId: key.keyId,
      outDir: dir,
      nowMs: options.clock.nowMs(),
      manifestTtlMs: options.manifestTtlMs,
    });
    if (!published.ok)
      return {
        ok: false,
        error: hubError("FEED_PUBLISH_FAILED", `${published.error.code}: ${published.error.message}`),
      };
    await writeFile(join(dir, "policy.json.tmp"), `${JSON.stringify(policy ?? {}, null, 2)}\n`);
    await rename(join(dir, "policy.json.tmp"), join(dir, "policy.json"));
    latest = published.value.manifest.version;
    return { ok: true, value: published.value.manifest };
  }

  function serialised<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    dir,
    keysDir,
    version: () => latest,
    publish: () => serialised(publishNow),
    publishIfMissing: () =>
      serialised(async () => {
        const existing = await readFile(join(dir, "manifest.json"), "utf8").catch(() => undefined);
        if (existing === undefined) return publishNow();
        latest = (JSON.parse(existing) as { version?: number }).version;
        return { ok: true as const, value: undefined };
      }),
  };
}
