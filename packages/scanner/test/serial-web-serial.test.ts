import { firstValueFrom, type Subscription } from "rxjs";
import { afterEach, describe, expect, it } from "vitest";
import { findWebSerial } from "../src/serial/find-web-serial.js";
import { type WebSerialOptions, webSerial } from "../src/serial/web-serial.js";
import type { Scan, ScanSource } from "../src/types.js";
import { createFakeSerial, createFakeSerialPort } from "./fakes/fake-serial-port.js";
import { createVirtualClock, VIRTUAL_EPOCH_MS } from "./fakes/virtual-clock.js";

const GS = "\u001d";
const subscriptions: Subscription[] = [];

afterEach(() => {
  for (const subscription of subscriptions.splice(0)) subscription.unsubscribe();
});

function setUp(options: Omit<WebSerialOptions, "scheduler"> = {}) {
  const port = createFakeSerialPort();
  const clock = createVirtualClock();
  const source = webSerial(port, { scheduler: clock.scheduler, ...options });
  const scans: Scan[] = [];
  const statuses: string[] = [];
  subscriptions.push(source.status$.subscribe((status) => statuses.push(status.diagnostic?.code ?? status.state)));
  const listen = () => subscriptions.push(source.scans$.subscribe((scan) => scans.push(scan)));
  return { port, clock, source, scans, statuses, listen };
}

const statusOf = (source: ScanSource) => firstValueFrom(source.status$);
const texts = (scans: readonly Scan[]) => scans.map((scan) => [scan.symbology, scan.text]);

describe("webSerial reading scans", () => {
  it("opens the port at 9600 baud unless told otherwise", async () => {
    const first = setUp();
    first.listen();
    await first.clock.settle();
    expect(first.port.openOptions).toEqual([{ baudRate: 9600 }]);
    const second = setUp({ baudRate: 115_200 });
    second.listen();
    await second.clock.settle();
    expect(second.port.openOptions).toEqual([{ baudRate: 115_200 }]);
  });

  it("joins chunks split inside the AIM id and inside CR LF into one scan, at its first byte's time", async () => {
    const { port, clock, source, scans, listen } = setUp();
    listen();
    await clock.settle();
    await clock.advanceBy(100);
    port.send("]");
    await clock.advanceBy(2);
    port.send(`d20109521234543213172512311`);
    await clock.advanceBy(3);
    port.send(`0ABC123${GS}21SER42\r`);
    await clock.advanceBy(1);
    expect(scans).toHaveLength(1);
    port.send("\n");
    await clock.advanceBy(100);
    expect(scans).toEqual([
      {
        text: `01095212345432131725123110ABC123${GS}21SER42`,
        symbology: "]d2",
        symbologySource: "device",
        source: "serial",
        device: "serial:0c2e:0b0a",
        at: VIRTUAL_EPOCH_MS + 100,
        raw: expect.any(Uint8Array),
      },
    ]);
    expect((await statusOf(source)).diagnostic).toBeUndefined();
  });

  it("emits a scan the moment its suffix arrives, with no wait for silence", async () => {
    const { port, clock, scans, listen } = setUp();
    listen();
    await clock.settle();
    port.send("]E04006381333931\r\n");
    await clock.settle();
    expect(texts(scans)).toEqual([["]E0", "4006381333931"]]);
  });

  it("emits two scans that arrive in one chunk", async () => {
    const { port, clock, scans, listen } = setUp();
    listen();
    await clock.settle();
    port.send("]E04006381333931\r\n]E05901234123457\r\n");
    await clock.settle();
    expect(texts(scans)).toEqual([
      ["]E0", "4006381333931"],
      ["]E0", "5901234123457"],
    ]);
  });

  it("emits a scan without a suffix after 30 ms of silence, and says once that the suffix is missing", async () => {
    const { port, clock, source, scans, listen } = setUp();
    listen();
    await clock.settle();
    port.send("]E040063813");
    await clock.advanceBy(20);
    port.send("33931");
    await clock.advanceBy(29);
    expect(scans).toEqual([]);
    await clock.advanceBy(1);
    expect(texts(scans)).toEqual([["]E0", "4006381333931"]]);
    expect(await statusOf(source)).toMatchObject({
      state: "ready",
      diagnostic: { code: "serial.no-suffix", setting: expect.stringContaining("CR") },
    });
    port.send("5901234123457");
    await clock.advanceBy(30);
    expect(scans).toHaveLength(2);
  });

  it("waits 20 characters' time for silence on a slow line", async () => {
    const { port, clock, scans, listen } = setUp({ baudRate: 1200 });
    listen();
    await clock.settle();
    port.send("4006381333931");
    await clock.advanceBy(166);
    expect(scans).toEqual([]);
    await clock.advanceBy(1);
    expect(scans).toHaveLength(1);
  });

  it("frames on the configured suffixes only", async () => {
    const { port, clock, scans, listen } = setUp({ suffixes: ["\u0003"], idleFlushMs: 1000 });
    listen();
    await clock.settle();
    port.send("line 1\r\nline 2\u0003");
    await clock.settle();
    expect(texts(scans)).toEqual([[undefined, "line 1\r\nline 2"]]);
  });
});

