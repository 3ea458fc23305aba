// The thin browser binding of the feedback sounds: WebAudio oscillators and `navigator.vibrate`, both passed in.
// Browsers start an AudioContext suspended until the page has had a user gesture (Chrome's autoplay policy), and a
// till often beeps first for a camera or HID scan, which is no gesture; so the first tap or key press on the
// page resumes the context (research scanners.md §9.5).
import { type MonoTypeOperatorFunction, Observable } from "rxjs";
import { FEEDBACK_SOUNDS, type FeedbackKind, type FeedbackSound, scheduleTones } from "./sounds.js";

/** The part of a WebAudio `AudioContext` (or `OfflineAudioContext`) feedback uses. */
export type AudioContextLike = Pick<
  BaseAudioContext,
  "currentTime" | "state" | "destination" | "createOscillator" | "createGain"
> & {
  resume(): Promise<void>;
  close?(): Promise<void>;
};

/** Options of {@link feedback}. */
export interface FeedbackOptions {
  /**
   * Makes the audio context, on the first sound or gesture; without it the till is silent.
   * @example () => new AudioContext()
   */
  readonly audioContext?: () => AudioContextLike;
  /**
   * Vibrates the device; without it nothing vibrates.
   * @example (pattern) => navigator.vibrate(pattern)
   */
  readonly vibrate?: (pattern: number[]) => boolean;
  /** Where the first user gesture (pointer down, key down, touch end) resumes the audio context, e.g. `document`. */
  readonly gestureTarget?: EventTarget;
  /** Replaces the default sound of a kind. */
  readonly sounds?: Partial<Record<FeedbackKind, FeedbackSound>>;
  /**
   * Loudness, from 0 (silent) to 1.
   * @default 0.5
   */
  readonly volume?: number;
}

const GESTURES = ["pointerdown", "keydown", "touchend"] as const;
/** Fade in and out over 5 ms, so a tone starts and stops without a click. */
const RAMP_SECONDS = 0.005;
/** Start a little ahead of `currentTime`, so the first tone is not cut. */
const LEAD_SECONDS = 0.01;

/**
 * Plays the feedback for each kind that passes through: a beep and a short vibration for `"accept"`, a distinct
 * lower two-tone and a longer vibration for `"block"`. The kinds pass on unchanged. Subscription is the lifetime:
 * subscribing listens for the first gesture, unsubscribing stops listening and closes the audio context it made.
 * Audio or vibration trouble never errors the stream; the till just stays silent.
 *
 * @example
 * verdicts$.pipe(
 *   map((verdict) => (verdict.action === "block" ? "block" : "accept")),
 *   feedback({ audioContext: () => new AudioContext(), vibrate: (p) => navigator.vibrate(p), gestureTarget: document }),
 * ).subscribe();
 */
export function feedback(options: FeedbackOptions = {}): MonoTypeOperatorFunction<FeedbackKind> {
  const volume = Math.min(1, Math.max(0, options.volume ?? 0.5));
  const sounds = { ...FEEDBACK_SOUNDS, ...options.sounds };

  return (kinds$) =>
    new Observable<FeedbackKind>((subscriber) => {
      let context: AudioContextLike | undefined;
      let audioFailed = false;

      const audio = (): AudioContextLike | undefined => {
        if (context !== undefined || audioFailed || options.audioContext === undefined) return context;
        try {
          context = options.audioContext();
        } catch {
          audioFailed = true; // e.g. too many contexts on the page: stay silent rather than fail the till
        }
        return context;
      };
      const resume = (target: AudioContextLike) => {
        // Rejected while the page has had no gesture yet, or for an OfflineAudioContext before rendering.
        if (target.state === "suspended") target.resume().catch(() => undefined);
      };
      const onGesture = () => {
        stopListening();
        const target = audio();
        if (target !== undefined) resume(target);
      };
      const stopListening = () => {
        for (const type of GESTURES) options.gestureTarget?.removeEventListener(type, onGesture, true);
      };
      for (const type of GESTURES) options.gestureTarget?.addEventListener(type, onGesture, true);

      const play = (kind: FeedbackKind) => {
        const sound = sounds[kind];
        const target = audio();
        if (target !== undefined) {
          try {
            resume(target);
            playTones(target, sound, volume);
          } catch {
            audioFailed = true;
          }
        }
        try {
          options.vibrate?.([...sound.vibrationMs]);
        } catch {
          // Vibration is a nicety; a browser that refuses it must not stop the till.
        }
      };

      const subscription = kinds$.subscribe({
        next: (kind) => {
          play(kind);
          subscriber.next(kind);
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
      return () => {
        subscription.unsubscribe();
        stopListening();
        context?.close?.().catch(() => undefined);
      };
    });
}

function playTones(context: AudioContextLike, sound: FeedbackSound, volume: number): void {
  for (const tone of scheduleTones(sound, context.currentTime + LEAD_SECONDS)) {
    const oscillator = context.createOscillator();
    oscillator.type = tone.waveform;
    oscillator.frequency.setValueAtTime(tone.frequencyHz, tone.startSeconds);
    const gain = context.createGain();
    gain.gain.setValueAtTime(0, tone.startSeconds);
    gain.gain.linearRampToValueAtTime(volume, tone.startSeconds + RAMP_SECONDS);
    gain.gain.setValueAtTime(volume, tone.stopSeconds - RAMP_SECONDS);
    gain.gain.linearRampToValueAtTime(0, tone.stopSeconds);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(tone.startSeconds);
    oscillator.stop(tone.stopSeconds);
  }
}
