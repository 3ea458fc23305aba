// The till engine: one basket, gated twice (at the scan and again at settlement), paid through the payment bridge,
// then journaled and streamed to the producers. Commands run one at a time in arrival order (a scan that waits on
// the catalogue never races the next one); every change replaces the state whole and is announced on events$.
import type { Result } from "@scangate/gs1";
import type { PaymentAttempt } from "@scangate/payments";
import { storeDate } from "@scangate/rules";
import { type Scan, scanData } from "@scangate/scanner";
import { asyncScheduler, BehaviorSubject, Observable, Subject } from "rxjs";
import type { BasketLine, LineResolution } from "../basket/basket-line.js";
import { DEFAULT_GATE_POLICY, type GatePolicy, isSettled, overrideRefusal } from "../basket/line-gate.js";
import { DEFAULT_PRICE_TOLERANCE, priceManualItem } from "../basket/price-line.js";
import type { SaleTender } from "../sale/completed-sale.js";
import type { Checkout, CheckoutTender, ScanOutcome } from "./checkout-api.js";
import { type CheckoutError, checkoutError } from "./checkout-errors.js";
import type { CheckoutEvent, CheckoutEventBody } from "./checkout-events.js";
import type { CheckoutOptions } from "./checkout-options.js";
import { type CheckoutCore, freshBasket, openBasketOf, snapshotOf } from "./checkout-snapshot.js";
import type { Alarm, CheckoutState, HeldBasket } from "./checkout-state.js";
import { completeSale } from "./complete-sale.js";
import { draftLine, type GateContext, type LineDraft, regate, withUnits } from "./line-builder.js";
import { type PaymentRequest, runPayment } from "./payment-flow.js";
import { type RefundDone, refundSale } from "./refund-flow.js";
import { resumeBasket } from "./resume-basket.js";
import { lineFromScan } from "./scan-flow.js";

const notSaved: CheckoutError = {
  code: "STORAGE_FAILED",
  message: "the journal could not save the open basket: a crash now would lose it",
};

const ID_PREFIX = { sale: "S", held: "H", alarm: "A", refund: "R" } as const;

function defaultId(kind: keyof typeof ID_PREFIX): string {
  const random = Math.random().toString(36).slice(2, 8).toUpperCase();
  return `${ID_PREFIX[kind]}${Date.now().toString(36).toUpperCase()}${random}`;
}

/**
 * Creates the checkout. Nothing runs until `state$` is subscribed (which consumes `scans$`) or a command is called.
 * @example
 * const checkout = createCheckout({ scans$: scanner.scans$, catalog, rules: ruleStore, payments: bridge, sales: outbox,
 *   journal, store: { gln: "6901234000016", name: "Zhujiajiao stall 12" } });
 * checkout.state$.subscribe(render);
 * await checkout.pay({ kind: "cash", tenderedMinor: 5000 });
 */
