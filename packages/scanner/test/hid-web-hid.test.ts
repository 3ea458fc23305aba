import { firstValueFrom, type Subscription } from "rxjs";
import { afterEach, describe, expect, it } from "vitest";
import { type HidScanSource, webHid } from "../src/hid/web-hid.js";
import type { Scan } from "../src/types.js";
import { createFakeHid } from "./fakes/fake-hid.js";
import { createFakeHidDevice, type FakeHidDeviceInit } from "./fakes/fake-hid-device.js";
import {
  honeywellPosCollections,
  keyboardOnlyCollections,
  newlandPosCollections,
  remInterfaceCollections,
  separateFieldsPosCollections,
} from "./fakes/hid-pos-descriptors.js";
import { hidPosScanReports } from "./fakes/hid-pos-reports.js";
import { latin1Bytes } from "./fakes/latin1-bytes.js";
import { createVirtualClock, VIRTUAL_EPOCH_MS } from "./fakes/virtual-clock.js";

const GS = "\u001d";
const DATAMATRIX = `01095212345432131725123110ABC123${GS}21SER42`;
const subscriptions: Subscription[] = [];

afterEach(() => {
  for (const subscription of subscriptions.splice(0)) subscription.unsubscribe();
});

function setUp(init: Partial<FakeHidDeviceInit> = {}, options: { continuationTimeoutMs?: number } = {}) {
  const device = createFakeHidDevice({ collections: honeywellPosCollections(), ...init });
  const hid = createFakeHid([device]);
  const clock = createVirtualClock();
  const source = webHid(device, { hid, scheduler: clock.scheduler, ...options });
  const scans: Scan[] = [];
  const listen = () => subscriptions.push(source.scans$.subscribe((scan) => scans.push(scan)));
  return { device, hid, clock, source, scans, listen };
}

const statusOf = (source: HidScanSource) => firstValueFrom(source.status$);

describe("webHid reading scans", () => {
  it("emits a GS1 DataMatrix with its AIM id from the report and GS kept", async () => {
    const { device, clock, source, scans, listen } = setUp();
    listen();
    await clock.settle();
    await clock.advanceBy(1234);
    device.scan(DATAMATRIX, { aim: "]d2" });
    expect(scans).toEqual([
      {
        text: DATAMATRIX,
        symbology: "]d2",
        symbologySource: "device",
        source: "hid",
        device: "hid:0c2e:0b07",
        at: VIRTUAL_EPOCH_MS + 1234,
        raw: latin1Bytes(DATAMATRIX),
      },
    ]);
    expect(await statusOf(source)).toEqual({ state: "ready", device: "hid:0c2e:0b07" });
  });

  it("joins a 130-byte scan sent in three continued reports into one scan", async () => {
    const { device, clock, scans, listen } = setUp();
    listen();
    await clock.settle();
    const long = `01095212345432131725123110${"B".repeat(40)}${GS}21${"S".repeat(60)}`;
    device.scan(long, { aim: "]d2" });
    expect(scans.map((scan) => [scan.symbology, scan.text, scan.normalizations])).toEqual([["]d2", long, undefined]]);
  });

  it("emits what arrived, marked hid:truncated, 500 ms after a continued report that is never followed", async () => {
    const { device, clock, scans, listen } = setUp();
    listen();
    await clock.settle();
    const [first] = hidPosScanReports(honeywellPosCollections(), latin1Bytes("X".repeat(80)), { aim: "]d1" });
    device.input(first?.reportId ?? 2, first?.bytes ?? new Uint8Array());
    await clock.advanceBy(499);
    expect(scans).toEqual([]);
    await clock.advanceBy(1);
    expect(scans.map((scan) => [scan.symbology, scan.text, scan.normalizations, scan.at])).toEqual([
      ["]d1", "X".repeat(56), ["hid:truncated"], VIRTUAL_EPOCH_MS],
    ]);
  });

  it("waits continuationTimeoutMs for the next report when it is set", async () => {
    const { device, clock, scans, listen } = setUp({}, { continuationTimeoutMs: 80 });
    listen();
    await clock.settle();
    const [first] = hidPosScanReports(honeywellPosCollections(), latin1Bytes("X".repeat(80)), { aim: "]d1" });
    device.input(first?.reportId ?? 2, first?.bytes ?? new Uint8Array());
    await clock.advanceBy(79);
    expect(scans).toEqual([]);
    await clock.advanceBy(1);
    expect(scans.map((scan) => scan.normalizations)).toEqual([["hid:truncated"]]);
  });

  it("restarts the wait with each continued report", async () => {
    const { device, clock, scans, listen } = setUp();
    listen();
    await clock.settle();
    const reports = hidPosScanReports(honeywellPosCollections(), latin1Bytes("Y".repeat(150)), { aim: "]d1" });
    for (const report of reports) {
      await clock.advanceBy(400);
      device.input(report.reportId, report.bytes);
    }
    expect(scans.map((scan) => [scan.text.length, scan.normalizations, scan.at])).toEqual([
      [150, undefined, VIRTUAL_EPOCH_MS + 400],
    ]);
  });

  it("ignores input reports with another report id", async () => {
    const { device, clock, scans, listen } = setUp({ collections: separateFieldsPosCollections() });
    listen();
    await clock.settle();
    device.input(3, Uint8Array.of(1, 2, 3, 4));
    device.scan("4006381333931", { aim: "]E0" });
    expect(scans.map((scan) => [scan.symbology, scan.text])).toEqual([["]E0", "4006381333931"]]);
  });

  it("takes the AIM id from the start of the data on Newland's layout, which has no AIM fields", async () => {
    const { device, clock, scans, listen } = setUp({ vendorId: 0x1eab, collections: newlandPosCollections() });
    listen();
    await clock.settle();
    device.scan(`]Q3${DATAMATRIX}`);
    device.scan("4006381333931");
    expect(scans.map((scan) => [scan.symbology, scan.text])).toEqual([
      ["]Q3", DATAMATRIX],
      [undefined, "4006381333931"],
    ]);
  });

  it("reads Honeywell's REM interface with the fixed layout", async () => {
    const { device, clock, scans, listen } = setUp({ collections: remInterfaceCollections() });
    listen();
    await clock.settle();
    const data = "]C10109521234543213";
    const bytes = new Uint8Array(63);
    bytes[0] = data.length - 3;
    for (let i = 0; i < data.length; i++) bytes[1 + i] = data.charCodeAt(i);
    device.input(2, bytes);
    expect(scans.map((scan) => [scan.symbology, scan.text])).toEqual([["]C1", "0109521234543213"]]);
  });
});

