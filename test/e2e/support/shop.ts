// What the fault suite's tills sell, and how a customer is served, the same in every till process.
import type { Checkout } from "@scangate/checkout";

export const STORE_GLN = "6901234000016";
export const MILK = "06901234567892";
export const EGGS = "06901234000122";
/** The batch the publisher recalls mid-run. */
export const RECALLED = "LOT-A";
export const CATALOG = [
  { gtin: MILK, name: "纯牛奶 1L", priceMinor: 1250 },
  { gtin: EGGS, name: "土鸡蛋 10枚", priceMinor: 1800 },
];
/** Milk of the batch that gets recalled, milk of another batch, eggs (EAN-13). */
export const SCANS = [
  `]d201${MILK}17301231\u001d10${RECALLED}`,
  `]d201${MILK}17301231\u001d10LOT-B`,
  `]E0${EGGS.slice(1)}`,
] as const;

let codeCounter = 0;
/**
 * A WeChat-style customer code (18 digits from "13"), unique across tills: `till` is a digit. Ending "1230" pays at
 * once; "1239" makes the simulated customer type a password first.
 */
export const walletCode = (till: number, typing: boolean) =>
  `13${till % 10}${String(++codeCounter % 1e5).padStart(5, "0")}${String(Date.now() % 1e6).padStart(6, "0")}${typing ? "1239" : "1230"}`;

/** How customer number `customer` pays. */
export type CustomerPayment = { readonly kind: "cash" } | { readonly kind: "wallet"; readonly code: string };

/**
 * What customer number `customer` of till number `till` buys and how they pay, the same mix at every kind of till:
 * one to three items in turn from SCANS; every other customer pays cash, the rest by wallet (every fifth of those
 * types a password first).
 */
export function customerPlan(
  till: number,
  customer: number,
): { readonly scans: readonly string[]; readonly pay: CustomerPayment } {
  const scans = Array.from({ length: 1 + (customer % 3) }, (_, item) => SCANS[(customer + item) % SCANS.length] ?? "");
  const pay: CustomerPayment =
    customer % 2 === 0 ? { kind: "cash" } : { kind: "wallet", code: walletCode(till, customer % 5 === 1) };
  return { scans, pay };
}

/** One customer: scan 1–3 items, take out what the gate blocks, pay cash or by wallet. Returns lines blocked. */
export async function serveCustomer(checkout: Checkout, till: number, customer: number): Promise<number> {
  let blocked = 0;
  if (checkout.snapshot().payment || checkout.snapshot().tenders.length > 0) return blocked; // a resumed payment runs
  const { scans, pay } = customerPlan(till, customer);
  for (const scan of scans) await checkout.scan(scan);
  for (const line of checkout.snapshot().lines)
    if (line.gate === "block") {
      blocked++;
      await checkout.removeLine(line.id, "e2e");
    } else if (line.gate === "warn") await checkout.acknowledge(line.id, { by: "e2e", role: "cashier" });
  if (checkout.snapshot().lines.length === 0) return blocked;
  if (pay.kind === "cash") await checkout.pay({ kind: "cash", tenderedMinor: 100_000 });
  else {
    const scanned = await checkout.scan(pay.code);
    if (scanned.ok && scanned.value.kind === "payment") await scanned.value.payment;
  }
  return blocked;
}

/** Scans milk of the batch that is never recalled and eggs, and returns with the basket open (for a kill mid-sale). */
export async function startSale(checkout: Checkout): Promise<void> {
  if (checkout.snapshot().payment) return;
  await checkout.scan(SCANS[1]);
  await checkout.scan(SCANS[2]);
}

/** Scans the eggs and a "typing" customer code, and returns while the customer is still typing their password. */
export async function startWalletPayment(checkout: Checkout, till: number): Promise<void> {
  if (checkout.snapshot().payment) return;
  await checkout.scan(SCANS[2]);
  const scanned = await checkout.scan(walletCode(till, true));
  if (scanned.ok && scanned.value.kind === "payment") void scanned.value.payment.catch(() => undefined);
}
