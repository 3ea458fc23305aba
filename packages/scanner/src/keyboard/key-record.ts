// What the keyboard-wedge core reads of one keydown. A `KeyboardEvent` already has every field of `KeyFields`, so
// the browser binding passes the event itself (no copy per key) and Node tests pass plain records.

/** The parts of a keydown the wedge core reads. */
export interface KeyFields {
  /** The character the host's layout made of the key ("&" for the "1" key on AZERTY), or a key name ("Enter"). */
  readonly key: string;
  /** The physical key, named for its place on a US keyboard ("Digit1", "BracketRight"), whatever the layout. */
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
  /** True for the auto-repeat of a held key, which no scanner sends. @default false */
  readonly repeat?: boolean;
}

/** One keydown and when it happened: the record Node tests feed the core. */
export interface KeyRecord extends KeyFields {
  /** When the key went down, epoch milliseconds on the wedge's scheduler clock. */
  readonly at: number;
}
