// A YUV4MPEG2 writer for Chromium's fake camera (`--use-file-for-fake-video-capture`), after research scanners.md
// §10: 4:2:0 frames whose chroma planes are all 128, i.e. grey pictures. Chromium loops the file.
import { createWriteStream } from "node:fs";
import type { GreyImage } from "./symbols.js";

/** Writes the frames (all the same size) as a 30 fps y4m file. */
export async function writeY4m(path: string, frames: readonly GreyImage[]): Promise<void> {
  const first = frames[0];
  if (first === undefined) throw new Error("writeY4m: no frames");
  const { width, height } = first;
  const chroma = Buffer.alloc(2 * Math.ceil(width / 2) * Math.ceil(height / 2), 128);
  const out = createWriteStream(path);
  out.write(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`);
  for (const frame of frames) out.write(Buffer.concat([Buffer.from("FRAME\n"), frame.luma, chroma]));
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}
