// The HID and serial bindings in real Chromium: the browser's own EventTarget, Event, DataView, ReadableStream and
// DOMException carry the fake devices' data, and the real `navigator.hid` / `navigator.serial` are probed.
import { firstValueFrom, type Subscription } from "rxjs";
import { afterEach, describe, expect, it } from "vitest";
import { findWebHid } from "../src/hid/find-web-hid.js";
import { webHid } from "../src/hid/web-hid.js";
import { findWebSerial } from "../src/serial/find-web-serial.js";
import { webSerial } from "../src/serial/web-serial.js";
import type { Scan } from "../src/types.js";
import { createFakeHid } from "./fakes/fake-hid.js";
import { createFakeHidDevice } from "./fakes/fake-hid-device.js";
import { createFakeSerialPort } from "./fakes/fake-serial-port.js";
import { honeywellPosCollections, keyboardOnlyCollections } from "./fakes/hid-pos-descriptors.js";
import { webHidHarness, webSerialHarness } from "./fakes/scan-source-harnesses.js";
import { createVirtualClock } from "./fakes/virtual-clock.js";
import { testScanSource } from "./scan-source-conformance.js";

const GS = "\u001d";
const subscriptions: Subscription[] = [];

afterEach(() => {
  for (const subscription of subscriptions.splice(0)) subscription.unsubscribe();
});

testScanSource("webHid in Chromium", webHidHarness);
testScanSource("webSerial in Chromium", webSerialHarness);

describe("webHid in Chromium", () => {
  it("reads a scan split over continued reports, with its AIM id and GS", async () => {
    const device = createFakeHidDevice({ collections: honeywellPosCollections() });
    const clock = createVirtualClock();
    const source = webHid(device, { hid: createFakeHid([device]), scheduler: clock.scheduler });
    const scans: Scan[] = [];
    subscriptions.push(source.scans$.subscribe((scan) => scans.push(scan)));
    await clock.settle();
    const data = `01095212345432131725123110${"B".repeat(20)}${GS}21${"S".repeat(50)}`;
    device.scan(data, { aim: "]d2", bytesPerReport: 30 });
    expect(scans.map((scan) => [scan.symbology, scan.text, scan.raw?.length])).toEqual([["]d2", data, data.length]]);
  });

  it("reports a scanner in keyboard mode on status$", async () => {
    const device = createFakeHidDevice({ collections: keyboardOnlyCollections() });
    const clock = createVirtualClock();
    const source = webHid(device, { scheduler: clock.scheduler });
    subscriptions.push(source.scans$.subscribe());
    await clock.settle();
    expect((await firstValueFrom(source.status$)).diagnostic?.code).toBe("hid.not-pos-mode");
  });

  it("cannot build a real HIDInputReportEvent, which is why the fakes dispatch plain Events", () => {
    const HidInputReportEvent = (globalThis as { HIDInputReportEvent?: new (type: string, init: object) => Event })
      .HIDInputReportEvent;
    if (HidInputReportEvent) expect(() => new HidInputReportEvent("inputreport", {})).toThrow(TypeError);
    else expect(HidInputReportEvent).toBeUndefined();
  });
});

describe("webSerial in Chromium", () => {
  it("reads chunks split inside the AIM id and inside CR LF from a real ReadableStream", async () => {
    const port = createFakeSerialPort();
    const clock = createVirtualClock();
    const source = webSerial(port, { scheduler: clock.scheduler });
    const scans: Scan[] = [];
    subscriptions.push(source.scans$.subscribe((scan) => scans.push(scan)));
    await clock.settle();
    for (const chunk of ["]", "d20109521234543213", `10ABC${GS}21X\r`, "\n]E0400638133393", "1\r\n"]) {
      port.send(chunk);
      await clock.advanceBy(2);
    }
    expect(scans.map((scan) => [scan.symbology, scan.text])).toEqual([
      ["]d2", `010952123454321310ABC${GS}21X`],
      ["]E0", "4006381333931"],
    ]);
  });
});

describe("WebHID and Web Serial feature detection in Chromium", () => {
  it("finds navigator.hid exactly when the browser exposes it, without throwing", async () => {
    const hid = findWebHid(navigator);
    expect(hid !== undefined).toBe("hid" in navigator && navigator.hid !== undefined);
    if (hid) expect(Array.isArray(await hid.getDevices())).toBe(true);
  });

  it("finds navigator.serial exactly when the browser exposes it, without throwing", async () => {
    const serial = findWebSerial(navigator);
    expect(serial !== undefined).toBe("serial" in navigator && navigator.serial !== undefined);
    if (serial) expect(Array.isArray(await serial.getPorts())).toBe(true);
  });

  it("finds nothing, without throwing, where the APIs are absent (Firefox, Safari, an insecure page)", () => {
    const withoutApis = Object.create(Object.getPrototypeOf(navigator), { hid: { value: undefined } });
    expect(findWebHid(withoutApis)).toBeUndefined();
    expect(findWebSerial({ userAgent: navigator.userAgent })).toBeUndefined();
  });

  it("listens to the real navigator.hid for replugs while reading a fake device", async () => {
    const hid = findWebHid(navigator);
    const device = createFakeHidDevice({ collections: honeywellPosCollections() });
    const clock = createVirtualClock();
    const source = webHid(device, { ...(hid ? { hid } : {}), scheduler: clock.scheduler });
    const scans: Scan[] = [];
    subscriptions.push(source.scans$.subscribe((scan) => scans.push(scan)));
    await clock.settle();
    device.scan("4006381333931", { aim: "]E0" });
    expect(scans.map((scan) => scan.text)).toEqual(["4006381333931"]);
  });
});
