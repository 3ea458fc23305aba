// A stand-in for `navigator.hid`: granted devices, a scripted chooser, and connect / disconnect events whose
// `device` is the fake device, as WebHID's HIDConnectionEvent carries it.
import type { HidDeviceFilter, HidLike, HidRequestLike } from "../../src/hid/hid-device-like.js";
import type { FakeHidDevice } from "./fake-hid-device.js";

/** A scripted WebHID API. */
export interface FakeHid extends HidLike, HidRequestLike {
  /** The filters of every `requestDevice` call. */
  readonly requests: readonly HidDeviceFilter[][];
  /** What the chooser returns next: devices, or an error to reject with. */
  choose(result: readonly FakeHidDevice[] | Error): void;
  /** Grants and connects a device (a replugged scanner is a new device object, as in Chromium). */
  plug(device: FakeHidDevice): void;
  /** Disconnects a device: it closes, leaves the granted list, and `disconnect` fires. */
  unplug(device: FakeHidDevice): void;
}

/** Creates a fake WebHID API with these devices granted. */
export function createFakeHid(granted: readonly FakeHidDevice[] = []): FakeHid {
  const target = new EventTarget();
  const devices = [...granted];
  const requests: HidDeviceFilter[][] = [];
  let chosen: readonly FakeHidDevice[] | Error = [];
  const fire = (type: "connect" | "disconnect", device: FakeHidDevice) =>
    target.dispatchEvent(Object.assign(new Event(type), { device }));

  return Object.assign(target, {
    requests,
    async getDevices() {
      return [...devices];
    },
    async requestDevice(options: { filters: HidDeviceFilter[] }) {
      requests.push(options.filters);
      if (chosen instanceof Error) throw chosen;
      return [...chosen];
    },
    choose(result: readonly FakeHidDevice[] | Error) {
      chosen = result;
    },
    plug(device: FakeHidDevice) {
      devices.push(device);
      fire("connect", device);
    },
    unplug(device: FakeHidDevice) {
      device.disconnect();
      devices.splice(devices.indexOf(device), 1);
      fire("disconnect", device);
    },
  });
}
