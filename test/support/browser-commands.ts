// Browser-mode commands: they run in the Vitest server process and drive the page through Playwright, where the
// test page itself cannot. Keys typed through the Chrome DevTools Protocol (Input.dispatchKeyEvent) are trusted
// events that type into fields like a real keyboard; a page's own `new KeyboardEvent(...)` is untrusted and types
// nothing (research scanners.md §10), so the keyboard-wedge tests need these to see a field end up clean.
import type {} from "@vitest/browser-playwright";
import type { BrowserCommand } from "vitest/node";

/** One key as a keyboard sends it. */
export interface KeyStroke {
  /** `KeyboardEvent.key` as the host layout reports it, e.g. "&" for Digit1 on AZERTY. */
  readonly key: string;
  /** `KeyboardEvent.code`, the physical key, e.g. "Digit1". */
  readonly code: string;
  /** Held modifiers as CDP bits: Alt 1, Ctrl 2, Meta 4, Shift 8. @default 0 */
  readonly modifiers?: number;
  /** What the key types into a focused field; leave out for keys that type nothing (Ctrl+], F8, Enter's submit). */
  readonly text?: string;
  /** "press" = down and up; "down" or "up" alone for holding a modifier across other keys. @default "press" */
  readonly type?: "press" | "down" | "up";
}

/** The keys' gaps as the page measured them is left to the page: this returns when the last key is sent. */
export type TypeKeysCommand = BrowserCommand<[strokes: readonly KeyStroke[], gapMs: number | readonly number[]]>;

// Windows virtual-key codes: Chromium derives `keyCode` and some default actions (Enter, Tab) from them.
const VIRTUAL_KEY_CODES: Readonly<Record<string, number>> = {
  Backspace: 8,
  Tab: 9,
  Enter: 13,
  NumpadEnter: 13,
  ShiftLeft: 16,
  ShiftRight: 16,
  ControlLeft: 17,
  ControlRight: 17,
  AltLeft: 18,
  AltRight: 18,
  CapsLock: 20,
  Space: 32,
  Semicolon: 186,
  Equal: 187,
  Comma: 188,
  Minus: 189,
  Period: 190,
  Slash: 191,
  Backquote: 192,
  BracketLeft: 219,
  Backslash: 220,
  BracketRight: 221,
  Quote: 222,
  NumpadMultiply: 106,
  NumpadAdd: 107,
  NumpadSubtract: 109,
  NumpadDecimal: 110,
  NumpadDivide: 111,
};

function virtualKeyCode(code: string): number {
  const fixed = VIRTUAL_KEY_CODES[code];
  if (fixed !== undefined) return fixed;
  const match = /^(Key|Digit|Numpad|F)(\w+)$/.exec(code);
  if (!match) return 0;
  const [, kind, rest = ""] = match;
  if (kind === "Key") return rest.charCodeAt(0);
  if (kind === "Digit") return 48 + Number(rest);
  if (kind === "Numpad") return 96 + Number(rest);
  return 111 + Number(rest); // F1 = 112
}

// Waits until `deadline` (performance.now() ms): a timer for the bulk, a spin for the last milliseconds, since
// Node's timers cannot sleep 2 ms with any precision and scanner timing is what these tests are about.
async function waitUntil(deadline: number): Promise<void> {
  for (;;) {
    const left = deadline - performance.now();
    if (left <= 0) return;
    if (left > 4) await new Promise((resolve) => setTimeout(resolve, left - 3));
    else await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Types `strokes` into the test page as trusted key events, `gapMs` apart (or `gapMs[i]` before the i-th press
 * after the first). "down"/"up" strokes (holding a modifier) go with the next press, without a gap of their own.
 *
 * @example
 * await commands.typeKeys([{ key: "&", code: "Digit1", text: "&" }, { key: "Enter", code: "Enter" }], 2);
 */
export const typeKeys: TypeKeysCommand = async (context, strokes, gapMs) => {
  if (context.provider.name !== "playwright") throw new Error("typeKeys needs the playwright provider");
  const cdp = await context.page.context().newCDPSession(context.page);
  try {
    let pressIndex = 0;
    const start = performance.now();
    const startEpochMs = Date.now();
    let next = start;
    for (const stroke of strokes) {
      const type = stroke.type ?? "press";
      if (type === "press") {
        if (pressIndex > 0) next += typeof gapMs === "number" ? gapMs : (gapMs[pressIndex - 1] ?? 0);
        pressIndex++;
        await waitUntil(next);
      }
      const base = {
        key: stroke.key,
        code: stroke.code,
        modifiers: stroke.modifiers ?? 0,
        windowsVirtualKeyCode: virtualKeyCode(stroke.code),
        location: stroke.code.startsWith("Numpad") ? 3 : 0,
        // The key's own time, as a keyboard's hardware event carries it: when this process falls behind (a
        // loaded CI machine), the page still sees the scanner's spacing, not the harness's hiccup.
        timestamp: (startEpochMs + (next - start)) / 1000,
      };
      if (type !== "up") {
        // "keyDown" with text types it; "rawKeyDown" is a key that types nothing, as Playwright sends them.
        const down =
          stroke.text === undefined
            ? { ...base, type: "rawKeyDown" as const }
            : { ...base, type: "keyDown" as const, text: stroke.text, unmodifiedText: stroke.text };
        await cdp.send("Input.dispatchKeyEvent", down);
      }
      if (type !== "down") await cdp.send("Input.dispatchKeyEvent", { ...base, type: "keyUp" });
    }
  } finally {
    await cdp.detach();
  }
};

declare module "vitest/browser" {
  interface BrowserCommands {
    typeKeys(strokes: readonly KeyStroke[], gapMs: number | readonly number[]): Promise<void>;
  }
}
