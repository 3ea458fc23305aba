// Keeps a scan out of the text field that has focus. The first keys of a scan land in the field before the burst
// can be told from typing, and a GS (Ctrl+]) inserts nothing at all (research scanners.md §0 item 2), so the
// field's own value is never a source of scans: the wedge notes the field's state at a burst's first key and puts
// it back once the burst is a scan. Writes go through the prototype's `value` setter and announce themselves with an
// `input` event, so frameworks that track the value (React's controlled inputs) follow.

/** The parts of an `<input>` or `<textarea>` the wedge touches. */
export interface TextFieldLike extends EventTarget {
  value: string;
  readonly selectionStart: number | null;
  readonly selectionEnd: number | null;
  setSelectionRange(start: number, end: number): void;
  readonly ownerDocument: { readonly defaultView: { readonly Event: typeof Event } | null } | null;
}

/** A field's state before a burst. */
export interface TextFieldSnapshot {
  readonly field: TextFieldLike;
  readonly value: string;
  readonly selectionStart: number | null;
  readonly selectionEnd: number | null;
}

/** The `<input>` or `<textarea>` an event is aimed at, or undefined for anything else. */
export function textFieldOf(target: EventTarget | null): TextFieldLike | undefined {
  const element = target as { tagName?: unknown; value?: unknown; setSelectionRange?: unknown } | null;
  if (!element || (element.tagName !== "INPUT" && element.tagName !== "TEXTAREA")) return undefined;
  return typeof element.value === "string" && typeof element.setSelectionRange === "function"
    ? (element as unknown as TextFieldLike)
    : undefined;
}

/** Whether keys aimed at `target` type into something: a text field or an editable element. */
export function isEditable(target: EventTarget | null): boolean {
  return (
    textFieldOf(target) !== undefined || (target as { isContentEditable?: unknown } | null)?.isContentEditable === true
  );
}

/** Notes a field's value and selection. */
export function snapshotTextField(field: TextFieldLike): TextFieldSnapshot {
  return { field, value: field.value, selectionStart: field.selectionStart, selectionEnd: field.selectionEnd };
}

/** Puts a field back as it was in `snapshot`, and `text` in place of what was selected then (default none). */
export function restoreTextField(snapshot: TextFieldSnapshot, text = ""): void {
  const { field, value, selectionStart, selectionEnd } = snapshot;
  // Inputs without a selection API (type "email", "number") report null: the text goes at the end.
  const start = selectionStart ?? value.length;
  const end = selectionEnd ?? start;
  const next = value.slice(0, start) + text + value.slice(end);
  if (field.value !== next) {
    setNativeValue(field, next);
    const EventConstructor = field.ownerDocument?.defaultView?.Event;
    if (EventConstructor) field.dispatchEvent(new EventConstructor("input", { bubbles: true }));
  }
  if (selectionStart === null) return;
  const caret = start + text.length;
  try {
    // Without text the old selection comes back; with text the caret goes after it, as after typing.
    if (text === "") field.setSelectionRange(selectionStart, selectionEnd ?? selectionStart);
    else field.setSelectionRange(caret, caret);
  } catch {
    // The input's type changed to one without a selection since the snapshot: the value is what matters.
  }
}

// React and similar libraries define `value` on the element itself to watch writes; the prototype's setter is the
// browser's own, and writing through it makes the following `input` event count as a change.
function setNativeValue(field: TextFieldLike, value: string): void {
  let owner: object | null = Object.getPrototypeOf(field);
  while (owner) {
    const descriptor = Object.getOwnPropertyDescriptor(owner, "value");
    if (descriptor?.set) {
      descriptor.set.call(field, value);
      return;
    }
    owner = Object.getPrototypeOf(owner);
  }
  field.value = value;
}
