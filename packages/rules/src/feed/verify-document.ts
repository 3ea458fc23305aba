// A snapshot or delta is trusted only because the signed manifest pins its SHA-256: check the hash over the exact
// bytes first, then the schema, then that the document is the one the manifest's entry describes.
import type { z } from "zod";
import { type FeedDelta, FeedDeltaSchema, type FeedSnapshot, FeedSnapshotSchema } from "./feed-document-schemas.js";
import { type FeedResult, feedError } from "./feed-errors.js";
import type { DeltaEntry, SnapshotEntry } from "./manifest-schema.js";
import { readJsonDocument } from "./read-json-document.js";
import { sha256Hex } from "./sha256.js";

/** HASH_MISMATCH when `bytes` are not the file the manifest entry pins (length and SHA-256). */
export async function checkPinned(
  bytes: Uint8Array,
  entry: { readonly file: string; readonly sha256: string; readonly bytes: number },
): Promise<FeedResult<Uint8Array>> {
  const found = await sha256Hex(bytes);
  if (bytes.length !== entry.bytes || found !== entry.sha256)
    return feedError("HASH_MISMATCH", `${entry.file} is not the file the manifest pins`, {
      file: entry.file,
      expected: `sha256 ${entry.sha256}, ${entry.bytes} bytes`,
      found: `sha256 ${found}, ${bytes.length} bytes`,
    });
  return { ok: true, value: bytes };
}

async function verifyPinned<Schema extends z.ZodType>(
  bytes: Uint8Array,
  entry: { readonly file: string; readonly sha256: string; readonly bytes: number },
  schema: Schema,
): Promise<FeedResult<z.infer<Schema>>> {
  const pinned = await checkPinned(bytes, entry);
  return pinned.ok ? readJsonDocument(bytes, schema, entry.file) : pinned;
}

/**
 * Verifies a snapshot file against its manifest entry.
 * @returns the snapshot, or HASH_MISMATCH or MALFORMED_DOCUMENT (also when its version is not the entry's).
 */
export async function verifySnapshot(bytes: Uint8Array, entry: SnapshotEntry): Promise<FeedResult<FeedSnapshot>> {
  const snapshot = await verifyPinned(bytes, entry, FeedSnapshotSchema);
  if (snapshot.ok && snapshot.value.version !== entry.version)
    return feedError("MALFORMED_DOCUMENT", `${entry.file} is version ${snapshot.value.version}, not ${entry.version}`, {
      file: entry.file,
      expected: String(entry.version),
      found: String(snapshot.value.version),
    });
  return snapshot;
}

/**
 * Verifies a delta file against its manifest entry.
 * @returns the delta, or HASH_MISMATCH or MALFORMED_DOCUMENT (also when its versions are not the entry's).
 */
export async function verifyDelta(bytes: Uint8Array, entry: DeltaEntry): Promise<FeedResult<FeedDelta>> {
  const delta = await verifyPinned(bytes, entry, FeedDeltaSchema);
  if (delta.ok && (delta.value.fromVersion !== entry.fromVersion || delta.value.toVersion !== entry.toVersion)) {
    const { fromVersion, toVersion } = delta.value;
    return feedError("MALFORMED_DOCUMENT", `${entry.file} goes ${fromVersion}→${toVersion}, not as the manifest says`, {
      file: entry.file,
      expected: `${entry.fromVersion}→${entry.toVersion}`,
      found: `${fromVersion}→${toVersion}`,
    });
  }
  return delta;
}
