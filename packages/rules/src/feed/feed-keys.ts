// Node only: the publisher's Ed25519 keys. The private key stays a PKCS#8 PEM (what OpenSSL and every KMS export),
// the public key travels as raw 32 bytes in base64url with a key id, the form tills are configured with.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { toBase64Url } from "./base64url.js";
import type { TrustedKey } from "./manifest-schema.js";

/** A new publisher key pair: the secret as PKCS#8 PEM, and the public half as tills trust it. */
export interface FeedKeyPair {
  readonly privateKeyPem: string;
  readonly publicKey: TrustedKey;
}

/** A key id derived from the key itself ("ed25519-" + 16 base64url characters of its SHA-256), so ids never clash. */
export function keyIdFor(rawPublicKey: Uint8Array): string {
  return `ed25519-${toBase64Url(createHash("sha256").update(rawPublicKey).digest()).slice(0, 16)}`;
}

function trustedKeyOf(publicKey: KeyObject, keyId: string | undefined): TrustedKey {
  // The JWK `x` member of an OKP key is exactly the raw 32-byte public key in base64url (RFC 8037 §2).
  const x = publicKey.export({ format: "jwk" }).x;
  if (x === undefined) throw new TypeError("not an Ed25519 key");
  return { keyId: keyId ?? keyIdFor(Buffer.from(x, "base64url")), publicKey: x };
}

/**
 * Generates an Ed25519 key pair for signing a feed.
 * @param keyId - the id tills will know the key by. @default derived from the key (`keyIdFor`)
 */
export function generateFeedKeyPair(keyId?: string): FeedKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    privateKeyPem: privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
    publicKey: trustedKeyOf(publicKey, keyId),
  };
}

/**
 * The public key of a PKCS#8 PEM private key, as tills trust it.
 * @throws TypeError when the PEM is not an Ed25519 private key.
 */
export function trustedKeyFromPrivateKey(privateKeyPem: string, keyId?: string): TrustedKey {
  const privateKey = loadPrivateKey(privateKeyPem);
  return trustedKeyOf(createPublicKey(privateKey), keyId);
}

/** Parses a PKCS#8 PEM Ed25519 private key; throws TypeError for anything else (a publisher's own configuration). */
export function loadPrivateKey(privateKeyPem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(privateKeyPem);
  } catch (error) {
    throw new TypeError(`not a PEM private key: ${(error as Error).message}`);
  }
  if (key.asymmetricKeyType !== "ed25519") throw new TypeError(`an ${key.asymmetricKeyType} key, not Ed25519`);
  return key;
}
