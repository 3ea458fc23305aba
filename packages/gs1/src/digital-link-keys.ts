// The key-qualifier rule of GS1 Digital Link (URI Syntax §4.9 "Path element order"; the dictionary's `dlpkey`
// attribute): after a primary key the path may carry qualifiers from ONE of the key's alternative sequences
// (e.g. (01): "22,10,21" or "235"), any of them left out, the rest in that sequence's order.

/** A primary key's alternative qualifier sequences, as `AiDefinition.dlQualifierSequences` holds them. */
export type QualifierSequences = readonly (readonly string[])[];

/** Whether the path's qualifiers (in path order) are an in-order selection from one of the key's sequences. */
export function isValidQualifierPath(sequences: QualifierSequences, qualifiers: readonly string[]): boolean {
  return sequences.some((sequence) => isInOrderSelection(qualifiers, sequence));
}

/**
 * Whether an AI found in the query string is a qualifier that belongs in the path: the GS1 Syntax Engine's test
 * (dl.c `gs1_parseDLuri`) is that inserting it among the path's qualifiers gives a valid path. So (10) is
 * refused in the query of `/01/…` and `/01/…/21/…`, but allowed after `/01/…/235/…` and with other keys, e.g.
 * (00).
 */
export function qualifierBelongsInPath(
  sequences: QualifierSequences,
  pathQualifiers: readonly string[],
  ai: string,
): boolean {
  return sequences.some((sequence) => sequence.includes(ai) && isInOrderSelection(pathQualifiers, sequence));
}

/** The sequences as people write them, for messages: "(22)(10)(21) or (235)". */
export function describeQualifierSequences(sequences: QualifierSequences): string {
  const written = sequences.filter((sequence) => sequence.length > 0).map((sequence) => `(${sequence.join(")(")})`);
  return written.length === 0 ? "no qualifiers" : written.join(" or ");
}

function isInOrderSelection(items: readonly string[], sequence: readonly string[]): boolean {
  let at = 0;
  for (const item of items) {
    while (at < sequence.length && sequence[at] !== item) at++;
    if (at === sequence.length) return false;
    at++;
  }
  return true;
}