export function createCheckout(options: CheckoutOptions): Checkout {
  const scheduler = options.scheduler ?? asyncScheduler;
  const nowMs = () => scheduler.now();
  const newId = options.newId ?? defaultId;
  const currency = options.store.currency ?? "CNY";
  const timeZone = options.store.timeZone ?? "Asia/Shanghai";
  const gatePolicy: GatePolicy = { ...DEFAULT_GATE_POLICY, ...options.gatePolicy };
  const providers = { cash: "cash", wallet: "gateway", ...options.providers };
  const tolerance = options.priceTolerance ?? DEFAULT_PRICE_TOLERANCE;
  const cashier = options.cashier ?? "till";

  let core: CheckoutCore = freshBasket({ held: [], alarms: [] }, newId("sale"));
  const state = new BehaviorSubject<CheckoutState>(snapshotOf(core, currency, gatePolicy));
  const events = new Subject<CheckoutEvent>();

  // The open basket is saved after every change, in order, so a crash or reload can resume it (journal permitting).
  let saving: Promise<unknown> = Promise.resolve();
  const persist = () => {
    const save = options.journal?.saveOpenBasket?.bind(options.journal);
    if (!save) return;
    const basket = openBasketOf(core, nowMs());
    saving = saving
      .then(() => save(basket))
      .then(
        (saved) => saved.ok || events.next({ atMs: nowMs(), saleId: basket.saleId, type: "refused", error: notSaved }),
        () => events.next({ atMs: nowMs(), saleId: basket.saleId, type: "refused", error: notSaved }),
      );
  };
  const commit = (next: CheckoutCore, ...happened: CheckoutEventBody[]) => {
    const saleId = core.saleId;
    core = next;
    state.next(snapshotOf(core, currency, gatePolicy));
    for (const event of happened) events.next({ atMs: nowMs(), saleId, ...event } as CheckoutEvent);
    persist();
  };
  const alarm = (fields: Omit<Alarm, "id" | "atMs">): Alarm => ({ id: newId("alarm"), atMs: nowMs(), ...fields });
  const refuse = <T>(failure: { ok: false; error: CheckoutError }, raiseAlarm = false): Result<T, CheckoutError> => {
    commit(
      raiseAlarm ? { ...core, alarms: [...core.alarms, alarm({ kind: "refused", error: failure.error })] } : core,
      {
        type: "refused",
        error: failure.error,
      },
    );
    return failure;
  };

  // One command at a time: each waits for the previous one to finish, and resolves once the open basket it changed
  // is saved (with a journal that keeps it), so what a command answered survives a crash.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(command: () => Promise<T> | T): Promise<T> => {
    const run = queue.then(async () => {
      const result = await command();
      await saving;
      return result;
    });
    queue = run.catch(() => undefined);
    return run;
  };

  const gateContext = (): GateContext => ({
    rules: options.rules,
    today: storeDate(nowMs(), timeZone),
    policy: options.policy,
    region: options.store.region,
    storeGln: options.store.gln,
    whenNoRules: options.whenNoRules ?? "warn",
  });

  /** Refuses basket changes once money is involved. */
  const lockedBasket = (): { ok: false; error: CheckoutError } | undefined =>
    core.payment !== undefined || core.tenders.length > 0
      ? checkoutError("PAYMENT_IN_PROGRESS", "the basket cannot change while it is being paid")
      : undefined;

  const lineAlarms = (line: BasketLine, atSettlement = false): Alarm[] =>
    line.gate === "allow"
      ? []
      : [
          alarm({
            kind: line.gate === "block" ? "blocked" : "warn",
            lineId: line.id,
            reasons: line.verdict?.reasons ?? [],
            checks: line.checks,
            ...(atSettlement ? { atSettlement } : {}),
          }),
        ];

  /** Adds a drafted line, or merges it into an identical ungated count line. */
  function addDraft(draft: LineDraft, scanText: string | undefined): BasketLine {
    const twin = core.lines.find(
      (line) =>
        draft.gate === "allow" &&
        line.gate === "allow" &&
        draft.quantity.kind === "count" &&
        line.quantity.kind === "count" &&
        draft.serial === undefined &&
        line.serial === undefined &&
        line.gtin === draft.gtin &&
        line.batch === draft.batch &&
        line.expiry === draft.expiry &&
        line.bestBefore === draft.bestBefore &&
        line.sellBy === draft.sellBy &&
        line.unitPriceMinor === draft.unitPriceMinor,
    );
    if (twin && draft.quantity.kind === "count" && twin.quantity.kind === "count") {
      const merged = withUnits(twin, twin.quantity.units + draft.quantity.units);
      commit(
        { ...core, lines: core.lines.map((line) => (line === twin ? merged : line)) },
        {
          type: "line_changed",
          line: merged,
          previous: twin,
        },
      );
      return merged;
    }
    const line: BasketLine = { id: `L${core.nextLine}`, ...draft };
    const lineScans = new Map(core.lineScans);
    if (scanText !== undefined) lineScans.set(line.id, scanText);
    commit(
      {
        ...core,
        lines: [...core.lines, line],
        nextLine: core.nextLine + 1,
        lineScans,
        alarms: [...core.alarms, ...lineAlarms(line)],
      },
      { type: "line_added", line },
    );
    return line;
  }

  /** Takes one unit of a line out (the line goes when it was the last). */
  function removeOneUnit(lineId: string): void {
    const line = core.lines.find((candidate) => candidate.id === lineId);
    if (!line) return;
    if (line.quantity.kind === "count" && line.quantity.units > 1) {
      const fewer = withUnits(line, line.quantity.units - 1);
      commit(
        { ...core, lines: core.lines.map((l) => (l === line ? fewer : l)) },
        {
          type: "line_changed",
          line: fewer,
          previous: line,
        },
      );
    } else dropLine(line, undefined);
  }

  function dropLine(line: BasketLine, by: string | undefined): void {
    commit(
      {
        ...core,
        lines: core.lines.filter((candidate) => candidate !== line),
        alarms: core.alarms.filter((candidate) => candidate.lineId !== line.id),
      },
      { type: "line_removed", line, ...(by ? { by } : {}) },
    );
  }

  function findLine(lineId: string): Result<BasketLine, CheckoutError> {
    const line = core.lines.find((candidate) => candidate.id === lineId);
    return line ? { ok: true, value: line } : checkoutError("NOT_FOUND", `no line ${lineId} in the basket`);
  }

  function replaceLine(previous: BasketLine, line: BasketLine, event: CheckoutEventBody): BasketLine {
    const settled = isSettled(line, gatePolicy);
    commit(
      {
        ...core,
        lines: core.lines.map((candidate) => (candidate === previous ? line : candidate)),
        alarms: settled ? core.alarms.filter((alarm) => alarm.lineId !== line.id) : core.alarms,
      },
      event,
    );
    return line;
  }

  function resolve(lineId: string, resolution: LineResolution): Result<BasketLine, CheckoutError> {
    const found = findLine(lineId);
    if (!found.ok) return refuse(found);
    const line = { ...found.value, resolution };
    return { ok: true, value: replaceLine(found.value, line, { type: "line_resolved", line, resolution }) };
  }

  /** Re-judges every line against the rules held now (the settlement gate). */
  function regateAll(): void {
    const context = gateContext();
    const changed: CheckoutEventBody[] = [];
    const alarms: Alarm[] = [];
    const lines = core.lines.map((line) => {
      const judged = regate(line, context);
      if (judged.gate !== line.gate || (line.resolution !== undefined && judged.resolution === undefined)) {
        changed.push({ type: "line_regated", line: judged, previous: line });
        if (!isSettled(judged, gatePolicy)) alarms.push(...lineAlarms(judged, true));
      }
      return judged;
    });
    if (changed.length > 0) commit({ ...core, lines, alarms: [...core.alarms, ...alarms] }, ...changed);
    else core = { ...core, lines };
  }

  const startNewBasket = (next: Partial<CheckoutCore> = {}) => ({ ...freshBasket(core, newId("sale")), ...next });

  const paymentPort = {
    options,
    providers,
    currency,
    nowMs,
    core: () => core,
    commit,
    alarm,
    complete: (tenders: readonly SaleTender[]) =>
      completeSale({
        core: () => core,
        commit,
        alarm,
        startNewBasket,
        tenders,
        options,
        cashier,
        timeZone,
        currency,
        gatePolicy,
        nowMs,
      }),
  };

  async function pay(tender: CheckoutTender): Promise<Result<PaymentAttempt, CheckoutError>> {
    const started = await serial((): Result<PaymentRequest, CheckoutError> => {
      if (core.lines.length === 0) return refuse(checkoutError("BASKET_EMPTY", "nothing to pay for"));
      if (core.payment) return refuse(checkoutError("PAYMENT_IN_PROGRESS", "a payment is already running"));
      regateAll();
      const snapshot = state.value;
      if (!snapshot.payable)
        return refuse(
          checkoutError("NOT_PAYABLE", `${snapshot.unsettledLineIds.length} line(s) block or await acknowledgement`, {
            lineIds: snapshot.unsettledLineIds,
          }),
        );
      return { ok: true, value: { tender, dueMinor: snapshot.dueMinor, totalMinor: snapshot.totals.totalMinor } };
    });
    if (!started.ok) return started;
    return runPayment(paymentPort, started.value, serial, refuse);
  }

  const state$ = new Observable<CheckoutState>((subscriber) => {
    const subscription = state.subscribe(subscriber);
    if (options.scans$) subscription.add(options.scans$.subscribe((scan) => void checkout.scan(scan)));
    return subscription;
  });

  const checkout: Checkout = {
    state$,
    events$: events.asObservable(),
    snapshot: () => state.value,
    scan(input) {
      return serial(async (): Promise<Result<ScanOutcome, CheckoutError>> => {
        const scan: Scan = typeof input === "string" ? { text: input, source: "manual", at: nowMs() } : input;
        const text = scanData(scan);
        if (core.lines.length > 0 && !core.payment && options.payments?.classify(text)) {
          // pay() queues behind this scan, so it starts once the scan command has returned.
          return { ok: true, value: { kind: "payment", payment: pay({ kind: "wallet", authCode: text }) } };
        }
        const locked = lockedBasket();
        if (locked) return refuse(locked, true);
        const supersedes = "supersedes" in scan ? (scan.supersedes as Scan | undefined) : undefined;
        const added = await lineFromScan(text, {
          options,
          today: storeDate(nowMs(), timeZone),
          gate: gateContext(),
          tolerance,
          basket: core.lines,
        });
        if (!added.ok) return refuse(added, true);
        if (supersedes) {
          const superseded = [...core.lineScans].reverse().find(([, scanText]) => scanText === scanData(supersedes));
          if (superseded) removeOneUnit(superseded[0]);
        }
        const line = addDraft(added.value, text);
        return { ok: true, value: { kind: "line", line } };
      });
    },
    addItem(input) {
      return serial(async (): Promise<Result<BasketLine, CheckoutError>> => {
        const locked = lockedBasket();
        if (locked) return refuse(locked);
        const gtin = input.gtin.padStart(14, "0");
        const item = await options.catalog.lookup(gtin);
        if (!item) return refuse(checkoutError("UNKNOWN_ITEM", `${gtin} is not in the catalogue`, { gtin }), true);
        const units = input.units ?? 1;
        if (
          item.unit === "kg"
            ? !(input.kg === undefined ? units > 0 : input.kg > 0)
            : !Number.isInteger(units) || units < 1
        )
          return refuse(
            checkoutError("INVALID_QUANTITY", "a positive whole number of units, or kilograms for a kg item"),
          );
        return {
          ok: true,
          value: addDraft(draftLine(item, priceManualItem(item, input), undefined, [], gateContext()), undefined),
        };
      });
    },
    setQuantity(lineId, units) {
      return serial((): Result<BasketLine, CheckoutError> => {
        const locked = lockedBasket();
        if (locked) return refuse(locked);
        const found = findLine(lineId);
        if (!found.ok) return refuse(found);
        const line = found.value;
        if (line.quantity.kind !== "count" || line.serial !== undefined || !Number.isInteger(units) || units < 1)
          return refuse(
            checkoutError("INVALID_QUANTITY", "only a count line's units can be set, to a whole number ≥ 1"),
          );
        const changed = withUnits(line, units);
        return { ok: true, value: replaceLine(line, changed, { type: "line_changed", line: changed, previous: line }) };
      });
    },
    removeLine(lineId, by) {
      return serial((): Result<BasketLine, CheckoutError> => {
        const locked = lockedBasket();
        if (locked) return refuse(locked);
        const found = findLine(lineId);
        if (!found.ok) return refuse(found);
        dropLine(found.value, by);
        return found;
      });
    },
    acknowledge(lineId, staff) {
      return serial((): Result<BasketLine, CheckoutError> => {
        const found = findLine(lineId);
        if (!found.ok) return refuse(found);
        if (found.value.gate !== "warn")
          return refuse(
            checkoutError("OVERRIDE_REFUSED", "only a warned line can be acknowledged", { lineIds: [lineId] }),
          );
        return resolve(lineId, { kind: "acknowledged", by: staff.by, role: staff.role, atMs: nowMs() });
      });
    },
    override(lineId, staff) {
      return serial((): Result<BasketLine, CheckoutError> => {
        const found = findLine(lineId);
        if (!found.ok) return refuse(found);
        const refusal = overrideRefusal(found.value, staff.role, staff.reasonCode, gatePolicy);
        if (refusal !== undefined)
          return refuse(checkoutError("OVERRIDE_REFUSED", refusal, { lineIds: [lineId], detail: refusal }));
        return resolve(lineId, {
          kind: "overridden",
          by: staff.by,
          role: staff.role,
          reasonCode: staff.reasonCode,
          atMs: nowMs(),
        });
      });
    },
    voidBasket(staff) {
      return serial((): Result<readonly BasketLine[], CheckoutError> => {
        const locked = lockedBasket();
        if (locked) return refuse(locked);
        if (core.lines.length === 0) return refuse(checkoutError("BASKET_EMPTY", "nothing to void"));
        const lines = core.lines;
        commit(startNewBasket(), { type: "basket_voided", lines, by: staff.by, reasonCode: staff.reasonCode });
        return { ok: true, value: lines };
      });
    },
    hold() {
      return serial((): Result<HeldBasket, CheckoutError> => {
        const locked = lockedBasket();
        if (locked) return refuse(locked);
        if (core.lines.length === 0) return refuse(checkoutError("BASKET_EMPTY", "nothing to hold"));
        const held: HeldBasket = {
          id: newId("held"),
          heldAtMs: nowMs(),
          lines: core.lines,
          totalMinor: state.value.totals.totalMinor,
        };
        commit(startNewBasket({ held: [...core.held, held] }), { type: "basket_held", heldId: held.id });
        return { ok: true, value: held };
      });
    },
    recall(heldId) {
      return serial((): Result<CheckoutState, CheckoutError> => {
        const locked = lockedBasket();
        if (locked) return refuse(locked);
        const held = core.held.find((candidate) => candidate.id === heldId);
        if (!held) return refuse(checkoutError("NOT_FOUND", `no held basket ${heldId}`));
        const others = core.held.filter((candidate) => candidate !== held);
        const parked: HeldBasket[] =
          core.lines.length === 0
            ? []
            : [{ id: newId("held"), heldAtMs: nowMs(), lines: core.lines, totalMinor: state.value.totals.totalMinor }];
        const lines = held.lines;
        commit(
          startNewBasket({
            held: [...others, ...parked],
            lines,
            nextLine: lines.reduce((max, line) => Math.max(max, Number(line.id.slice(1)) + 1), 1),
          }),
          { type: "basket_recalled", heldId },
        );
        return { ok: true, value: state.value };
      });
    },
    pay,
    async cancelPayment() {
      const running = core.payment;
      if (!running) return refuse(checkoutError("NO_PAYMENT", "no payment is running"));
      const payments = options.payments;
      if (!payments) return refuse(checkoutError("NOT_CONFIGURED", "no payment bridge", { detail: "payments" }));
      const cancelled = await payments.cancel(running.attemptId);
      if (!cancelled.ok)
        return refuse(checkoutError("PAYMENT_REFUSED", cancelled.error.message, { detail: cancelled.error.code }));
      return cancelled;
    },
    resume() {
      return serial(async (): Promise<Result<CheckoutState, CheckoutError>> => {
        if (core.lines.length > 0 || core.tenders.length > 0) return { ok: true, value: state.value };
        await resumeBasket({ ...paymentPort, startNewBasket, serial, refuse });
        return { ok: true, value: state.value };
      });
    },
    refund(saleId, request) {
      return serial(async (): Promise<Result<RefundDone, CheckoutError>> => {
        const done = await refundSale(saleId, request, {
          options,
          currency,
          refundId: newId("refund"),
          nowMs: nowMs(),
        });
        if (!done.ok) return refuse(done);
        commit(core, {
          type: "refund",
          refundedSaleId: saleId,
          amountMinor: done.value.amountMinor,
          by: request.by,
          ...(done.value.attemptId ? { attemptId: done.value.attemptId } : {}),
        });
        return done;
      });
    },
    dismissAlarm(alarmId) {
      if (!core.alarms.some((alarm) => alarm.id === alarmId)) return;
      commit({ ...core, alarms: core.alarms.filter((alarm) => alarm.id !== alarmId) });
    },
  };
  return checkout;
}
