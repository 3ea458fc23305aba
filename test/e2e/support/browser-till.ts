// The fault suite's browser till: the real web till (served by browser-till-server.ts) in Debian's Chromium, run as
// a child process of its own with a profile folder on disk (chromium-process.ts), so a SIGKILL is a real crash and a
// restart on the same folder finds what IndexedDB committed. It pays at the gateway simulator directly. A cashier
// is played through the page: keyboard-wedge scans, the alarms' buttons, the payment
// sheet, the receipt's "Next customer".
import type { LineQuantity, SaleTender } from "@scangate/checkout";
import { type Browser, chromium, type Page } from "playwright-core";
import { firstTouch, wedgeScan } from "../../support/web-till-driver.js";
import type { BrowserTillServer } from "./browser-till-server.js";
import { killGroup, launchChromium } from "./chromium-process.js";
import type { CustomerPayment } from "./shop.js";

/** A completed sale as the till's journal holds it, enough for the audit. */
export interface CompletedSaleSummary {
  readonly id: string;
  readonly soldAtMs: number;
  readonly lines: readonly { readonly gtin: string; readonly batch?: string; readonly quantity: LineQuantity }[];
  readonly tenders: readonly Pick<SaleTender, "kind" | "amountMinor" | "outTradeNo">[];
}

/** How a customer pays (the fault suite's mix, shop.ts). */
export type BrowserTillPayment = CustomerPayment;

/** One web till in one Chromium. */
export interface BrowserTill {
  /**
   * One customer: scans each of `scans` with the keyboard wedge, removes the lines the gate blocks (counted),
   * confirms warnings, then pays cash (tendering ¥10,000) or with the wallet `code`. Resolves when the sale
   * completed or was abandoned (everything blocked, the payment failed, the page stuck); never throws for a gate
   * block or a failed payment.
   */
  serveCustomer(scans: readonly string[], pay: BrowserTillPayment): Promise<{ blocked: number; completed: boolean }>;
  /** Scans `scan` and starts a wallet payment with `code`; resolves once the payment is running (for a kill). */
  startWalletPayment(scan: string, code: string): Promise<void>;
  /** The rule-feed version the till shows now (undefined before its first feed). */
  feedVersion(): Promise<number | undefined>;
  /** Sales the till's outbox has not delivered yet, as its status bar shows (0 when all are uploaded). */
  pendingUploads(): Promise<number>;
  /** Every completed sale in the till's journal (IndexedDB of the page). */
  completedSales(): Promise<CompletedSaleSummary[]>;
  /** SIGKILLs Chromium and every process it started (a crash; the profile folder stays). */
  kill(): Promise<void>;
  /** Closes Chromium cleanly (it flushes its storage). */
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `read` until it is truthy, or gives up after `timeoutMs` (undefined). */
async function until<T>(read: () => Promise<T>, timeoutMs: number, everyMs = 50): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) return undefined;
    await sleep(everyMs);
  }
}

// The page's hooks, by role and test id; the till runs in English (set before its first start).
const row = (page: Page) => page.locator("table.basket tbody tr");
const receipt = (page: Page) => page.locator(".receipt");
const dialog = (page: Page) => page.getByRole("dialog");
const button = (page: Page, name: string) => page.getByRole("button", { name, exact: true });

/** Units in the basket (a line's quantity column reads "× n"). */
const basketUnits = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("table.basket tbody tr")].reduce(
      (sum, line) => sum + Number(/\d+/.exec(line.querySelector("td.num")?.textContent ?? "")?.[0] ?? 1),
      0,
    ),
  );

/**
 * Starts Chromium on `profileDir` (a new one, or the folder a killed or closed till left), opens the till from
 * `server` and waits until it is ready: rendered (the catalogue loaded, the payments left running recovered and the
 * kept basket resumed — the till does both before it renders), a completed resumed sale's receipt put away, a
 * resumed basket whose payment failed cleared, and on a first start the first rule feed in (up to 20 s; a till
 * started while the hub is cut off sells on without one).
 */
