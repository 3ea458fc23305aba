// What the till sounds like, as data: a short high beep for an accepted scan, a lower, longer two-tone for a blocked
// one, so a cashier hears the difference without looking. The accept beep follows WebcamBarcodeScanner's 80 ms,
// 2800 Hz square wave and `navigator.vibrate(50)` (research scanners.md §6.1, §9.5).

/** What happened to a scan, as the cashier should hear it. */
export type FeedbackKind = "accept" | "block";

/** One tone. */
export interface Tone {
  readonly frequencyHz: number;
  readonly durationMs: number;
  readonly waveform: "sine" | "square" | "sawtooth" | "triangle";
}

/** The sound and vibration of one kind of feedback. */
export interface FeedbackSound {
  /** Played one after the other, `gapMs` apart. */
  readonly tones: readonly Tone[];
  /** Silence between two tones, in milliseconds. */
  readonly gapMs: number;
  /** A `navigator.vibrate` pattern: vibrate, pause, vibrate … in milliseconds. */
  readonly vibrationMs: readonly number[];
}

/** The default sounds. */
export const FEEDBACK_SOUNDS: Readonly<Record<FeedbackKind, FeedbackSound>> = {
  accept: { tones: [{ frequencyHz: 2800, durationMs: 80, waveform: "square" }], gapMs: 0, vibrationMs: [50] },
  block: {
    tones: [
      { frequencyHz: 520, durationMs: 180, waveform: "square" },
      { frequencyHz: 370, durationMs: 260, waveform: "square" },
    ],
    gapMs: 40,
    vibrationMs: [200, 100, 200],
  },
};

/** A tone placed on an audio clock. */
export interface ScheduledTone {
  readonly frequencyHz: number;
  readonly waveform: Tone["waveform"];
  /** On the audio context's clock (`currentTime`), in seconds. */
  readonly startSeconds: number;
  readonly stopSeconds: number;
}

/** Places a sound's tones on an audio clock, starting at `startSeconds`. */
export function scheduleTones(sound: FeedbackSound, startSeconds: number): ScheduledTone[] {
  let at = startSeconds;
  return sound.tones.map((tone) => {
    const scheduled = {
      frequencyHz: tone.frequencyHz,
      waveform: tone.waveform,
      startSeconds: at,
      stopSeconds: at + tone.durationMs / 1000,
    };
    at = scheduled.stopSeconds + sound.gapMs / 1000;
    return scheduled;
  });
}