describe("webHid opening and closing the scanner", () => {
  it("asks a Honeywell scanner to redirect its output (feature report 0xFE = 1) after opening it", async () => {
    const { device, clock, listen } = setUp();
    listen();
    await clock.settle();
    expect(device.sentFeatureReports).toEqual([{ reportId: 0xfe, bytes: Uint8Array.of(1) }]);
  });

  it("sends no Honeywell request to another vendor's scanner", async () => {
    const { device, clock, listen } = setUp({ vendorId: 0x1eab, collections: newlandPosCollections() });
    listen();
    await clock.settle();
    expect(device.sentFeatureReports).toEqual([]);
  });

  it("leaves a device open that the page had opened itself", async () => {
    const { device, clock, listen } = setUp();
    await device.open();
    listen();
    await clock.settle();
    for (const subscription of subscriptions.splice(0)) subscription.unsubscribe();
    await clock.settle();
    expect(device.opened).toBe(true);
    expect(device.openCount).toBe(1);
  });

  it("names the setting when a Honeywell scanner is in keyboard mode, and never opens it", async () => {
    const { device, clock, source, listen } = setUp({ collections: keyboardOnlyCollections() });
    listen();
    await clock.settle();
    const status = await statusOf(source);
    expect(status.state).toBe("failed");
    expect(status.diagnostic).toMatchObject({
      code: "hid.not-pos-mode",
      message: expect.stringContaining("is in keyboard mode"),
      setting: expect.stringMatching(/^Honeywell: scan the "HID POS" label/),
    });
    expect(device.openCount).toBe(0);
  });

  it.each([
    [0x05e0, /IBM HID\) is not HID POS and carries no Data Matrix or QR/],
    [0x05f9, /^Datalogic: .*"USB-COM"/],
    [0x1eab, /^Newland: scan "USB HID-POS"/],
    [0x1234, /^Set the scanner's USB interface to "HID POS"/],
  ])("names the HID POS setting of vendor %i", async (vendorId, setting) => {
    const { clock, source, listen } = setUp({ vendorId, collections: keyboardOnlyCollections() });
    listen();
    await clock.settle();
    expect((await statusOf(source)).diagnostic?.setting).toMatch(setting);
  });

  it("reports a device that cannot be opened", async () => {
    const { device, clock, source, listen } = setUp();
    device.failOpens(new DOMException("Failed to open the device.", "NotAllowedError"));
    listen();
    await clock.settle();
    expect(await statusOf(source)).toMatchObject({
      state: "failed",
      diagnostic: { code: "hid.open-failed", message: expect.stringContaining("NotAllowedError") },
    });
  });

  it("opens the granted twin when the device it was given is stale", async () => {
    const stale = createFakeHidDevice({ collections: honeywellPosCollections() });
    stale.failOpens(new DOMException("The device was disconnected.", "NotFoundError"));
    const fresh = createFakeHidDevice({ collections: honeywellPosCollections() });
    const hid = createFakeHid([fresh]);
    const clock = createVirtualClock();
    const source = webHid(stale, { hid, scheduler: clock.scheduler });
    const scans: Scan[] = [];
    subscriptions.push(source.scans$.subscribe((scan) => scans.push(scan)));
    await clock.settle();
    fresh.scan("4006381333931", { aim: "]E0" });
    expect(scans.map((scan) => scan.text)).toEqual(["4006381333931"]);
    expect((await statusOf(source)).state).toBe("ready");
  });
});

