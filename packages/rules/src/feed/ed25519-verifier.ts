// Ed25519 signature checks, two ways. WebCrypto Ed25519 shipped late (Chrome/WebView 137, May 2025; Safari 17;
// Firefox 129; Node ≥ 18.4), and cheap Android phones at market stalls run older WebViews, so the pure-JS
// @noble/ed25519 verifier is the fallback (docs/research pos-domain.md §6.3). Verifying needs only the public
// key, so the fallback holds no secret.
import { verifyAsync } from "@noble/ed25519";

/** Checks an Ed25519 signature; resolves `false` (never rejects) for a wrong signature, key or length. */
export interface Ed25519Verifier {
  /** `"webcrypto"` or `"noble"`, for diagnostics. */
  readonly kind: string;
  /**
   * @param publicKey - raw 32-byte public key
   * @param signature - 64-byte detached signature
   * @param message - the exact bytes that were signed
   */
  verify(publicKey: Uint8Array, signature: Uint8Array, message: Uint8Array): Promise<boolean>;
}

type Bytes = Uint8Array<ArrayBuffer>;

/**
 * The WebCrypto verifier (`crypto.subtle` with `{ name: "Ed25519" }`).
 * @param subtle - the SubtleCrypto to use. @default globalThis.crypto.subtle
 */
export function webCryptoEd25519(subtle: SubtleCrypto = globalThis.crypto.subtle): Ed25519Verifier {
  return {
    kind: "webcrypto",
    async verify(publicKey, signature, message) {
      if (publicKey.length !== 32 || signature.length !== 64) return false;
      try {
        const key = await subtle.importKey("raw", publicKey as Bytes, { name: "Ed25519" }, false, ["verify"]);
        return await subtle.verify({ name: "Ed25519" }, key, signature as Bytes, message as Bytes);
      } catch {
        // A key that is not a point on the curve is refused by importKey: a wrong key, not a bug.
        return false;
      }
    },
  };
}

/** The pure-JS verifier (@noble/ed25519), for runtimes without Ed25519 in WebCrypto. */
export function nobleEd25519(): Ed25519Verifier {
  return {
    kind: "noble",
    async verify(publicKey, signature, message) {
      if (publicKey.length !== 32 || signature.length !== 64) return false;
      try {
        // zip215: false is RFC 8032's strict rule, the one WebCrypto implements, so both verifiers agree.
        return await verifyAsync(signature, message, publicKey, { zip215: false });
      } catch {
        // noble throws for a key or signature that does not decode to a curve point: a wrong input, not a bug.
        return false;
      }
    },
  };
}

/**
 * Picks WebCrypto when it can import an Ed25519 key, else the pure-JS fallback.
 * @param subtle - the SubtleCrypto to probe; `null` skips the probe. Both verifiers (and the feed's SHA-256 pins)
 * still need `crypto.subtle.digest`, which browsers offer only in secure contexts (HTTPS or localhost).
 * @default globalThis.crypto.subtle
 */
export async function detectEd25519Verifier(
  subtle: SubtleCrypto | null = globalThis.crypto?.subtle ?? null,
): Promise<Ed25519Verifier> {
  if (subtle === null) return nobleEd25519();
  try {
    // Any 32 bytes that decode to a point will do; this is the base point's encoding.
    const probe = new Uint8Array(32);
    probe[0] = 0x58;
    probe.fill(0x66, 1);
    await subtle.importKey("raw", probe, { name: "Ed25519" }, false, ["verify"]);
    return webCryptoEd25519(subtle);
  } catch {
    return nobleEd25519();
  }
}
