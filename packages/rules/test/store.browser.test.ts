import { parse } from "@scangate/gs1";
import { filter, firstValueFrom } from "rxjs";
import { describe, expect, inject, it } from "vitest";
import type { TrustedKey } from "../src/feed/manifest-schema.js";
import { createRuleStore, type RuleStore } from "../src/store/create-rule-store.js";
import { GTIN, RECALLED_BATCH } from "./support/notices.js";

const feedUrl = inject("rulesFeedUrl");
const key: TrustedKey = JSON.parse(inject("rulesFeedKey"));
// Port 9 (discard) on loopback refuses connections: the feed is unreachable, as for a till that lost its network.
const OFFLINE_URL = "http://127.0.0.1:9/feed/";

function actionFor(store: RuleStore, hri: string): string {
  const data = parse(hri);
  if (!data.ok) throw new Error(`bad test scan ${hri}`);
  const verdict = store.verdict(data.value, { today: new Date().toISOString().slice(0, 10) });
  return verdict.ok ? verdict.value.action : verdict.error.code;
}

describe("createRuleStore on real IndexedDB in Chromium", () => {
  it("blocks a recalled batch after a reload with the feed offline", async () => {
    const dbName = `rules-browser-${crypto.randomUUID()}`;
    const online = createRuleStore({ feedUrl, keys: [key], dbName, retryLimit: 0 });
    const first = online.status$.subscribe();
    expect(await online.sync()).toMatchObject({ ok: true, value: { version: 1 } });
    expect(actionFor(online, `(01)${GTIN}(10)${RECALLED_BATCH}`)).toBe("block");
    first.unsubscribe(); // closes the database, as a page unload would

    const afterReload = createRuleStore({ feedUrl: OFFLINE_URL, keys: [key], dbName, retryLimit: 0 });
    const second = afterReload.status$.subscribe();
    const status = await firstValueFrom(afterReload.status$.pipe(filter((s) => s.lastError !== undefined)));
    expect(status).toMatchObject({ version: 1, loaded: true, lastError: { code: "FEED_UNREACHABLE" } });
    expect(actionFor(afterReload, `(01)${GTIN}(10)${RECALLED_BATCH}`)).toBe("block");
    expect(actionFor(afterReload, `(01)${GTIN}(10)OTHER`)).toBe("allow");
    second.unsubscribe();
  });
});