it("refuses a suffix that is not bytes when the source is created, not when it is used", () => {
  expect(() => webSerial(createFakeSerialPort(), { suffixes: ["→"] })).toThrow(RangeError);
});

describe("webSerial after a read error", () => {
  it("drops the unfinished scan, shows the failure, and reopens the port after 250 ms", async () => {
    const { port, clock, source, scans, statuses, listen } = setUp();
    listen();
    await clock.settle();
    port.send("]d201095212");
    port.failRead();
    await clock.settle();
    expect(await statusOf(source)).toMatchObject({
      state: "disconnected",
      diagnostic: {
        code: "serial.read-failed",
        message: expect.stringContaining("the 11 bytes of an unfinished scan"),
      },
    });
    expect(port.isOpen).toBe(false);
    await clock.advanceBy(249);
    expect(port.openCount).toBe(1);
    await clock.advanceBy(1);
    expect(port.openCount).toBe(2);
    port.send("]d20109521234543213\r\n");
    await clock.settle();
    expect(texts(scans)).toEqual([["]d2", "0109521234543213"]]);
    expect(statuses).toEqual(["idle", "connecting", "ready", "serial.read-failed", "connecting", "serial.reconnected"]);
  });

  it("backs off 250 ms, 500 ms, 1 s, 2 s, then every 4 s while the port will not open", async () => {
    const { port, clock, listen } = setUp();
    port.failOpens(6);
    const attemptsAt: number[] = [];
    const open = port.open;
    port.open = (options) => {
      attemptsAt.push(clock.now() - VIRTUAL_EPOCH_MS);
      return open(options);
    };
    listen();
    await clock.advanceBy(16_000);
    expect(port.openAttempts).toBe(7);
    expect(attemptsAt).toEqual([0, 250, 750, 1750, 3750, 7750, 11750]);
    expect(port.isOpen).toBe(true);
  });

  it("starts the back-off again at 250 ms once data has flowed", async () => {
    const { port, clock, listen } = setUp();
    port.failOpens(2);
    listen();
    await clock.advanceBy(750);
    expect(port.openCount).toBe(1);
    port.send("A\r");
    port.failRead();
    await clock.advanceBy(249);
    expect(port.openCount).toBe(1);
    await clock.advanceBy(1);
    expect(port.openCount).toBe(2);
  });

  it("treats the end of the stream as a failure and reopens the port", async () => {
    const { port, clock, source, listen } = setUp();
    listen();
    await clock.settle();
    port.endRead();
    await clock.settle();
    expect(await statusOf(source)).toMatchObject({
      state: "disconnected",
      diagnostic: { code: "serial.read-failed", message: expect.stringContaining("stopped sending") },
    });
    await clock.advanceBy(250);
    expect(port.openCount).toBe(2);
  });

  it("stops retrying when the last subscriber leaves during the back-off, and opens again for the next", async () => {
    const { port, clock, listen } = setUp();
    listen();
    await clock.settle();
    port.failRead();
    await clock.settle();
    for (const subscription of subscriptions.splice(1)) subscription.unsubscribe();
    await clock.advanceBy(10_000);
    expect(port.openCount).toBe(1);
    expect(port.isOpen).toBe(false);
    listen();
    await clock.settle();
    expect(port.openCount).toBe(2);
  });

  it("opens the granted twin when the browser hands out a new port for the replugged scanner", async () => {
    const original = createFakeSerialPort();
    const twin = createFakeSerialPort();
    const serial = createFakeSerial([original]);
    const clock = createVirtualClock();
    const source = webSerial(original, { serial, scheduler: clock.scheduler });
    const scans: Scan[] = [];
    subscriptions.push(source.scans$.subscribe((scan) => scans.push(scan)));
    await clock.settle();
    original.failRead();
    original.failOpens(100);
    serial.revoke(original);
    serial.grant(twin);
    await clock.advanceBy(250);
    expect(twin.isOpen).toBe(true);
    twin.send("4006381333931\r");
    await clock.settle();
    expect(scans.map((scan) => scan.text)).toEqual(["4006381333931"]);
  });
});

describe("findWebSerial", () => {
  it("returns navigator.serial when it is a Web Serial API, and undefined otherwise", () => {
    const serial = createFakeSerial([]);
    expect(findWebSerial({ serial })).toBe(serial);
    expect(findWebSerial({})).toBeUndefined();
    expect(findWebSerial(undefined)).toBeUndefined();
    expect(findWebSerial({ serial: {} })).toBeUndefined();
  });
});
