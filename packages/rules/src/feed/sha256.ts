// SHA-256 through WebCrypto, which every runtime the till targets has (unlike Ed25519, see ed25519-verifier.ts).

/** The SHA-256 of bytes as 64 lowercase hex digits, the form the manifest pins. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
