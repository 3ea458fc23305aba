// The shape every input reader (element string, bracketed HRI, Digital Link) produces before values are typed.

/** One AI and its data field exactly as encoded, with where it was found in the input. */
export interface RawElement {
  readonly ai: string;
  /** The AI's data field exactly as encoded (for a Digital Link: after percent-decoding). */
  readonly raw: string;
  /** Offset of the data field in the (normalised) input, for error positions. */
  readonly offset: number;
}
