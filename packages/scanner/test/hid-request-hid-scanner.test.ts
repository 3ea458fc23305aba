import { describe, expect, it } from "vitest";
import { findWebHid } from "../src/hid/find-web-hid.js";
import { HID_SCANNER_FILTERS, requestHidScanner } from "../src/hid/request-hid-scanner.js";
import { createFakeHid } from "./fakes/fake-hid.js";
import { createFakeHidDevice } from "./fakes/fake-hid-device.js";
import { honeywellPosCollections, keyboardOnlyCollections } from "./fakes/hid-pos-descriptors.js";

describe("requestHidScanner", () => {
  it("asks the chooser for HID POS scanners, Honeywell's REM interface and the scanner vendors", async () => {
    const hid = createFakeHid();
    await requestHidScanner(hid);
    expect(hid.requests).toEqual([
      [
        { usagePage: 0x8c, usage: 0x02 },
        { usagePage: 0xff8c },
        { vendorId: 0x0c2e },
        { vendorId: 0x05e0 },
        { vendorId: 0x05f9 },
      ],
    ]);
  });

  it("passes extended filters through", async () => {
    const hid = createFakeHid();
    await requestHidScanner(hid, { filters: [...HID_SCANNER_FILTERS, { vendorId: 0x1eab }] });
    expect(hid.requests[0]?.at(-1)).toEqual({ vendorId: 0x1eab });
  });

  it("returns the interface with a HID POS collection when the chooser returns several", async () => {
    const keyboard = createFakeHidDevice({ collections: keyboardOnlyCollections() });
    const pos = createFakeHidDevice({ collections: honeywellPosCollections() });
    const hid = createFakeHid();
    hid.choose([keyboard, pos]);
    expect(await requestHidScanner(hid)).toEqual({ ok: true, value: pos });
  });

  it("returns a keyboard-mode scanner too, so webHid can say which setting to change", async () => {
    const keyboard = createFakeHidDevice({ collections: keyboardOnlyCollections() });
    const hid = createFakeHid();
    hid.choose([keyboard]);
    expect(await requestHidScanner(hid)).toEqual({ ok: true, value: keyboard });
  });

  it("says NO_DEVICE_CHOSEN when the user closes the chooser", async () => {
    expect(await requestHidScanner(createFakeHid())).toMatchObject({ ok: false, error: { code: "NO_DEVICE_CHOSEN" } });
  });

  it("says REQUEST_FAILED when the browser refuses, e.g. without a user gesture", async () => {
    const hid = createFakeHid();
    hid.choose(new DOMException("Must be handling a user gesture to show a permission request.", "SecurityError"));
    expect(await requestHidScanner(hid)).toMatchObject({
      ok: false,
      error: { code: "REQUEST_FAILED", message: expect.stringContaining("user gesture") },
    });
  });
});

describe("findWebHid", () => {
  it("returns navigator.hid when it is a WebHID API", () => {
    const hid = createFakeHid();
    expect(findWebHid({ hid })).toBe(hid);
  });

  it.each([
    ["no navigator", undefined],
    ["null", null],
    ["a navigator without WebHID", {}],
    ["a hid object without requestDevice", { hid: { getDevices: async () => [], addEventListener: () => {} } }],
    [
      "a navigator whose hid getter throws",
      Object.defineProperty({}, "hid", {
        get() {
          throw new DOMException("blocked by permissions policy", "SecurityError");
        },
      }),
    ],
  ])("returns undefined for %s", (_, navigatorLike) => {
    expect(findWebHid(navigatorLike)).toBeUndefined();
  });
});
