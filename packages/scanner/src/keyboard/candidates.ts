// Picks which reading of a burst the scanner meant. Each key is read twice: as the host's layout typed it, and as
// the US layout reads its physical key. They differ only when the scanner's keyboard country differs from the
// host's (a US-set scanner on an AZERTY till types "&" for "1"), and then mostly only one of them is valid data
// (research scanners.md §9.2 "Picking the candidate"). The winner also gets its AIM id split off and any
// configured GS substitute turned back into GS, where the data is GS1.
import { parse } from "@scangate/gs1";
import { splitAimPrefix } from "../aim-prefix.js";

/** Which reading of the keys to trust. */
export type KeyboardLayoutMode = "auto" | "os" | "us";

/** One reading, ready to become a scan. */
export interface Reading {
  readonly text: string;
  readonly symbology?: string;
  /** What was repaired, e.g. "layout:us-codes", "gs:substitute:|", "aim:leading-gs". */
  readonly normalizations: readonly string[];
  /** Whether the US reading was taken and differs from what the host typed. */
  readonly usCodesWon: boolean;
}

/** How to choose and clean up a reading. */
export interface ReadingOptions {
  readonly layout: KeyboardLayoutMode;
  /** Printable stand-ins the scanner sends for GS, e.g. ["|", "{GS}"]. */
  readonly gsSubstitutes: readonly string[];
  /** When both readings are equally valid, take the US one (the layouts were found to differ before). */
  readonly preferUsOnTie: boolean;
  /** The store's date "YYYY-MM-DD", for the GS1 parser's two-digit-year window. */
  readonly today: string;
}

/** The normalization of a scan whose US reading won over a different host reading. */
export const NOTE_LAYOUT_US_CODES = "layout:us-codes";

const GS = "\u001d";
// The AIM ids whose data is a GS1 element string (GS1 GenSpecs §5.1.2); a substitute is never replaced behind
// another id, so a "|" inside a plain QR Code's URL stays a "|".
const GS1_SYMBOLOGIES = new Set(["]C1", "]e0", "]d2", "]Q3", "]J1"]);

interface Candidate {
  readonly text: string;
  readonly symbology: string | undefined;
  readonly normalizations: string[];
  readonly score: number;
}

/**
 * Chooses the reading of a burst: in `"auto"` the one that is valid data (it parses as GS1, a GTIN or a Digital
 * Link; else it starts with an AIM id or is a URL), the host's on a tie unless `preferUsOnTie`.
 *
 * @example
 * chooseReading("$dé&)(...", "]d2010...", { layout: "auto", gsSubstitutes: [], preferUsOnTie: false, today });
 * // { symbology: "]d2", text: "010...", normalizations: ["layout:us-codes"], usCodesWon: true }
 */
export function chooseReading(hostText: string, usText: string, options: ReadingOptions): Reading {
  const differ = hostText !== usText;
  if (options.layout === "os" || (options.layout === "auto" && !differ))
    return reading(interpret(hostText, options), false);
  if (options.layout === "us") return reading(interpret(usText, options), differ);
  const host = interpret(hostText, options);
  const us = interpret(usText, options);
  const usWins = options.preferUsOnTie ? us.score >= host.score : us.score > host.score;
  return usWins ? reading(us, true) : reading(host, false);
}

function reading(candidate: Candidate, usCodesWon: boolean): Reading {
  const normalizations = usCodesWon ? [NOTE_LAYOUT_US_CODES, ...candidate.normalizations] : candidate.normalizations;
  const base = { text: candidate.text, normalizations, usCodesWon };
  return candidate.symbology === undefined ? base : { ...base, symbology: candidate.symbology };
}

function interpret(raw: string, options: ReadingOptions): Candidate {
  const { symbology, text } = splitAimPrefix(raw);
  const normalizations: string[] = [];
  // A decoder's rendering of FNC1 in first position: kept for the GS1 parser, which reads it so (aim-prefix.ts).
  if (symbology === undefined && text.startsWith(GS)) normalizations.push("aim:leading-gs");
  const gs1Options = { today: options.today, rcn: false } as const;
  let data = text;
  let parsed: boolean | undefined;
  for (const substitute of options.gsSubstitutes) {
    if (substitute === "" || !data.includes(substitute)) continue;
    const replaced = data.split(substitute).join(GS);
    const isGs1 = symbology === undefined ? parse(replaced, gs1Options).ok : GS1_SYMBOLOGIES.has(symbology);
    if (!isGs1) continue;
    data = replaced;
    parsed = symbology === undefined ? true : undefined;
    normalizations.push(`gs:substitute:${substitute}`);
  }
  parsed ??= parse((symbology ?? "") + data, gs1Options).ok;
  const score = parsed ? 3 : symbology !== undefined || /^https?:\/\//i.test(data) ? 2 : 1;
  return { text: data, symbology, normalizations, score };
}
