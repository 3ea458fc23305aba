// The feedback sounds as data: accept and block must sound different, and their tones follow each other on the
// audio clock. The binding that plays them is tested in Chromium (feedback.browser.test.ts).
import { describe, expect, it } from "vitest";
import { FEEDBACK_SOUNDS, scheduleTones } from "../src/feedback/sounds.js";

describe("feedback sounds", () => {
  it("gives accept a short high beep and block a longer, lower two-tone", () => {
    const accept = scheduleTones(FEEDBACK_SOUNDS.accept, 0);
    const block = scheduleTones(FEEDBACK_SOUNDS.block, 0);
    expect(accept).toEqual([{ frequencyHz: 2800, waveform: "square", startSeconds: 0, stopSeconds: 0.08 }]);
    expect(block.map((tone) => tone.frequencyHz)).toEqual([520, 370]);
    expect(block.at(-1)?.stopSeconds).toBeCloseTo(0.48);
    expect(FEEDBACK_SOUNDS.accept.vibrationMs).toEqual([50]);
    expect(FEEDBACK_SOUNDS.block.vibrationMs).not.toEqual(FEEDBACK_SOUNDS.accept.vibrationMs);
  });

  it("places each tone after the previous one and its gap, from the given start", () => {
    const [first, second] = scheduleTones(FEEDBACK_SOUNDS.block, 10);
    expect(first).toMatchObject({ startSeconds: 10, stopSeconds: 10.18 });
    expect(second?.startSeconds).toBeCloseTo(10.22);
    expect(second?.stopSeconds).toBeCloseTo(10.48);
  });
});
