// The till page of the Chromium tests, bundled with esbuild from the package's source: it records sales into real
// IndexedDB and uploads them. Like a real till, it opens its outbox (and so resumes uploading) on every page load
// once configured; the configuration survives reloads in localStorage.
import { createSalesOutbox, type SalesOutbox, type SalesOutboxStatus } from "../../src/index.js";
import { testSale } from "./test-sales.js";

interface PageConfig {
  readonly endpoint: string;
  readonly token: string;
  readonly storeGln: string;
  readonly dbName: string;
  readonly batchSize: number;
}

let outbox: SalesOutbox | undefined;
let latest: SalesOutboxStatus | undefined;

function open(config: PageConfig): SalesOutbox {
  const opened = createSalesOutbox({
    ...config,
    onlineEvents: window,
    timeoutMs: 5_000,
    backoffBaseMs: 50,
    backoffMaxMs: 500,
  });
  opened.status$.subscribe((status) => {
    latest = status;
  });
  return opened;
}

const saved = localStorage.getItem("sales-page-config");
if (saved) outbox = open(JSON.parse(saved) as PageConfig);

declare global {
  interface Window {
    salesPage: {
      configure(config: PageConfig): void;
      record(from: number, count: number, prefix: string): Promise<string[]>;
      status(): SalesOutboxStatus | undefined;
    };
  }
}

window.salesPage = {
  configure(config) {
    localStorage.setItem("sales-page-config", JSON.stringify(config));
    outbox = open(config);
  },
  async record(from, count, prefix) {
    const current = outbox;
    if (!current) throw new Error("configure() first");
    const failures: string[] = [];
    // 16 record() calls in flight, as a busy till (or a replay) would: the outbox commits them in groups.
    for (let start = from; start < from + count; start += 16) {
      const indexes = Array.from({ length: Math.min(16, from + count - start) }, (_, offset) => start + offset);
      const results = await Promise.all(indexes.map((index) => current.record(testSale(index, prefix))));
      results.forEach((result, offset) => {
        if (!result.ok) failures.push(`${indexes[offset]}: ${result.error.code}`);
      });
    }
    return failures;
  },
  status: () => latest,
};
