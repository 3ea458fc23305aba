// Event ids: a name-based UUID (version 5, RFC 9562 §5.5) of the store GLN, the sale id and the line's position,
// as `urn:uuid:…` (CBV 2.0 §8.9.1 allows a UUID URI). The same sale line always gets the same eventID, so a retry,
// a re-record after a crash, or a second till replaying the outbox is one event to an idempotent receiver.
// Not the CBV event hash (`ni:///sha-256;…?ver=CBV2.0`): that hash covers the event's canonical content, and a sale
// line corrected later would get a new hash, where the UUID keeps naming the same line.
import { sha1 } from "./sha1.js";

/** ScanGate's UUID namespace for sale events (a random v4 UUID, fixed forever). */
export const SALE_EVENT_NAMESPACE = "3b1f6c2e-7d4a-4f3e-9a57-5c0e8d2b6a91";

const NAMESPACE_BYTES = Uint8Array.from(SALE_EVENT_NAMESPACE.replaceAll("-", "").match(/../g) ?? [], (pair) =>
  Number.parseInt(pair, 16),
);
const encoder = new TextEncoder();

/** `urn:uuid:<v5>` of `name` in `namespaceBytes` (16 bytes). */
export function uuidV5Urn(name: string, namespaceBytes: Uint8Array = NAMESPACE_BYTES): string {
  const nameBytes = encoder.encode(name);
  const input = new Uint8Array(namespaceBytes.length + nameBytes.length);
  input.set(namespaceBytes);
  input.set(nameBytes, namespaceBytes.length);
  const hash = sha1(input).subarray(0, 16);
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50; // version 5
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80; // RFC 9562 variant
  const hex = Array.from(hash, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The eventID of line `lineIndex` (from 0) of sale `saleId` recorded at the store `storeGln`. */
export function saleEventId(storeGln: string, saleId: string, lineIndex: number): string {
  return uuidV5Urn(`${storeGln}/${saleId}/${lineIndex}`);
}
