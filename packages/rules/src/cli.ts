// scangate-feed: makes and checks signed rule feeds, for a producer, a regulator's mirror or a retailer's IT.
//   scangate-feed keygen --out keys/                                  a signing key and its public key file
//   scangate-feed publish notices.json --out public/feed --key keys/feed-key.pem
//   scangate-feed verify public/feed --public-key keys/feed-key.pub.json   what a till would accept
import { access, chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { detectEd25519Verifier } from "./feed/ed25519-verifier.js";
import type { FeedError } from "./feed/feed-errors.js";
import { generateFeedKeyPair, trustedKeyFromPrivateKey } from "./feed/feed-keys.js";
import type { TrustedKey } from "./feed/manifest-schema.js";
import { publishFeed } from "./feed/publish-feed.js";
import { parseTrustedKeys } from "./feed/trusted-keys.js";
import { verifyDelta } from "./feed/verify-document.js";
import { verifyFeedUpdate } from "./feed/verify-feed-update.js";
import { parseRuleNotices } from "./schemas.js";

/** Where the CLI writes and what time it is; injected so tests can read the output and fix the clock. */
export interface FeedCliIo {
  out(text: string): void;
  err(text: string): void;
  /** The current time, epoch milliseconds. */
  nowMs(): number;
}

const USAGE = `Usage: scangate-feed <command> [options]

Commands:
  keygen --out <dir> [--key-id <id>]
      writes <dir>/feed-key.pem (PKCS#8, mode 0600: keep it secret) and <dir>/feed-key.pub.json (give it to tills)
  publish <notices.json> --out <dir> --key <feed-key.pem> [--key-id <id>] [--ttl-hours <n>]
      writes the next feed version into <dir>: snapshot, delta, manifest.json and manifest.json.sig
      (--ttl-hours: how long tills trust the manifest, default 24)
  verify <dir> --public-key <file> [--public-key <file> …] [--at <ISO 8601 instant>]
      checks <dir> the way a till does: signature, key, expiry, hashes and schemas of every file

Exit codes: 0 done, 1 refused (the reason's code is printed), 2 usage.`;

const PRIVATE_KEY_FILE = "feed-key.pem";
const PUBLIC_KEY_FILE = "feed-key.pub.json";
const HOUR_MS = 3_600_000;

type Parsed = { positional: string[]; options: Map<string, string[]> };

/** Runs the CLI; resolves to the process exit code (0 done, 1 refused, 2 usage). */
export async function runFeedCli(args: readonly string[], io: FeedCliIo): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === "--help" || command === "-h") {
    (command === undefined ? io.err : io.out)(USAGE);
    return command === undefined ? 2 : 0;
  }
  const parsed = parseArguments(rest);
  if (typeof parsed === "string") return usage(io, parsed);
  if (command === "keygen") return keygen(parsed, io);
  if (command === "publish") return publish(parsed, io);
  if (command === "verify") return verify(parsed, io);
  return usage(io, `Unknown command ${command}`);
}

async function keygen({ positional, options }: Parsed, io: FeedCliIo): Promise<number> {
  const outDir = single(options, "--out");
  if (outDir === undefined || positional.length > 0) return usage(io, "keygen takes --out <dir>");
  const privatePath = join(outDir, PRIVATE_KEY_FILE);
  if (await exists(privatePath)) {
    io.err(`✗ ${privatePath} exists; keygen never overwrites a key`);
    return 1;
  }
  const { privateKeyPem, publicKey } = generateFeedKeyPair(single(options, "--key-id"));
  await mkdir(outDir, { recursive: true });
  // mode applies only when the file is created; chmod covers a umask that widened it.
  await writeFile(privatePath, privateKeyPem, { mode: 0o600, flag: "wx" });
  await chmod(privatePath, 0o600);
  await writeFile(join(outDir, PUBLIC_KEY_FILE), `${JSON.stringify(publicKey, null, 2)}\n`);
  io.out(
    `✓ key ${publicKey.keyId}\n  private: ${privatePath} (keep secret)\n  public:  ${join(outDir, PUBLIC_KEY_FILE)}`,
  );
  return 0;
}

