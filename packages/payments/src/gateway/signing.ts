// HMAC-SHA256 request signing with WebCrypto (crypto.subtle), so the same client signs in browsers and in Node ≥ 20.
// The key is imported once per gateway client; signing is async because WebCrypto is.
import { canonicalString } from "./protocol.js";

/** Signs canonical strings with one merchant secret. */
export interface RequestSigner {
  /** Hex HMAC-SHA256 of the canonical string of this request. */
  sign(method: string, path: string, timestamp: string, nonce: string, body: string): Promise<string>;
}

/** A signer for `secret` (UTF-8), using `subtle` (default: the platform's WebCrypto). */
export function createRequestSigner(secret: string, subtle: SubtleCrypto = globalThis.crypto.subtle): RequestSigner {
  const encoder = new TextEncoder();
  let key: Promise<CryptoKey> | undefined;
  return {
    async sign(method, path, timestamp, nonce, body) {
      key ??= subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
      const mac = await subtle.sign(
        "HMAC",
        await key,
        encoder.encode(canonicalString(method, path, timestamp, nonce, body)),
      );
      return Array.from(new Uint8Array(mac), (byte) => byte.toString(16).padStart(2, "0")).join("");
    },
  };
}