describe("webHid across unplug and replug", () => {
  it("shows the unplug on status$, then reopens the replugged scanner and reads it", async () => {
    const { device, hid, clock, source, scans, listen } = setUp();
    const statuses: string[] = [];
    subscriptions.push(source.status$.subscribe((status) => statuses.push(status.diagnostic?.code ?? status.state)));
    listen();
    await clock.settle();
    hid.unplug(device);
    expect(await statusOf(source)).toMatchObject({ state: "disconnected", diagnostic: { code: "hid.disconnected" } });
    const replugged = createFakeHidDevice({ collections: honeywellPosCollections() });
    hid.plug(replugged);
    await clock.settle();
    expect(await statusOf(source)).toMatchObject({ state: "ready", diagnostic: { code: "hid.reconnected" } });
    replugged.scan("4006381333931", { aim: "]E0" });
    expect(scans.map((scan) => scan.text)).toEqual(["4006381333931"]);
    expect(statuses).toEqual(["idle", "connecting", "ready", "hid.disconnected", "connecting", "hid.reconnected"]);
  });

  it("emits the reports of a scan cut short by the unplug as truncated", async () => {
    const { device, hid, clock, scans, listen } = setUp();
    listen();
    await clock.settle();
    const continued = new Uint8Array(63);
    continued[0] = 2;
    continued.set([0x5d, 0x64, 0x32, 0x30, 0x31], 1);
    continued[62] = 1;
    device.input(2, continued);
    hid.unplug(device);
    expect(scans.map((scan) => [scan.text, scan.normalizations])).toEqual([["01", ["hid:truncated"]]]);
  });

  it("shows a scanner unplugged before it finished opening as disconnected, then picks up its replug", async () => {
    const { device, hid, clock, source, scans, listen } = setUp();
    listen();
    hid.unplug(device);
    await clock.settle();
    expect(await statusOf(source)).toMatchObject({ state: "disconnected", diagnostic: { code: "hid.disconnected" } });
    const replugged = createFakeHidDevice({ collections: honeywellPosCollections() });
    hid.plug(replugged);
    await clock.settle();
    replugged.scan("4006381333931");
    expect(scans.map((scan) => scan.text)).toEqual(["4006381333931"]);
  });

  it("shows disconnected to a subscriber who comes while the scanner is unplugged", async () => {
    const { device, hid, clock, source, listen } = setUp();
    listen();
    await clock.settle();
    hid.unplug(device);
    for (const subscription of subscriptions.splice(0)) subscription.unsubscribe();
    await clock.settle();
    listen();
    await clock.settle();
    expect(await statusOf(source)).toMatchObject({ state: "disconnected", diagnostic: { code: "hid.disconnected" } });
  });

  it("ignores another device being plugged in", async () => {
    const { device, hid, clock, source, listen } = setUp();
    listen();
    await clock.settle();
    hid.unplug(device);
    const other = createFakeHidDevice({ productId: 0x0b01, collections: honeywellPosCollections() });
    hid.plug(other);
    await clock.settle();
    expect((await statusOf(source)).state).toBe("disconnected");
    expect(other.openCount).toBe(0);
  });
});

describe("webHid sounding the scanner's beeper", () => {
  it.each([
    ["error", 0b01],
    ["ok", 0b10],
  ] as const)("sounds the %s beep through the HID POS output report", async (kind, bits) => {
    const { device, clock, source, listen } = setUp({ collections: honeywellPosCollections("output") });
    listen();
    await clock.settle();
    expect(await source.beep(kind)).toEqual({ ok: true, value: undefined });
    expect(device.sentReports).toEqual([{ reportId: 4, bytes: Uint8Array.of(bits) }]);
  });

  it("uses a feature report when that is where the device declares the beep", async () => {
    const { device, clock, source, listen } = setUp({ collections: honeywellPosCollections("feature") });
    listen();
    await clock.settle();
    expect(await source.beep("error")).toEqual({ ok: true, value: undefined });
    expect(device.sentFeatureReports.at(-1)).toEqual({ reportId: 4, bytes: Uint8Array.of(1) });
  });

  it("says BEEP_UNSUPPORTED, and sends nothing, when the descriptor has no beep usage", async () => {
    const { device, clock, source, listen } = setUp();
    listen();
    await clock.settle();
    const result = await source.beep("error");
    expect(result).toMatchObject({ ok: false, error: { code: "BEEP_UNSUPPORTED" } });
    expect(device.sentReports).toEqual([]);
  });

  it("says DEVICE_NOT_OPEN while nobody subscribes", async () => {
    const { source } = setUp({ collections: honeywellPosCollections("output") });
    expect(await source.beep("error")).toMatchObject({ ok: false, error: { code: "DEVICE_NOT_OPEN" } });
  });
});