async function publish({ positional, options }: Parsed, io: FeedCliIo): Promise<number> {
  const outDir = single(options, "--out");
  const keyPath = single(options, "--key");
  const ttlHours = Number(single(options, "--ttl-hours") ?? "24");
  const [noticesPath] = positional;
  if (noticesPath === undefined || positional.length > 1 || outDir === undefined || keyPath === undefined)
    return usage(io, "publish takes <notices.json> --out <dir> --key <feed-key.pem>");
  if (!(ttlHours > 0)) return usage(io, "--ttl-hours takes a positive number");
  let json: unknown;
  try {
    json = JSON.parse(await readFile(noticesPath, "utf8"));
  } catch (error) {
    io.err(`✗ ${noticesPath}: ${(error as Error).message}`);
    return 1;
  }
  const notices = parseRuleNotices(json);
  if (!notices.ok) {
    io.err(`✗ ${noticesPath}: ${notices.error.code}: ${notices.error.message}`);
    return 1;
  }
  const privateKeyPem = await readFile(keyPath, "utf8");
  let keyId: string;
  try {
    keyId = single(options, "--key-id") ?? trustedKeyFromPrivateKey(privateKeyPem).keyId;
  } catch (error) {
    io.err(`✗ ${keyPath}: ${(error as Error).message}`);
    return 1;
  }
  const published = await publishFeed({
    notices: notices.value,
    privateKeyPem,
    keyId,
    outDir,
    nowMs: io.nowMs(),
    manifestTtlMs: ttlHours * HOUR_MS,
  });
  if (!published.ok) return refused(io, published.error);
  const { manifest, files } = published.value;
  io.out(
    `✓ version ${manifest.version}, ${notices.value.length} notices, signed by ${keyId}, expires ${manifest.expiresAt}\n` +
      files.map((file) => `  ${join(outDir, file)}`).join("\n"),
  );
  return 0;
}

async function verify({ positional, options }: Parsed, io: FeedCliIo): Promise<number> {
  const [feedDir] = positional;
  const keyPaths = options.get("--public-key") ?? [];
  const at = single(options, "--at");
  const nowMs = at === undefined ? io.nowMs() : Date.parse(at);
  if (feedDir === undefined || positional.length > 1 || keyPaths.length === 0)
    return usage(io, "verify takes <dir> --public-key <file>");
  if (Number.isNaN(nowMs)) return usage(io, `--at takes an ISO 8601 instant, not "${at}"`);
  const keys: TrustedKey[] = [];
  for (const path of keyPaths) {
    const parsed = parseTrustedKeys(await readFile(path), path);
    if (!parsed.ok) return refused(io, parsed.error);
    keys.push(...parsed.value);
  }
  const readFeedFile = (file: string) => readFile(join(feedDir, file)).catch(() => undefined);
  const update = await verifyFeedUpdate({
    readFile: readFeedFile,
    keys,
    nowMs,
    verifier: await detectEd25519Verifier(),
  });
  if (!update.ok) return refused(io, update.error);
  // A till only reads the deltas after its own version; check them all, so a broken old delta shows up here.
  for (const entry of update.value.manifest.deltas) {
    const delta = await verifyDelta((await readFeedFile(entry.file)) ?? new Uint8Array(), entry);
    if (!delta.ok) return refused(io, delta.error);
  }
  const { manifest, state } = update.value;
  io.out(
    `✓ version ${manifest.version}: ${state.notices.length} notices, ${manifest.deltas.length} deltas, ` +
      `issued ${manifest.issuedAt}, expires ${manifest.expiresAt}`,
  );
  return 0;
}

function parseArguments(args: readonly string[]): Parsed | string {
  const positional: string[] = [];
  const options = new Map<string, string[]>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith("--")) positional.push(arg);
    else if (!["--out", "--key", "--key-id", "--ttl-hours", "--public-key", "--at"].includes(arg))
      return `Unknown option ${arg}`;
    else {
      const value = args[++i];
      if (value === undefined) return `${arg} takes a value`;
      options.set(arg, [...(options.get(arg) ?? []), value]);
    }
  }
  return { positional, options };
}

function single(options: Map<string, string[]>, name: string): string | undefined {
  return options.get(name)?.at(-1);
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

function usage(io: FeedCliIo, problem: string): number {
  io.err(`${problem}\n\n${USAGE}`);
  return 2;
}

function refused(io: FeedCliIo, error: FeedError): number {
  io.err(`✗ ${error.code}: ${error.message}`);
  return 1;
}
