// The shape every input reader (element string, bracketed HRI, Digital Link) produces before values are typed.
import type { AiDefinition } from "./ai-table.js";

/** One AI and its data field exactly as encoded, with where it was found in the input. */
export interface RawElement {
  readonly ai: string;
  /** The AI's data field exactly as encoded (for a Digital Link: after percent-decoding). */
  readonly raw: string;
  /** Offset of the data field in the (normalised) input, for error positions. */
  readonly offset: number;
  /** The AI's definition, found once by the reader so that later steps need not look it up again. */
  readonly definition: AiDefinition;
}
