// The WebCrypto and the pure-JS verifier must give the same answer for every input, or a till's verdict would
// depend on its browser version; and nothing a feed server sends can make verification throw.
import { sign } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromBase64Url, toBase64Url } from "../src/feed/base64url.js";
import { detectEd25519Verifier, nobleEd25519, webCryptoEd25519 } from "../src/feed/ed25519-verifier.js";
import { loadPrivateKey } from "../src/feed/feed-keys.js";
import { sha256Hex } from "../src/feed/sha256.js";
import { parseTrustedKeys } from "../src/feed/trusted-keys.js";
import { verifyDelta, verifySnapshot } from "../src/feed/verify-document.js";
import { verifyManifest } from "../src/feed/verify-manifest.js";
import { NOW_MS, publisherKey } from "./feed-helpers.js";

const webCrypto = webCryptoEd25519();
const noble = nobleEd25519();
const privateKey = loadPrivateKey(publisherKey.privateKeyPem);
const publicKey = fromBase64Url(publisherKey.publicKey.publicKey) as Uint8Array;
const PROPERTY = { seed: 20261129, numRuns: 150 };

describe("the two Ed25519 verifiers", () => {
  it("accept the same signatures and refuse the same tampering", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom("none", "key", "signature", "message"),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (message, target, position, mask) => {
          const signature = new Uint8Array(sign(null, message, privateKey));
          const inputs = { key: Uint8Array.from(publicKey), signature, message: Uint8Array.from(message) };
          if (target !== "none" && inputs[target].length > 0) {
            const bytes = inputs[target];
            bytes[position % bytes.length] = (bytes[position % bytes.length] as number) ^ mask;
          }
          const expected = target === "none" || (target === "message" && message.length === 0);
          const answers = await Promise.all(
            [webCrypto, noble].map((verifier) => verifier.verify(inputs.key, inputs.signature, inputs.message)),
          );
          expect(answers).toEqual([expected, expected]);
        },
      ),
      PROPERTY,
    );
  });

  it("refuse, without throwing, keys and signatures of the wrong length or off the curve", async () => {
    const message = new TextEncoder().encode("manifest");
    const signature = new Uint8Array(sign(null, message, privateKey));
    const cases: Array<[Uint8Array, Uint8Array]> = [
      [publicKey.slice(1), signature],
      [publicKey, signature.slice(1)],
      [new Uint8Array(32).fill(0xff), signature],
      [new Uint8Array(0), new Uint8Array(0)],
    ];
    for (const [key, sig] of cases) {
      expect(await webCrypto.verify(key, sig, message)).toBe(false);
      expect(await noble.verify(key, sig, message)).toBe(false);
    }
  });

  it("agree on arbitrary keys, signatures and messages", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ minLength: 64, maxLength: 64 }),
        fc.uint8Array({ maxLength: 64 }),
        async (key, signature, message) => {
          expect(await webCrypto.verify(key, signature, message)).toBe(await noble.verify(key, signature, message));
        },
      ),
      PROPERTY,
    );
  });
});

describe("choosing a verifier", () => {
  it("uses WebCrypto where it has Ed25519 (Node 20, Chrome 137, Safari 17, Firefox 129)", async () => {
    expect((await detectEd25519Verifier()).kind).toBe("webcrypto");
  });

  it("falls back to @noble/ed25519 where WebCrypto lacks Ed25519 or is missing", async () => {
    const withoutEd25519 = {
      importKey: () => Promise.reject(new DOMException("Unrecognized name.", "NotSupportedError")),
    } as unknown as SubtleCrypto;
    expect((await detectEd25519Verifier(withoutEd25519)).kind).toBe("noble");
    expect((await detectEd25519Verifier(null)).kind).toBe("noble");
  });
});

describe("verifying arbitrary bytes", () => {
  const anyBytes = fc.oneof(
    fc.uint8Array({ maxLength: 200 }),
    fc.json().map((json) => new TextEncoder().encode(json)),
    fc
      .record({ format: fc.constant("scangate-feed-signatures/1"), signatures: fc.array(fc.anything()) })
      .map((json) => new TextEncoder().encode(JSON.stringify(json))),
  );

  it("never throws and never accepts a manifest", async () => {
    await fc.assert(
      fc.asyncProperty(anyBytes, anyBytes, fc.constantFrom(webCrypto, noble), async (manifest, signature, verifier) => {
        const options = { keys: [publisherKey.publicKey], verifier, nowMs: NOW_MS, heldVersion: 0 };
        const result = await verifyManifest(manifest, signature, options);
        expect(result.ok).toBe(false);
      }),
      PROPERTY,
    );
  });

  it("never throws for a snapshot or delta, even when the hash matches", async () => {
    await fc.assert(
      fc.asyncProperty(anyBytes, async (bytes) => {
        const pin = { file: "f.json", sha256: await sha256Hex(bytes), bytes: bytes.length };
        expect((await verifySnapshot(bytes, { ...pin, version: 1 })).ok).toBe(false);
        expect((await verifyDelta(bytes, { ...pin, fromVersion: 1, toVersion: 2 })).ok).toBe(false);
        expect(parseTrustedKeys(bytes).ok).toBe(false);
      }),
      PROPERTY,
    );
  });

  it("reads base64url back to the same bytes, and refuses any other text", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70 }), (bytes) => {
        expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
      }),
      PROPERTY,
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        const bytes = fromBase64Url(text);
        if (bytes !== undefined) expect(toBase64Url(bytes)).toBe(text);
      }),
      PROPERTY,
    );
    expect(toBase64Url(Uint8Array.from([0xfb, 0xff]))).toBe("-_8");
    expect(fromBase64Url("-_9")).toBeUndefined(); // non-zero trailing bits: a second spelling of the same bytes
    expect(fromBase64Url("AAAA=")).toBeUndefined();
  });
});
