// Driving the web till (examples/web-till) in Chromium as a cashier's scanner does, shared by the till's own e2e test
// and the fault suite's browser till.
import type { Page } from "playwright-core";

/**
 * Types `text` as a keyboard-wedge scanner does — one keydown/keyup per character, 5 ms apart, Shift for capitals
 * and shifted symbols (US layout), Ctrl+] for GS (ASCII 29, as most scanners send it), then Enter — dispatched
 * inside the page, so the gaps are measured in the page and not made of DevTools round trips (which stretch past
 * the wedge's 80 ms gap limit on a busy 2-core machine).
 */
export async function wedgeScan(page: Page, text: string): Promise<void> {
  await page.evaluate((scan) => {
    const SHIFTED: Record<string, string> = { "?": "Slash", ":": "Semicolon", _: "Minus" };
    const PLAIN: Record<string, string> = {
      "/": "Slash",
      ";": "Semicolon",
      "-": "Minus",
      ".": "Period",
      "=": "Equal",
      "]": "BracketRight",
    };
    const keyOf = (character: string) => {
      if (/[0-9]/.test(character)) return { code: `Digit${character}`, shiftKey: false };
      if (/[a-z]/.test(character)) return { code: `Key${character.toUpperCase()}`, shiftKey: false };
      if (/[A-Z]/.test(character)) return { code: `Key${character}`, shiftKey: true };
      if (SHIFTED[character]) return { code: SHIFTED[character], shiftKey: true };
      return { code: PLAIN[character] ?? "", shiftKey: false };
    };
    const target = document.activeElement ?? document.body;
    const press = (key: string, code: string, modifiers: { shiftKey?: boolean; ctrlKey?: boolean }) => {
      for (const type of ["keydown", "keyup"])
        target.dispatchEvent(
          new KeyboardEvent(type, { key, code, ...modifiers, bubbles: true, cancelable: true, composed: true }),
        );
    };
    // The gaps are spun, not timed out: a page timer on a loaded machine may fire 100 ms late, which the wedge
    // rightly takes for a person typing.
    const pause = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    for (const character of scan) {
      if (character === "\u001d") {
        const control = { key: "Control", code: "ControlLeft", ctrlKey: true };
        target.dispatchEvent(new KeyboardEvent("keydown", { ...control, bubbles: true, cancelable: true }));
        press("]", "BracketRight", { ctrlKey: true });
        target.dispatchEvent(new KeyboardEvent("keyup", { ...control, ctrlKey: false, bubbles: true }));
      } else {
        const { code, shiftKey } = keyOf(character);
        press(character, code, { shiftKey });
      }
      pause(5);
    }
    press("Enter", "Enter", {});
  }, text);
}

/**
 * The cashier's first tap on a fresh page. The page makes its AudioContext on the first gesture (browsers allow
 * sound only after one); made inside the first key of a scan it would stall the page long enough that a scan
 * dispatched from the page (whose key times are taken when each event is made, unlike a real scanner's) would look
 * like typing.
 */
export async function firstTouch(page: Page): Promise<void> {
  await page.locator("h1").click();
}
