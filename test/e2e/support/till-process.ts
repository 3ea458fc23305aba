// The suite's handle on a till running as its own Node process (till-main.ts). The entry is bundled once by
// esbuild, with every package left external, into node_modules/.cache so that Node resolves @scangate/* to their
// built dist (the suite needs `pnpm build` first, as the hub process does).
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { TillConfig } from "./till.js";
import type { TillAsk, TillMessage, TillReplies, TillRequest } from "./till-messages.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const entry = fileURLToPath(new URL("./till-main.ts", import.meta.url));
const bundle = `${root}node_modules/.cache/scangate-e2e/till-main.mjs`;

let built: Promise<string> | undefined;
/** Bundles till-main.ts (once per test run) and returns the file to run. */
function tillEntry(): Promise<string> {
  built ??= build({
    entryPoints: [entry],
    outfile: bundle,
    bundle: true,
    packages: "external",
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "warning",
  }).then(() => bundle);
  return built;
}

/** A running till process. */
export interface TillProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** The lines of the open basket the till found again when it started (0 for a fresh start). */
  readonly resumedLines: number;
  /** Serves one customer; resolves with the lines the gate blocked. */
  serve(customer: number): Promise<TillReplies["serve"]>;
  /** Scans two items and resolves with the basket open. */
  startSale(): Promise<TillReplies["startSale"]>;
  /** Starts a wallet payment whose customer is still typing, and resolves while it is in flight. */
  startWalletPayment(): Promise<TillReplies["startWalletPayment"]>;
  /** Finishes open payments, delivers every sale, and lists the journal. */
  settle(): Promise<TillReplies["settle"]>;
  /** Sale events not yet acknowledged by the hub. */
  pendingUploads(): Promise<TillReplies["pendingUploads"]>;
  /** The rule-feed version the till holds (undefined before its first feed). */
  feedVersion(): Promise<number | undefined>;
  /** SIGKILL: no clean-up of any kind. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** Resolves when the process has exited, however. */
  readonly exited: Promise<void>;
}

/** Starts till `config.name` and waits until it has recovered and resumed; feed error codes go to `feedErrors`. */
export async function spawnTill(config: TillConfig, feedErrors: string[]): Promise<TillProcess> {
  const child = fork(await tillEntry(), [JSON.stringify(config)], {
    // Not the test runner's flags (its "@scangate/source" condition would load TypeScript sources): plain Node.
    execArgv: [],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let ready: (resumedLines: number) => void = () => undefined;
  const started = new Promise<number>((resolve, reject) => {
    ready = resolve;
    void exited.then(() => reject(new Error(`till ${config.name} exited before it was ready`)));
  });
  child.on("message", (message: TillMessage) => {
    if (message.type === "ready") ready(message.resumedLines);
    else if (message.type === "feedError") feedErrors.push(message.code);
    else {
      const request = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.ok) request?.resolve(message.value);
      else request?.reject(new Error(`till ${config.name}: ${message.error}`));
    }
  });
  void exited.then(() => {
    for (const request of waiting.values()) request.reject(new Error(`till ${config.name} was killed`));
    waiting.clear();
  });
  let nextId = 0;
  const ask = <A extends TillAsk>(question: A): Promise<TillReplies[A["type"]]> =>
    new Promise((resolve, reject) => {
      if (child.exitCode !== null || child.signalCode !== null) return reject(new Error(`till ${config.name} is gone`));
      const id = ++nextId;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ ...question, id } satisfies TillRequest);
    });
  const resumedLines = await started;
  return {
    name: config.name,
    child,
    resumedLines,
    serve: (customer) => ask({ type: "serve", customer }),
    startSale: () => ask({ type: "startSale" }),
    startWalletPayment: () => ask({ type: "startWalletPayment" }),
    settle: () => ask({ type: "settle" }),
    pendingUploads: () => ask({ type: "pendingUploads" }),
    feedVersion: async () => (await ask({ type: "feedVersion" })) ?? undefined, // JSON has no undefined
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
    exited,
  };
}
