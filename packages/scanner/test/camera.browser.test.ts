// The camera binding in real Chromium (vitest browser mode): a real <video> playing a `canvas.captureStream()`,
// real canvas frame grabs, and a scripted decoder, so the ScanSource contract and the frame plan are checked without
// a camera. Real decoding from a (fake) camera is in camera.e2e.test.ts.
import { afterEach, describe, expect, it } from "vitest";
import { camera } from "../src/camera/camera.js";
import type { CameraDecoder, DecodeOptions } from "../src/camera/decoder.js";
import { type ScanSourceHarness, testScanSource } from "./scan-source-conformance.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A 640 × 480 canvas as the camera; `repaint()` makes the next frame. */
function canvasCamera() {
  const canvas = document.createElement("canvas");
  canvas.width = 640;
  canvas.height = 480;
  const context = canvas.getContext("2d");
  if (context === null) throw new Error("no 2D canvas");
  let shade = 0;
  const repaint = () => {
    shade = (shade + 1) % 2;
    context.fillStyle = shade === 0 ? "#ececec" : "#e0e0e0";
    context.fillRect(0, 0, canvas.width, canvas.height);
  };
  repaint();
  const streams: MediaStream[] = [];
  const mediaDevices = Object.assign(new EventTarget(), {
    async getUserMedia() {
      const stream = canvas.captureStream(30);
      streams.push(stream);
      return stream;
    },
  });
  return { mediaDevices, streams, repaint };
}

/** A decoder that reports the texts it is given, one per decode, and records what it was asked to decode. */
function scriptedDecoder() {
  const pending: string[] = [];
  const calls: { size: string; options: DecodeOptions }[] = [];
  const decoder: CameraDecoder = {
    name: "scripted",
    async decode(frame, options) {
      calls.push({ size: `${frame.width}x${frame.height}`, options });
      const text = pending.shift();
      return text === undefined ? [] : [{ format: "qr_code", text, symbology: "]Q1", symbologySource: "decoder" }];
    },
  };
  return { decoder, pending, calls };
}

function cameraHarness(): ScanSourceHarness {
  const device = canvasCamera();
  const { decoder, pending } = scriptedDecoder();
  const source = camera(document.createElement("video"), { mediaDevices: device.mediaDevices, decoder });
  return {
    source,
    isOpen: () => device.streams.some((stream) => stream.getTracks().some((track) => track.readyState === "live")),
    openCount: () => device.streams.length,
    scan: (text) => void pending.push(text),
    // What Chromium does when the camera is unplugged: the track ends without the page stopping it.
    fail: () => void device.streams.at(-1)?.getVideoTracks()[0]?.dispatchEvent(new Event("ended")),
    async settle() {
      for (let frame = 0; frame < 10; frame++) {
        device.repaint();
        await sleep(25);
      }
    },
  };
}

testScanSource("camera in Chromium", cameraHarness);

describe("camera in Chromium", () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it("decodes the centre region, and every fourth decode the whole frame trying harder", async () => {
    const device = canvasCamera();
    const { decoder, calls } = scriptedDecoder();
    const source = camera(document.createElement("video"), { mediaDevices: device.mediaDevices, decoder });
    const subscription = source.scans$.subscribe();
    cleanups.push(() => subscription.unsubscribe());
    for (let frame = 0; frame < 60 && calls.length < 5; frame++) {
      device.repaint();
      await sleep(25);
    }
    expect(calls.slice(0, 5).map((call) => `${call.size} ${call.options.tryHarder}`)).toEqual([
      "448x240 false",
      "448x240 false",
      "448x240 false",
      "640x480 true",
      "448x240 false",
    ]);
  });

  it("gives each scan the camera's device id and the grab time from the scheduler", async () => {
    const device = canvasCamera();
    const { decoder, pending } = scriptedDecoder();
    const source = camera(document.createElement("video"), { mediaDevices: device.mediaDevices, decoder });
    const scans: { device?: string; at: number; text: string }[] = [];
    const subscription = source.scans$.subscribe((scan) => scans.push(scan));
    cleanups.push(() => subscription.unsubscribe());
    pending.push("https://id.gs1.org/01/09521234543213");
    const before = Date.now();
    for (let frame = 0; frame < 40 && scans.length === 0; frame++) {
      device.repaint();
      await sleep(25);
    }
    expect(scans).toHaveLength(1);
    expect(scans[0]?.device).toMatch(/^camera:/);
    expect(scans[0]?.at).toBeGreaterThanOrEqual(before);
    expect(scans[0]?.at).toBeLessThanOrEqual(Date.now());
  });
});
