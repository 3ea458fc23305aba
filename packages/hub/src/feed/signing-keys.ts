// The feed's signing keys live in <dataDir>/keys, never in the repository: feed-key.pem signs (PKCS#8, mode 0600),
// trusted-keys.json lists the public keys tills should trust. Rotation is two steps, because a till refuses a
// manifest signed by a key it does not know yet: `prepare` makes next-key.pem and lists it next to the active key
// (give that list to the tills), `activate` makes it the signing key and keeps the old one listed until tills drop it.
import { chmod, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { TrustedKey } from "@scangate/rules";
import { generateFeedKeyPair, trustedKeyFromPrivateKey } from "@scangate/rules/feed-publisher";

const ACTIVE = "feed-key.pem";
const NEXT = "next-key.pem";
const TRUSTED = "trusted-keys.json";

/** The key a publish signs with. */
export interface SigningKey {
  readonly privateKeyPem: string;
  readonly keyId: string;
}

/** Where a rotation stands: the active key id, the prepared next one, and every key tills should trust. */
export interface KeyStatus {
  readonly activeKeyId: string;
  readonly nextKeyId?: string;
  readonly trustedKeys: readonly TrustedKey[];
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

async function writeSecret(path: string, pem: string): Promise<void> {
  await writeFile(`${path}.tmp`, pem, { mode: 0o600 });
  await chmod(`${path}.tmp`, 0o600);
  await rename(`${path}.tmp`, path);
}

async function writeTrusted(keysDir: string, keys: readonly TrustedKey[]): Promise<void> {
  const unique = keys.filter((key, index) => keys.findIndex((other) => other.keyId === key.keyId) === index);
  await writeFile(join(keysDir, `${TRUSTED}.tmp`), `${JSON.stringify(unique, null, 2)}\n`);
  await rename(join(keysDir, `${TRUSTED}.tmp`), join(keysDir, TRUSTED));
}

async function readTrusted(keysDir: string): Promise<TrustedKey[]> {
  const text = await readOptional(join(keysDir, TRUSTED));
  return text === undefined ? [] : (JSON.parse(text) as TrustedKey[]);
}

/** The active signing key; generated (with its trusted-keys.json) on first use. */
export async function activeSigningKey(keysDir: string): Promise<SigningKey> {
  const pem = await readOptional(join(keysDir, ACTIVE));
  if (pem !== undefined) return { privateKeyPem: pem, keyId: trustedKeyFromPrivateKey(pem).keyId };
  await mkdir(keysDir, { recursive: true, mode: 0o700 });
  const pair = generateFeedKeyPair();
  await writeSecret(join(keysDir, ACTIVE), pair.privateKeyPem);
  await writeTrusted(keysDir, [pair.publicKey]);
  return { privateKeyPem: pair.privateKeyPem, keyId: pair.publicKey.keyId };
}

/** The keys and the rotation state. */
export async function keyStatus(keysDir: string): Promise<KeyStatus> {
  const active = await activeSigningKey(keysDir);
  const next = await readOptional(join(keysDir, NEXT));
  const trustedKeys = await readTrusted(keysDir);
  const base = { activeKeyId: active.keyId, trustedKeys };
  return next === undefined ? base : { ...base, nextKeyId: trustedKeyFromPrivateKey(next).keyId };
}

/** Rotation step 1: a next key, listed as trusted next to the active one (it signs nothing yet). */
export async function prepareKeyRotation(keysDir: string): Promise<KeyStatus> {
  const active = await activeSigningKey(keysDir);
  if ((await readOptional(join(keysDir, NEXT))) === undefined) {
    const pair = generateFeedKeyPair();
    await writeSecret(join(keysDir, NEXT), pair.privateKeyPem);
    await writeTrusted(keysDir, [
      trustedKeyFromPrivateKey(active.privateKeyPem),
      ...(await readTrusted(keysDir)),
      pair.publicKey,
    ]);
  }
  return keyStatus(keysDir);
}

/** Rotation step 2: the prepared key signs from now on; the old one moves to keys/retired and stays trusted. */
export async function activateKeyRotation(keysDir: string): Promise<KeyStatus | undefined> {
  const next = await readOptional(join(keysDir, NEXT));
  if (next === undefined) return undefined;
  const active = await activeSigningKey(keysDir);
  await mkdir(join(keysDir, "retired"), { recursive: true, mode: 0o700 });
  await writeSecret(join(keysDir, "retired", `${active.keyId}.pem`), active.privateKeyPem);
  await rename(join(keysDir, NEXT), join(keysDir, ACTIVE));
  return keyStatus(keysDir);
}
