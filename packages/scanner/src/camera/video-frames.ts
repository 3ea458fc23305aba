// The browser side of the frame loop: a tick for every new video frame, and the pixels of part of the current
// frame. Everything comes from the video element handed in (its document makes the canvas), nothing from globals.
import { interval, map, Observable, type SchedulerLike } from "rxjs";
import type { CameraFrame } from "./decoder.js";
import type { PixelRect } from "./frame-loop.js";

/**
 * Emits once per new frame the video presents (`requestVideoFrameCallback`), so a frame is never decoded twice;
 * where that is missing (Firefox before 132), every `fallbackMs` on the scheduler.
 */
export function videoFrameTicks(
  video: HTMLVideoElement,
  fallbackMs: number,
  scheduler: SchedulerLike,
): Observable<void> {
  if (!("requestVideoFrameCallback" in video)) return interval(fallbackMs, scheduler).pipe(map(() => undefined));
  return new Observable<void>((subscriber) => {
    let handle = 0;
    const onFrame = () => {
      handle = video.requestVideoFrameCallback(onFrame);
      subscriber.next();
    };
    handle = video.requestVideoFrameCallback(onFrame);
    return () => video.cancelVideoFrameCallback(handle);
  });
}

/** Copies part of the video's current frame into RGBA pixels. */
export type FrameGrabber = (rect: PixelRect) => CameraFrame;

/** A grabber drawing through one reused canvas of the video's document. */
export function frameGrabber(video: HTMLVideoElement): FrameGrabber {
  const canvas = video.ownerDocument.createElement("canvas");
  // willReadFrequently keeps the canvas in memory instead of on the GPU: every frame is read back (getImageData).
  const context = canvas.getContext("2d", { willReadFrequently: true });
  if (context === null) throw new Error("camera: this document cannot make a 2D canvas");
  return (rect) => {
    if (canvas.width !== rect.width) canvas.width = rect.width;
    if (canvas.height !== rect.height) canvas.height = rect.height;
    context.drawImage(video, rect.x, rect.y, rect.width, rect.height, 0, 0, rect.width, rect.height);
    return context.getImageData(0, 0, rect.width, rect.height);
  };
}
