// The conformance suite every ScanSource must pass (STYLE.md "One conformance suite per interface"): it pins the
// lifetime contract of `scans$` (cold, shared, subscription is the lifetime) and the rule that device trouble shows
// on `status$`, never as an error on `scans$`. Call it from a test file with a harness around your source.
import { firstValueFrom, type Subscription } from "rxjs";
import { afterEach, describe, expect, it } from "vitest";
import type { Scan, ScannerStatus, ScanSource } from "../src/types.js";

/** A scan source plus the controls of the (fake) device behind it. */
export interface ScanSourceHarness {
  readonly source: ScanSource;
  /** Whether the source holds the device open right now. */
  isOpen(): boolean;
  /** How many times the source has opened the device so far. */
  openCount(): number;
  /** Makes the device deliver one scan whose `text` is `text` (no AIM id, plain ASCII). */
  scan(text: string): void | Promise<void>;
  /** Breaks the device the way it breaks at a till: unplugged, or a read error. */
  fail(): void | Promise<void>;
  /** Lets pending work (opening, reading, closing) finish. */
  settle(): Promise<void>;
}

/**
 * Registers the ScanSource conformance tests for one implementation.
 *
 * @example
 * testScanSource("webSerial", () => {
 *   const port = createFakeSerialPort();
 *   const clock = createVirtualClock();
 *   return {
 *     source: webSerial(port, { scheduler: clock.scheduler }),
 *     isOpen: () => port.isOpen,
 *     openCount: () => port.openCount,
 *     scan: (text) => void port.send(`${text}\r`),
 *     fail: () => port.failRead(),
 *     settle: () => clock.advanceBy(0),
 *   };
 * });
 */
export function testScanSource(name: string, make: () => ScanSourceHarness | Promise<ScanSourceHarness>): void {
  describe(`${name} conforms to ScanSource`, () => {
    const subscriptions: Subscription[] = [];
    const collect = (harness: ScanSourceHarness) => {
      const scans: Scan[] = [];
      const events = { errored: false, completed: false };
      subscriptions.push(
        harness.source.scans$.subscribe({
          next: (scan) => scans.push(scan),
          error: () => {
            events.errored = true;
          },
          complete: () => {
            events.completed = true;
          },
        }),
      );
      return { scans, events, subscription: subscriptions[subscriptions.length - 1] as Subscription };
    };
    const lastStatus = (source: ScanSource): Promise<ScannerStatus> => firstValueFrom(source.status$);

    afterEach(() => {
      for (const subscription of subscriptions.splice(0)) subscription.unsubscribe();
    });

    it("does not open the device before anyone subscribes", async () => {
      const harness = await make();
      await harness.settle();
      expect(harness.isOpen()).toBe(false);
      expect(harness.openCount()).toBe(0);
      expect((await lastStatus(harness.source)).state).toBe("idle");
    });

    it("opens the device on the first subscribe and delivers its scans", async () => {
      const harness = await make();
      const { scans } = collect(harness);
      await harness.settle();
      expect(harness.isOpen()).toBe(true);
      expect((await lastStatus(harness.source)).state).toBe("ready");
      await harness.scan("0109521234543213");
      await harness.settle();
      expect(scans.map((scan) => scan.text)).toEqual(["0109521234543213"]);
      expect(scans[0]?.source).toBe(harness.source.kind);
    });

    it("shares one open device between subscribers, who see the same scans", async () => {
      const harness = await make();
      const first = collect(harness);
      const second = collect(harness);
      await harness.settle();
      expect(harness.openCount()).toBe(1);
      await harness.scan("4006381333931");
      await harness.settle();
      expect(first.scans).toHaveLength(1);
      expect(second.scans[0]).toBe(first.scans[0]);
    });

    it("keeps the device open until the last subscriber leaves, then releases it", async () => {
      const harness = await make();
      const first = collect(harness);
      const second = collect(harness);
      await harness.settle();
      first.subscription.unsubscribe();
      await harness.settle();
      expect(harness.isOpen()).toBe(true);
      second.subscription.unsubscribe();
      await harness.settle();
      expect(harness.isOpen()).toBe(false);
      expect((await lastStatus(harness.source)).state).toBe("idle");
    });

    it("emits nothing after the last unsubscribe", async () => {
      const harness = await make();
      const { scans, subscription } = collect(harness);
      await harness.settle();
      subscription.unsubscribe();
      await harness.scan("4006381333931");
      await harness.settle();
      expect(scans).toEqual([]);
    });

    it("opens the device again for a subscriber who comes after a release", async () => {
      const harness = await make();
      const earlier = collect(harness);
      await harness.settle();
      earlier.subscription.unsubscribe();
      await harness.settle();
      const { scans } = collect(harness);
      await harness.settle();
      expect(harness.openCount()).toBe(2);
      await harness.scan("4006381333931");
      await harness.settle();
      expect(scans.map((scan) => scan.text)).toEqual(["4006381333931"]);
    });

    it("keeps scans$ alive when the device fails, and shows the failure on status$", async () => {
      const harness = await make();
      const { events } = collect(harness);
      await harness.settle();
      await harness.fail();
      await harness.settle();
      expect(events).toEqual({ errored: false, completed: false });
      const status = await lastStatus(harness.source);
      expect(["disconnected", "failed"]).toContain(status.state);
      expect(status.diagnostic?.code).toMatch(/^[a-z]+\.[a-z-]+$/);
    });
  });
}
