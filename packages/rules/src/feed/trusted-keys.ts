// Reading a till's or a CLI user's trusted-key file. A key file is one `{ keyId, publicKey }` (as keygen writes)
// or an array of them (a rotation: old and new key side by side).
import { z } from "zod";
import { fromBase64Url } from "./base64url.js";
import { type FeedResult, feedError } from "./feed-errors.js";
import { type TrustedKey, TrustedKeySchema } from "./manifest-schema.js";
import { readJsonDocument } from "./read-json-document.js";

const TrustedKeyFileSchema = z.union([TrustedKeySchema, z.array(TrustedKeySchema).min(1)]);

/**
 * Parses a trusted-key file.
 * @returns the keys, or MALFORMED_DOCUMENT when it is not JSON of that shape or a key is not 32 bytes.
 */
export function parseTrustedKeys(bytes: Uint8Array, file = "public key file"): FeedResult<TrustedKey[]> {
  const parsed = readJsonDocument(bytes, TrustedKeyFileSchema, file);
  if (!parsed.ok) return parsed;
  const keys = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
  const bad = keys.find((key) => fromBase64Url(key.publicKey)?.length !== 32);
  if (bad !== undefined)
    return feedError("MALFORMED_DOCUMENT", `${file}: key ${bad.keyId} is not 32 bytes of base64url`, {
      file,
      found: bad.publicKey,
    });
  return { ok: true, value: keys };
}
