// vitest globalSetup for the browser project: the page cannot open a socket, so Node publishes a signed feed and
// serves it on 127.0.0.1 (with CORS) for the whole run; the page gets the URL and the trusted key via inject().
import type { TestProject } from "vitest/node";
import { createFeedFixture } from "./feed-fixture.js";
import { startFeedServer } from "./feed-server.js";
import { recallNotice } from "./notices.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of a feed holding version 1: one blocking recall of GTIN / RECALLED_BATCH. */
    rulesFeedUrl: string;
    /** The key that feed is signed with, as `{ keyId, publicKey }` JSON. */
    rulesFeedKey: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const feed = await createFeedFixture();
  // Published "now" on the real clock, since the browser store runs on the default clock.
  await feed.publish([recallNotice("recall-1")], { nowMs: Date.now(), ttlMs: 86_400_000 });
  const server = await startFeedServer(feed.folder);
  project.provide("rulesFeedUrl", server.url);
  project.provide("rulesFeedKey", JSON.stringify(feed.key));
  return async () => {
    await server.close();
    await feed.dispose();
  };
}
