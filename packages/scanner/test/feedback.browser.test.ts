// The feedback binding in real headless Chromium: it plays on a real AudioContext, renders distinct accept and
// block sounds through an OfflineAudioContext, resumes the context on the first gesture and vibrates when it can.
import { firstValueFrom, from, of, Subject, toArray } from "rxjs";
import { describe, expect, it, vi } from "vitest";
import { feedback } from "../src/feedback/feedback.js";
import type { FeedbackKind } from "../src/feedback/sounds.js";

const SAMPLE_RATE = 44100;

/** Renders one kind's sound offline and measures it: how long it sounds and how often its start crosses zero. */
async function render(kind: FeedbackKind) {
  const context = new OfflineAudioContext(1, SAMPLE_RATE, SAMPLE_RATE);
  await firstValueFrom(of(kind).pipe(feedback({ audioContext: () => context }), toArray()));
  const samples = (await context.startRendering()).getChannelData(0);
  const loud = (index: number) => Math.abs(samples[index] ?? 0) > 0.05;
  let first = 0;
  while (first < samples.length && !loud(first)) first++;
  let last = samples.length - 1;
  while (last > first && !loud(last)) last--;
  // Zero crossings over 40 ms from the first sound: two per period.
  const window = Math.round(0.04 * SAMPLE_RATE);
  let crossings = 0;
  for (let index = first + 1; index < first + window; index++) {
    if ((samples[index - 1] ?? 0) < 0 !== (samples[index] ?? 0) < 0) crossings++;
  }
  return { durationSeconds: (last - first) / SAMPLE_RATE, frequencyHz: crossings / 2 / 0.04 };
}

describe("feedback in Chromium", () => {
  it("plays accept and block on a real AudioContext without throwing, and vibrates", async () => {
    const context = new AudioContext();
    const vibrations: number[][] = [];
    const vibrate = (pattern: number[]) => {
      vibrations.push(pattern);
      return typeof navigator.vibrate === "function" ? navigator.vibrate(pattern) : false;
    };
    const played = await firstValueFrom(
      from<FeedbackKind[]>(["accept", "block"]).pipe(feedback({ audioContext: () => context, vibrate }), toArray()),
    );
    expect(played).toEqual(["accept", "block"]);
    expect(vibrations).toEqual([[50], [200, 100, 200]]);
  });

  it("renders two distinct sounds: a short 2800 Hz beep for accept, a longer low two-tone for block", async () => {
    const accept = await render("accept");
    const block = await render("block");
    expect(accept.durationSeconds).toBeGreaterThan(0.07);
    expect(accept.durationSeconds).toBeLessThan(0.09);
    expect(accept.frequencyHz).toBeGreaterThan(2700);
    expect(accept.frequencyHz).toBeLessThan(2900);
    expect(block.durationSeconds).toBeGreaterThan(0.46);
    expect(block.durationSeconds).toBeLessThan(0.5);
    expect(block.frequencyHz).toBeGreaterThan(490);
    expect(block.frequencyHz).toBeLessThan(550);
  });

  it("makes the AudioContext only when needed and resumes it on the first user gesture", async () => {
    const context = new AudioContext();
    await context.suspend();
    const resume = vi.spyOn(context, "resume");
    const make = vi.fn(() => context);
    const button = document.createElement("button");
    document.body.append(button);
    const kinds$ = new Subject<FeedbackKind>();
    const subscription = kinds$.pipe(feedback({ audioContext: make, gestureTarget: button })).subscribe();
    expect(make).not.toHaveBeenCalled();
    button.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true }));
    button.dispatchEvent(new KeyboardEvent("keydown", { bubbles: true }));
    expect(make).toHaveBeenCalledTimes(1);
    expect(resume).toHaveBeenCalledTimes(1);
    subscription.unsubscribe();
    button.remove();
  });

  it("closes the AudioContext it made when unsubscribed", async () => {
    const context = new AudioContext();
    const subscription = of("accept" as const)
      .pipe(feedback({ audioContext: () => context }))
      .subscribe();
    subscription.unsubscribe();
    await vi.waitFor(() => expect(context.state).toBe("closed"));
  });

  it("stays silent and passes the kinds on without an audio context or vibration", async () => {
    const played = await firstValueFrom(of("block" as const).pipe(feedback(), toArray()));
    expect(played).toEqual(["block"]);
  });

  it("keeps the stream alive when the audio context cannot be made", async () => {
    const broken = () => {
      throw new DOMException("too many contexts", "NotSupportedError");
    };
    const vibrate = vi.fn(() => true);
    const played = await firstValueFrom(
      from<FeedbackKind[]>(["accept", "block"]).pipe(feedback({ audioContext: broken, vibrate }), toArray()),
    );
    expect(played).toEqual(["accept", "block"]);
    expect(vibrate).toHaveBeenCalledTimes(2);
  });
});
