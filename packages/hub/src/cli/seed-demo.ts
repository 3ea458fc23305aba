// `scangate-hub seed-demo`: a working loop on one laptop. It starts the hub on a free port and uses its own HTTP
// API, as any operator would: registers a demo producer and two stores (a wet-market stall and a supermarket),
// publishes a recall and a failed-inspection notice, captures a week of demo sales, writes the catalogue (with
// scan strings a till can use) to <data>/demo-catalogue.json, and prints the tokens.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gtinCheckDigit } from "@scangate/gs1";
import type { StartHubOptions } from "../hub-options.js";
import { startHub } from "../start-hub.js";
import type { HubCliIo } from "./cli.js";
import { DEMO_CATALOGUE, DEMO_COMPANY_PREFIX, type DemoProduct } from "./demo-catalogue.js";
import { demoNotices } from "./demo-notices.js";

const DAY_MS = 86_400_000;

/** A demo store GLN under the demo prefix. */
function demoGln(locationReference: string): string {
  const payload = `${DEMO_COMPANY_PREFIX}${locationReference}`;
  return `${payload}${gtinCheckDigit(payload)}`;
}

const STORES = [
  { gln: demoGln("00001"), name: "城东菜市场 7号摊 (demo wet-market stall)", where: "wet-market" },
  { gln: demoGln("00002"), name: "邻里生活超市 (demo supermarket)", where: "supermarket" },
] as const;

/** Seeds the demo; 0 done, 1 refused (e.g. already seeded). */
export async function seedDemo(options: StartHubOptions, io: HubCliIo): Promise<number> {
  const hub = await startHub({ ...options, port: 0, logger: false });
  try {
    const admin = options.adminToken ?? (await readFile(join(options.dataDir, "admin-token"), "utf8")).trim();
    const post = async (path: string, token: string, body: unknown) => {
      const response = await fetch(new URL(path, hub.url), {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    };
    const producer = await post("admin/producers", admin, {
      id: "demo-producer",
      name: "杭州鲜味食品有限公司 (demo producer)",
      companyPrefixes: [DEMO_COMPANY_PREFIX],
    });
    if (producer.status === 409) {
      io.err("✗ ALREADY_EXISTS: this data directory is already seeded (tokens are shown only once)");
      return 1;
    }
    const storeTokens: string[] = [];
    for (const store of STORES) storeTokens.push(String((await post("admin/stores", admin, store)).json.token));
    const today = new Date(io.clock.nowMs()).toISOString().slice(0, 10);
    const notices = await post("admin/notices", admin, demoNotices(today));
    for (const [index, store] of STORES.entries()) {
      const events = demoSales(store, io.clock.nowMs());
      const captured = await post("capture", storeTokens[index] as string, {
        "@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"],
        type: "EPCISDocument",
        schemaVersion: "2.0",
        creationDate: new Date(io.clock.nowMs()).toISOString(),
        epcisBody: { eventList: events },
      });
      if (captured.status !== 202) {
        io.err(`✗ demo sales refused: ${JSON.stringify(captured.json)}`);
        return 1;
      }
    }
    const catalogueFile = join(options.dataDir, "demo-catalogue.json");
    await writeFile(catalogueFile, `${JSON.stringify(catalogueWithScans(io.clock.nowMs()), null, 2)}\n`);
    io.out(`Seeded ${options.dataDir} (feed version ${String(notices.json.feedVersion)}).`);
    io.out(`admin token:     ${admin}`);
    io.out(`producer token:  ${String(producer.json.token)}   (company prefix ${DEMO_COMPANY_PREFIX})`);
    for (const [index, store] of STORES.entries()) io.out(`store ${store.gln}: ${storeTokens[index]}   ${store.name}`);
    io.out(`catalogue with scan strings: ${catalogueFile}`);
    io.out("Start the hub with `scangate-hub start`, then open /producer with the producer token.");
    return 0;
  } finally {
    await hub.close();
  }
}

function demoSales(store: (typeof STORES)[number], nowMs: number): Record<string, unknown>[] {
  const events: Record<string, unknown>[] = [];
  const products = DEMO_CATALOGUE.filter((product) => product.where === store.where);
  for (let daysAgo = 6; daysAgo >= 0; daysAgo -= 1)
    for (const [index, product] of products.entries())
      for (const { batch } of product.batches) {
        const eventTime = new Date(nowMs - daysAgo * DAY_MS - (index + 1) * 600_000).toISOString();
        const weighed = product.byWeight === true;
        const quantity = weighed
          ? Math.round((0.3 + ((daysAgo * 7 + index) % 10) / 10) * 1000) / 1000
          : 1 + ((daysAgo * 3 + index) % 6);
        events.push({
          type: "ObjectEvent",
          eventID: `urn:uuid:${demoUuid(store.gln, product.gtin, batch, daysAgo)}`,
          eventTime,
          eventTimeZoneOffset: "+08:00",
          action: "OBSERVE",
          bizStep: "retail_selling",
          disposition: "retail_sold",
          bizLocation: { id: `https://id.gs1.org/414/${store.gln}` },
          quantityList: [
            {
              epcClass: `https://id.gs1.org/01/${product.gtin}/10/${batch}`,
              quantity,
              ...(weighed ? { uom: "KGM" } : {}),
            },
          ],
        });
      }
  return events;
}

/** A stable UUID-shaped id per demo sale, so seeding twice into a copied store never double-counts. */
function demoUuid(...parts: readonly (string | number)[]): string {
  const text = parts.join("|");
  let hash = 2166136261;
  const hex: string[] = [];
  for (let round = 0; round < 4; round += 1) {
    for (const char of `${round}${text}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
    hex.push(hash.toString(16).padStart(8, "0"));
  }
  const all = hex.join("");
  return `${all.slice(0, 8)}-${all.slice(8, 12)}-4${all.slice(13, 16)}-8${all.slice(17, 20)}-${all.slice(20, 32)}`;
}

function catalogueWithScans(nowMs: number) {
  return DEMO_CATALOGUE.map((product: DemoProduct) => ({
    ...product,
    batches: product.batches.map(({ batch, expiresInDays }) => {
      const expiry = new Date(nowMs + expiresInDays * DAY_MS).toISOString().slice(0, 10);
      const yymmdd = expiry.slice(2).replaceAll("-", "");
      return {
        batch,
        expiry,
        expired: expiresInDays < 0,
        scan: `https://id.gs1.org/01/${product.gtin}/10/${batch}?17=${yymmdd}`,
      };
    }),
  }));
}
