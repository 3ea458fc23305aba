// keyboardWedge's lifetime and status in Node, over a plain EventTarget: listening starts with the first
// subscriber and ends with the last, held-back keys are prevented, diagnostics show once. Typing into real fields
// is in keyboard-wedge.browser.test.ts.
import { firstValueFrom, type Subscription, VirtualTimeScheduler } from "rxjs";
import { afterEach, describe, expect, it } from "vitest";
import type { KeyRecord } from "../src/keyboard/key-record.js";
import { keyboardWedge } from "../src/keyboard/keyboard-wedge.js";
import type { Scan, ScannerStatus } from "../src/types.js";
import { scannerKeys, T0, timed, typedKeys } from "./keyboard-fixtures.js";

/** An EventTarget that counts its keydown listeners. */
function countingTarget() {
  const target = new EventTarget();
  let listeners = 0;
  const add = target.addEventListener.bind(target);
  const remove = target.removeEventListener.bind(target);
  target.addEventListener = (...args: Parameters<EventTarget["addEventListener"]>) => {
    listeners++;
    add(...args);
  };
  target.removeEventListener = (...args: Parameters<EventTarget["removeEventListener"]>) => {
    listeners--;
    remove(...args);
  };
  return { target, listeners: () => listeners };
}

/** A keydown as a browser would deliver it; timeStamp 0 makes the wedge time it by the scheduler. */
function keyEvent(record: KeyRecord): Event {
  const event = new Event("keydown", { cancelable: true });
  const { at: _at, ...fields } = record;
  for (const [name, value] of Object.entries({ repeat: false, isComposing: false, ...fields, timeStamp: 0 })) {
    Object.defineProperty(event, name, { value });
  }
  return event;
}

function setUp() {
  const scheduler = new VirtualTimeScheduler();
  scheduler.frame = T0;
  const { target, listeners } = countingTarget();
  const wedge = keyboardWedge(target, { scheduler });
  const prevented: boolean[] = [];
  const press = (records: readonly KeyRecord[]) => {
    for (const record of records) {
      scheduler.schedule(() => {
        const event = keyEvent(record);
        target.dispatchEvent(event);
        prevented.push(event.defaultPrevented);
      }, record.at - scheduler.now());
    }
    scheduler.flush();
  };
  return { scheduler, target, listeners, wedge, press, prevented };
}

const subscriptions: Subscription[] = [];
afterEach(() => {
  for (const subscription of subscriptions.splice(0)) subscription.unsubscribe();
});

function collect(wedge: ReturnType<typeof keyboardWedge>) {
  const scans: Scan[] = [];
  const subscription = wedge.scans$.subscribe((scan) => scans.push(scan));
  subscriptions.push(subscription);
  return { scans, subscription };
}

describe("keyboardWedge", () => {
  it("listens only while subscribed, once for all subscribers, and shows it on status$", async () => {
    const { wedge, listeners, press, scheduler } = setUp();
    expect(wedge.kind).toBe("keyboard");
    expect(listeners()).toBe(0);
    expect(await firstValueFrom(wedge.status$)).toEqual({ state: "idle", device: "keyboard" });
    const first = collect(wedge);
    const second = collect(wedge);
    expect(listeners()).toBe(1);
    expect(await firstValueFrom(wedge.status$)).toEqual({ state: "ready", device: "keyboard" });
    press(timed(scannerKeys("4006381333931"), 2, scheduler.now()));
    expect(first.scans.map((scan) => scan.text)).toEqual(["4006381333931"]);
    expect(second.scans[0]).toBe(first.scans[0]);
    first.subscription.unsubscribe();
    expect(listeners()).toBe(1);
    second.subscription.unsubscribe();
    expect(listeners()).toBe(0);
    expect(await firstValueFrom(wedge.status$)).toEqual({ state: "idle", device: "keyboard" });
  });

  it("emits nothing after the last unsubscribe, not even the end of a scan in progress", () => {
    const { wedge, press, scheduler } = setUp();
    const { scans, subscription } = collect(wedge);
    const keys = timed(scannerKeys("4006381333931", { suffix: "none" }), 2, scheduler.now());
    scheduler.schedule(() => subscription.unsubscribe(), 30);
    press(keys);
    expect(scans).toEqual([]);
  });

  it("listens again for a subscriber who comes after a release", () => {
    const { wedge, press, scheduler, listeners } = setUp();
    collect(wedge).subscription.unsubscribe();
    const { scans } = collect(wedge);
    expect(listeners()).toBe(1);
    press(timed(scannerKeys("4006381333931"), 2, scheduler.now()));
    expect(scans).toHaveLength(1);
  });

  it("prevents a scan's keys from the fourth on and its suffix, and none of a person's", () => {
    const { wedge, press, prevented, scheduler } = setUp();
    collect(wedge);
    press(timed(scannerKeys("4006381333931"), 2, scheduler.now()));
    expect(prevented).toEqual([false, false, false, ...Array<boolean>(11).fill(true)]);
    prevented.length = 0;
    press(timed([...typedKeys("Hello"), ...scannerKeys("", { suffix: "Enter" })], 150, scheduler.now() + 500));
    expect(prevented.every((value) => !value)).toBe(true);
  });

  it("shows wedge.layout-mismatch once when the US reading had to repair a scan", () => {
    const { wedge, press, scheduler } = setUp();
    collect(wedge);
    const statuses: ScannerStatus[] = [];
    subscriptions.push(wedge.status$.subscribe((status) => statuses.push(status)));
    press(timed(scannerKeys("4006381333931", { host: "azerty" }), 2, scheduler.now()));
    press(timed(scannerKeys("4006381333931", { host: "azerty" }), 2, scheduler.now() + 500));
    const diagnostics = statuses.flatMap((status) => (status.diagnostic ? [status.diagnostic] : []));
    expect(diagnostics).toEqual([expect.objectContaining({ code: "wedge.layout-mismatch" })]);
    expect(diagnostics[0]?.setting).toMatch(/keyboard country/i);
  });

  it("calibrates with nobody subscribed, listening only until the calibration scan", async () => {
    const { wedge, press, scheduler, listeners } = setUp();
    const calibration = wedge.calibrate();
    expect(listeners()).toBe(1);
    press(timed(scannerKeys("]d20109521234543213"), 90, scheduler.now()));
    expect(await calibration).toMatchObject({ ok: true, value: { applied: true } });
    expect(listeners()).toBe(0);
    const { scans } = collect(wedge);
    press(timed(scannerKeys("]d20109521234543213"), 90, scheduler.now() + 1000));
    expect(scans.map((scan) => scan.text)).toEqual(["0109521234543213"]);
  });
});
