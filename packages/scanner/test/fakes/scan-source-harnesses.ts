// Conformance harnesses for the HID and serial sources over the fakes, shared by the Node and browser runs.
import { webHid } from "../../src/hid/web-hid.js";
import { webSerial } from "../../src/serial/web-serial.js";
import type { ScanSourceHarness } from "../scan-source-conformance.js";
import { createFakeHid } from "./fake-hid.js";
import { createFakeHidDevice } from "./fake-hid-device.js";
import { createFakeSerialPort } from "./fake-serial-port.js";
import { honeywellPosCollections } from "./hid-pos-descriptors.js";
import { createVirtualClock } from "./virtual-clock.js";

/** `webHid` over a fake Honeywell HID POS scanner; `fail()` unplugs it. */
export function webHidHarness(): ScanSourceHarness {
  const device = createFakeHidDevice({ collections: honeywellPosCollections() });
  const hid = createFakeHid([device]);
  const clock = createVirtualClock();
  return {
    source: webHid(device, { hid, scheduler: clock.scheduler }),
    isOpen: () => device.opened,
    openCount: () => device.openCount,
    scan: (text) => device.scan(text),
    fail: () => hid.unplug(device),
    settle: () => clock.advanceBy(0),
  };
}

/** `webSerial` over a fake USB serial scanner sending CR LF; `fail()` errors its stream. */
export function webSerialHarness(): ScanSourceHarness {
  const port = createFakeSerialPort();
  const clock = createVirtualClock();
  return {
    source: webSerial(port, { scheduler: clock.scheduler }),
    isOpen: () => port.isOpen,
    openCount: () => port.openCount,
    scan: (text) => void port.send(`${text}\r\n`),
    fail: () => port.failRead(),
    settle: () => clock.advanceBy(0),
  };
}
