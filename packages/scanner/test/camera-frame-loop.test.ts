import { asyncScheduler, BehaviorSubject, map, NEVER, of, timer } from "rxjs";
import { TestScheduler } from "rxjs/testing";
import { describe, expect, it } from "vitest";
import { constraintAttempts, isMissingCamera } from "../src/camera/camera-constraints.js";
import { openFailureDiagnostic } from "../src/camera/camera-diagnostics.js";
import { cropFrame, grownRect } from "../src/camera/frame-crop.js";
import { CENTRE_REGION, decodeFrames, planDecode, regionRect } from "../src/camera/frame-loop.js";

function virtualTime() {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

describe("decodeFrames", () => {
  it("caps decodes per second and drops the frames in between", () => {
    virtualTime().run(({ cold, expectObservable }) => {
      // A frame every 10 ms; 1000/35 decodes per second allow one every 35 ms, a frame up to 7 ms early included.
      const frames$ = cold("a 9ms b 9ms c 9ms d 9ms e 9ms f 9ms g 9ms h 9ms i|");
      const decoded$ = decodeFrames(frames$, (frame) => of(frame.toUpperCase()), {
        maxDecodesPerSecond: 1000 / 35,
        paused$: of(false),
        scheduler: asyncScheduler, // virtual time inside run()
      });
      expectObservable(decoded$).toBe("A 29ms D 29ms G 20ms |");
    });
  });

  it("drops frames while a decode runs instead of queueing them", () => {
    virtualTime().run(({ cold, expectObservable }) => {
      const frames$ = cold("a 9ms b 9ms c 9ms d 9ms e 9ms f 9ms g|");
      // Each decode takes 25 ms; the cap (1000/s) would allow one per millisecond.
      const decoded$ = decodeFrames(frames$, (frame) => timer(25).pipe(map(() => frame.toUpperCase())), {
        maxDecodesPerSecond: 1000,
        paused$: of(false),
        scheduler: asyncScheduler, // virtual time inside run()
      });
      expectObservable(decoded$).toBe("25ms A 29ms D 29ms (G|)");
    });
  });

  it("takes a frame that comes a little early, so a 30 fps camera is decoded at a 15/s cap, not 10/s", () => {
    virtualTime().run(({ cold, expectObservable }) => {
      // Frames jitter around 33 ms apart; the 15/s gap is 66.7 ms.
      const frames$ = cold("a 32ms b 32ms c 32ms d 32ms e|");
      const decoded$ = decodeFrames(frames$, (frame) => of(frame.toUpperCase()), {
        maxDecodesPerSecond: 15,
        paused$: of(false),
        scheduler: asyncScheduler,
      });
      expectObservable(decoded$).toBe("A 65ms C 65ms E|");
    });
  });

  it("counts the decodes it starts, so each knows its place in the full-frame rota", () => {
    virtualTime().run(({ cold, expectObservable }) => {
      const frames$ = cold("a 9ms b 9ms c|");
      const decoded$ = decodeFrames(frames$, (_frame, index) => of(index), {
        maxDecodesPerSecond: 1000,
        paused$: of(false),
        scheduler: asyncScheduler, // virtual time inside run()
      });
      expectObservable(decoded$).toBe("0 9ms 1 9ms 2 |", { 0: 0, 1: 1, 2: 2 });
    });
  });

  it("decodes nothing while paused, drops the result of a decode cut off by pause, and resumes", () => {
    virtualTime().run(({ cold, hot, expectObservable }) => {
      const frames$ = cold("a 9ms b 9ms c 9ms d 9ms e 9ms f|");
      const paused$ = hot("f 4ms t 24ms f", { f: false, t: true });
      const decoded$ = decodeFrames(frames$, (frame) => timer(8).pipe(map(() => frame.toUpperCase())), {
        maxDecodesPerSecond: 1000,
        paused$,
        scheduler: asyncScheduler, // virtual time inside run()
      });
      // "a" started at 0 and would land at 8, but pause came at 5. On resume at 30 the frames start again.
      expectObservable(decoded$).toBe("38ms A 9ms B 9ms C 9ms D 9ms E 9ms F");
    });
  });

  it("keeps a decode that never ends from blocking the unsubscribe", () => {
    const paused$ = new BehaviorSubject(false);
    const subscription = decodeFrames(of(1), () => NEVER, {
      maxDecodesPerSecond: 15,
      paused$,
      scheduler: new TestScheduler(() => undefined),
    }).subscribe();
    subscription.unsubscribe();
    expect(paused$.observed).toBe(false);
  });

  it("rejects a rate cap that is not above zero", () => {
    const options = { maxDecodesPerSecond: 0, paused$: of(false), scheduler: new TestScheduler(() => undefined) };
    expect(() => decodeFrames(of(1), () => of(1), options)).toThrow(RangeError);
  });
});

describe("region of interest", () => {
  it("turns the centre region into pixels", () => {
    expect(regionRect(CENTRE_REGION, 640, 480)).toEqual({ x: 96, y: 120, width: 448, height: 240 });
    expect(regionRect(CENTRE_REGION, 1280, 720)).toEqual({ x: 192, y: 180, width: 896, height: 360 });
  });

  it("clamps a region that reaches past the frame and never gets empty", () => {
    expect(regionRect({ x: 0.9, y: -0.5, width: 0.5, height: 2 }, 100, 100)).toEqual({
      x: 90,
      y: 0,
      width: 10,
      height: 100,
    });
    expect(regionRect({ x: 1, y: 1, width: 0, height: 0 }, 100, 50)).toEqual({ x: 99, y: 49, width: 1, height: 1 });
  });

  it("covers the whole frame and tries harder on every fourth decode", () => {
    const plans = [0, 1, 2, 3, 4, 5, 6, 7].map((index) =>
      planDecode(index, 640, 480, { region: CENTRE_REGION, fullFrameEvery: 4 }),
    );
    expect(plans.map((plan) => plan.tryHarder)).toEqual([false, false, false, true, false, false, false, true]);
    expect(plans[3]?.rect).toEqual({ x: 0, y: 0, width: 640, height: 480 });
    expect(plans[0]?.rect).toEqual({ x: 96, y: 120, width: 448, height: 240 });
  });

  it("decodes the whole frame when there is no region, and never tries harder with fullFrameEvery 0", () => {
    const plan = planDecode(3, 640, 480, { region: null, fullFrameEvery: 0 });
    expect(plan).toEqual({ rect: { x: 0, y: 0, width: 640, height: 480 }, tryHarder: false });
  });

  it("crops a grown box out of a frame", () => {
    const data = new Uint8ClampedArray(4 * 4 * 4).map((_, index) => Math.floor(index / 4));
    const rect = grownRect({ x: 1, y: 1, width: 1, height: 1 }, 0.5, 4, 4);
    expect(rect).toEqual({ x: 0, y: 0, width: 3, height: 3 });
    const crop = cropFrame({ width: 4, height: 4, data }, { x: 1, y: 2, width: 2, height: 1 });
    expect(crop.width).toBe(2);
    expect([...crop.data].filter((_, index) => index % 4 === 0)).toEqual([9, 10]);
  });
});

describe("camera choice and open failures", () => {
  it("asks for the rear camera at 1280 × 720 by default", () => {
    expect(constraintAttempts({ facingMode: "environment" })).toEqual([
      { width: { ideal: 1280 }, height: { ideal: 720 }, facingMode: { ideal: "environment" } },
    ]);
  });

  it("asks for the remembered camera exactly first, then falls back to the facing mode", () => {
    const attempts = constraintAttempts({ facingMode: "environment", deviceId: "cam-2", extra: { frameRate: 30 } });
    expect(attempts).toEqual([
      { width: { ideal: 1280 }, height: { ideal: 720 }, deviceId: { exact: "cam-2" }, frameRate: 30 },
      { width: { ideal: 1280 }, height: { ideal: 720 }, facingMode: { ideal: "environment" }, frameRate: 30 },
    ]);
    expect(isMissingCamera({ name: "OverconstrainedError" })).toBe(true);
    expect(isMissingCamera({ name: "NotAllowedError" })).toBe(false);
  });

  it("names each getUserMedia failure with a stable code", () => {
    const named = (name: string) => Object.assign(new Error("x"), { name });
    expect(openFailureDiagnostic(named("NotAllowedError")).code).toBe("camera.permission-denied");
    expect(openFailureDiagnostic(named("NotFoundError")).code).toBe("camera.not-found");
    expect(openFailureDiagnostic(named("NotReadableError")).code).toBe("camera.in-use");
    expect(openFailureDiagnostic(new TypeError("no getUserMedia")).code).toBe("camera.unsupported");
    expect(openFailureDiagnostic("odd").code).toBe("camera.failed");
  });
});
