// `Retry-After` (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. A server that sends it on 429/503 knows better
// than our back-off when to come back.

/** Milliseconds to wait from `nowMs`, or undefined when the header is absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** Back-off with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): random in [0, cap). */
export function fullJitterDelayMs(failures: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.floor(random() * ceiling);
}