export async function startBrowserTill(server: BrowserTillServer, profileDir: string): Promise<BrowserTill> {
  const { child, exited, ws } = await launchChromium(profileDir);
  let browser: Browser;
  try {
    browser = await chromium.connectOverCDP(ws);
  } catch (error) {
    if (child.pid !== undefined) killGroup(child.pid);
    throw error;
  }
  const context = browser.contexts()[0] ?? (await browser.newContext());
  await context.addInitScript(() => {
    if (localStorage.getItem("web-till-locale") === null) localStorage.setItem("web-till-locale", "en");
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const gln = await until(async () => {
    const response = await fetch(new URL("config.json", server.url)).catch(() => undefined);
    return response?.ok ? String(((await response.json()) as { storeGln: string }).storeGln) : undefined;
  }, 5_000);
  const journalDb = `web-till-${gln}-journal`;

  const till: BrowserTill = {
    async serveCustomer(scans, pay) {
      await toNextCustomer();
      for (const scan of scans) await scanItem(scan);
      let blocked = 0;
      for (let round = 0; round < 3; round++) {
        blocked += await clearGate();
        if ((await row(page).count()) === 0) return { blocked, completed: false };
        const outcome = await takePayment(pay);
        if (outcome === "completed") return { blocked, completed: true };
        if (outcome === "failed") break;
        // "refused": a line blocks or waits since the scan (a feed arrived): deal with it and pay again.
      }
      await abandon();
      return { blocked, completed: false };
    },

    async startWalletPayment(scan, code) {
      await toNextCustomer();
      await scanItem(scan);
      await clearGate();
      if ((await row(page).count()) === 0) return;
      await button(page, "Wallet code").click();
      if (!(await dialog(page).isVisible())) return;
      await scanPaymentCode(code);
    },

    async feedVersion() {
      const text = await page.getByTestId("feed").textContent({ timeout: 5_000 });
      const match = /v(\d+)/.exec(text ?? "");
      return match?.[1] === undefined ? undefined : Number(match[1]);
    },

    async pendingUploads() {
      const text = (await page.getByTestId("pending").textContent({ timeout: 5_000 })) ?? "";
      // "N sales waiting to upload", or "All sales uploaded · last upload 12:00:00" (whose digits are a time).
      return Number(/^\s*(\d+)/.exec(text)?.[1] ?? 0);
    },

    completedSales: () =>
      page.evaluate(async (name) => {
        // Opened only if it exists: indexedDB.open of a new name would create an empty database under Dexie's feet.
        if (!(await indexedDB.databases()).some((database) => database.name === name)) return [];
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        try {
          if (!db.objectStoreNames.contains("sales")) return [];
          const rows = await new Promise<{ sale: CompletedSaleShape }[]>((resolve, reject) => {
            const request = db.transaction("sales", "readonly").objectStore("sales").getAll();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          return rows.map(({ sale }) => ({
            id: sale.id,
            soldAtMs: sale.soldAtMs,
            lines: sale.lines.map((line) => ({
              gtin: line.gtin,
              ...(line.batch === undefined ? {} : { batch: line.batch }),
              quantity: line.quantity,
            })),
            tenders: sale.tenders.map((tender) => ({
              kind: tender.kind,
              amountMinor: tender.amountMinor,
              ...(tender.outTradeNo === undefined ? {} : { outTradeNo: tender.outTradeNo }),
            })),
          }));
        } finally {
          db.close();
        }
      }, journalDb),

    async kill() {
      if (child.pid !== undefined) killGroup(child.pid);
      await exited;
    },

    async close() {
      // Browser.close shuts Chromium down as a person closing it would; Playwright's close() only disconnects here.
      const session = await browser.newBrowserCDPSession().catch(() => undefined);
      await session?.send("Browser.close").catch(() => undefined);
      const closed = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
      if (!closed && child.pid !== undefined) killGroup(child.pid);
      await exited;
    },
  };

  /** Back on the till screen with an empty basket: the last receipt put away, a leftover basket cleared. */
  async function toNextCustomer(): Promise<void> {
    if (await receipt(page).isVisible()) await button(page, "Next customer").click();
    if ((await row(page).count()) > 0) {
      // A payment still running (a resumed one): let it end first.
      await until(async () => (await receipt(page).isVisible()) || !(await paymentRunning()), 30_000, 200);
      if (await receipt(page).isVisible()) await button(page, "Next customer").click();
      if ((await row(page).count()) > 0) await abandon();
    }
  }

  /** The basket is locked while a payment runs or tenders are taken: "Clear basket" is disabled then. */
  async function paymentRunning(): Promise<boolean> {
    return (await row(page).count()) > 0 && (await button(page, "Clear basket").isDisabled());
  }

  /** One item, scanned again once if the till did not take it (no line, no alarm) within 5 s, as a cashier would. */
  async function scanItem(scan: string): Promise<void> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const units = await basketUnits(page);
      const alarms = await page.locator("[data-alarm]").count();
      await wedgeScan(page, scan);
      const taken = await until(
        async () => (await basketUnits(page)) > units || (await page.locator("[data-alarm]").count()) > alarms,
        5_000,
      );
      if (taken) return;
    }
  }

  /** Removes the blocked lines (returns how many), confirms the warned ones, puts away the other alarms. */
  async function clearGate(): Promise<number> {
    let blocked = 0;
    for (let guard = 0; guard < 20 && (await page.locator("table.basket tr.gate-block").count()) > 0; guard++) {
      const count = await page.locator("table.basket tr.gate-block").count();
      await page.locator("table.basket tr.gate-block").first().getByRole("button").click();
      await until(async () => (await page.locator("table.basket tr.gate-block").count()) < count, 5_000);
      blocked++;
    }
    const warn = page.locator('[data-alarm="warn"]');
    for (let guard = 0; guard < 20 && (await warn.count()) > 0; guard++) {
      const count = await warn.count();
      await warn
        .first()
        .getByRole("button", { name: /^Confirm/ })
        .click();
      await until(async () => (await warn.count()) < count, 5_000);
    }
    const other = page.locator('[data-alarm]:not([data-alarm="warn"]):not([data-alarm="blocked"])');
    for (let guard = 0; guard < 20 && (await other.count()) > 0; guard++)
      await other.first().getByRole("button", { name: "Dismiss", exact: true }).click();
    return blocked;
  }

  /** A wallet code scanned on the open payment sheet (with the page, not the sheet's field, focused). */
  async function scanPaymentCode(code: string): Promise<boolean> {
    for (let attempt = 0; attempt < 2; attempt++) {
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await wedgeScan(page, code);
      const started = await until(
        async () =>
          (await receipt(page).isVisible()) ||
          (await page.locator(".payment-state").count()) > 0 ||
          (await dialog(page).getByRole("alert").count()) > 0,
        5_000,
      );
      if (started) return true;
    }
    return false;
  }

  /** Pays; "refused" when the till would not take the payment (a line blocks or waits), "failed" when it failed. */
  async function takePayment(pay: BrowserTillPayment): Promise<"completed" | "refused" | "failed"> {
    await button(page, pay.kind === "cash" ? "Cash" : "Wallet code").click();
    const opened = await until(
      async () => (await dialog(page).isVisible()) || (await page.getByTestId("pay-refused").isVisible()),
      5_000,
    );
    if (!opened || !(await dialog(page).isVisible())) return "refused";
    if (pay.kind === "cash") {
      await dialog(page).getByLabel("Cash received").fill("10000");
      await button(page, "Take cash").click();
    } else if (!(await scanPaymentCode(pay.code))) {
      await closeSheet();
      return "failed";
    }
    // The till leaves its screen for the receipt when the sale completes; a payment that failed or was refused
    // leaves the basket unlocked with no payment running (an alarm or the sheet says why).
    let idleSince: number | undefined;
    const ended = await until(
      async () => {
        if ((await page.locator("main .till").count()) === 0) return "completed";
        if ((await page.locator(".payment-state").count()) > 0 || (await paymentRunning())) idleSince = undefined;
        else if (
          (await dialog(page).getByRole("alert").count()) > 0 ||
          (await page.locator('[data-alarm="payment"]').count()) > 0
        )
          return "ended";
        else {
          idleSince ??= Date.now();
          if (Date.now() - idleSince > 3_000) return "ended";
        }
        return undefined;
      },
      60_000,
      100,
    );
    if (ended === "completed") {
      await button(page, "Next customer").click({ timeout: 30_000 });
      return "completed";
    }
    await closeSheet();
    // Refused at payment time because the gate changed its mind (the checkout re-gates every line before paying).
    const gated =
      (await page.locator("table.basket tr.gate-block").count()) > 0 ||
      (await page.locator('[data-alarm="warn"]').count()) > 0;
    return gated ? "refused" : "failed";
  }

  async function closeSheet(): Promise<void> {
    if (await paymentRunning()) {
      await button(page, "Cancel payment")
        .click({ timeout: 2_000 })
        .catch(() => undefined);
      await until(async () => !(await paymentRunning()), 30_000, 200);
    }
    if (await dialog(page).isVisible())
      await button(page, "Close")
        .click({ timeout: 2_000 })
        .catch(() => undefined);
  }

  /** The customer leaves: the basket is cleared (the checkout voids it). */
  async function abandon(): Promise<void> {
    await closeSheet();
    if ((await row(page).count()) > 0 && (await button(page, "Clear basket").isEnabled()))
      await button(page, "Clear basket").click();
    await until(async () => (await row(page).count()) === 0, 5_000);
  }

  try {
    await page.goto(server.url, { waitUntil: "domcontentloaded", timeout: 60_000 });
    await page.getByTestId("feed").waitFor({ timeout: 60_000 });
    await firstTouch(page);
    await toNextCustomer();
    await until(async () => (await till.feedVersion()) !== undefined, 20_000, 200);
  } catch (error) {
    await till.kill();
    throw error;
  }
  return till;
}

/** The fields of a journaled CompletedSale the summary reads (inside the page, where no import reaches). */
interface CompletedSaleShape {
  readonly id: string;
  readonly soldAtMs: number;
  readonly lines: readonly { readonly gtin: string; readonly batch?: string; readonly quantity: LineQuantity }[];
  readonly tenders: readonly Pick<SaleTender, "kind" | "amountMinor" | "outTradeNo">[];
}
