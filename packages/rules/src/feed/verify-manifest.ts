// The manifest check a till runs before trusting anything in a feed (pos-domain.md §6.2): signature over the raw
// bytes as served (never re-serialised JSON), by a trusted key, then the schema, then anti-freeze and
// anti-rollback. The order matters: nothing in an unsigned document is read except the signature file.
import { fromBase64Url } from "./base64url.js";
import type { Ed25519Verifier } from "./ed25519-verifier.js";
import { type FeedResult, feedError } from "./feed-errors.js";
import {
  type FeedManifest,
  FeedManifestSchema,
  ManifestSignaturesSchema,
  type TrustedKey,
  TrustedKeySchema,
} from "./manifest-schema.js";
import { readJsonDocument } from "./read-json-document.js";

/** What a till needs to judge a manifest. */
export interface VerifyManifestOptions {
  /** The public keys this till trusts; several during a key rotation. */
  readonly keys: readonly TrustedKey[];
  /** The current time, epoch milliseconds (injected: library code never reads the clock). */
  readonly nowMs: number;
  /** The feed version the till holds, or `0` when it holds none. An older manifest is a ROLLBACK. */
  readonly heldVersion: number;
  /** Which Ed25519 implementation to use; see `detectEd25519Verifier`. */
  readonly verifier: Ed25519Verifier;
}

/**
 * Verifies `manifest.json` against its detached `manifest.json.sig`.
 *
 * @returns the manifest, or BAD_SIGNATURE, UNKNOWN_KEY, MALFORMED_DOCUMENT, MANIFEST_EXPIRED or ROLLBACK.
 * A manifest at exactly `heldVersion` is accepted: it is how a publisher extends the expiry with nothing new.
 * @throws TypeError when a trusted key is not a `TrustedKey` (the till's configuration, not feed input).
 * @example
 * const result = await verifyManifest(manifestBytes, signatureBytes, {
 *   keys: [{ keyId: "k2026", publicKey: "…43 base64url characters…" }],
 *   nowMs: clock.now(), heldVersion: held?.version ?? 0, verifier: await detectEd25519Verifier(),
 * });
 * if (!result.ok) keepServingLastGoodRules(result.error);
 */
export async function verifyManifest(
  manifestBytes: Uint8Array,
  signatureBytes: Uint8Array,
  options: VerifyManifestOptions,
): Promise<FeedResult<FeedManifest>> {
  const trusted = new Map(options.keys.map((key) => [key.keyId, publicKeyBytes(key)]));
  const signatures = readJsonDocument(signatureBytes, ManifestSignaturesSchema, "manifest.json.sig");
  if (!signatures.ok) {
    const { message, file, issues = [] } = signatures.error;
    return feedError("BAD_SIGNATURE", message, { ...(file === undefined ? {} : { file }), issues });
  }
  const byTrustedKeys = signatures.value.signatures.filter(({ keyId }) => trusted.has(keyId));
  if (byTrustedKeys.length === 0)
    return feedError("UNKNOWN_KEY", "manifest.json is not signed by any trusted key", {
      file: "manifest.json.sig",
      expected: [...trusted.keys()].join(", "),
      found: signatures.value.signatures.map(({ keyId }) => keyId).join(", "),
    });
  const verified = await someSignatureVerifies(byTrustedKeys, trusted, manifestBytes, options.verifier);
  if (!verified)
    return feedError("BAD_SIGNATURE", "no trusted key's signature verifies over manifest.json", {
      file: "manifest.json",
      found: byTrustedKeys.map(({ keyId }) => keyId).join(", "),
    });

  const manifest = readJsonDocument(manifestBytes, FeedManifestSchema, "manifest.json");
  if (!manifest.ok) return manifest;
  const { version, expiresAt } = manifest.value;
  if (Date.parse(expiresAt) <= options.nowMs)
    return feedError("MANIFEST_EXPIRED", `manifest.json expired at ${expiresAt}`, {
      file: "manifest.json",
      expected: `after ${new Date(options.nowMs).toISOString()}`,
      found: expiresAt,
    });
  if (version < options.heldVersion)
    return feedError("ROLLBACK", `manifest.json is version ${version}, older than the held ${options.heldVersion}`, {
      file: "manifest.json",
      expected: `>= ${options.heldVersion}`,
      found: String(version),
    });
  return manifest;
}

async function someSignatureVerifies(
  signatures: readonly { keyId: string; signature: string }[],
  trusted: ReadonlyMap<string, Uint8Array>,
  manifestBytes: Uint8Array,
  verifier: Ed25519Verifier,
): Promise<boolean> {
  for (const { keyId, signature } of signatures) {
    const publicKey = trusted.get(keyId);
    const signatureBytes = fromBase64Url(signature);
    if (publicKey && signatureBytes && (await verifier.verify(publicKey, signatureBytes, manifestBytes))) return true;
  }
  return false;
}

function publicKeyBytes(key: TrustedKey): Uint8Array {
  const decoded = TrustedKeySchema.safeParse(key).success ? fromBase64Url(key.publicKey) : undefined;
  if (decoded?.length !== 32)
    throw new TypeError(`trusted key ${String(key?.keyId)} is not { keyId, publicKey: 32 bytes as base64url }`);
  return decoded;
}
