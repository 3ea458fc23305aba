// startHub's options, validated with zod: the CLI and environment variables end up here too, so one schema
// decides what a valid configuration is.
import type { FastifyServerOptions } from "fastify";
import { z } from "zod";
import type { Clock } from "./clock.js";
import { type HubError, issuesError, type Result } from "./errors.js";

/** Where the hub keeps its data. */
export type StorageOption = { readonly kind: "sqlite" } | { readonly kind: "postgres"; readonly url: string };

/** Options of {@link startHub}. */
export interface StartHubOptions {
  /** The SQLite file (hub.sqlite), the signing keys (keys/), the published feed (feed/) and the generated admin
   * token (admin-token) live here; created when missing. */
  readonly dataDir: string;
  /** TCP port; 0 picks a free one. @default 8787 */
  readonly port?: number;
  /** Interface to listen on. @default "127.0.0.1" */
  readonly host?: string;
  /** @default { kind: "sqlite" } (dataDir/hub.sqlite) */
  readonly storage?: StorageOption;
  /** An admin token to accept (e.g. from a secret store). Without it, the first start generates one into
   * dataDir/admin-token (mode 0600). */
  readonly adminToken?: string;
  /** Body limit of POST /capture and POST /events, bytes. @default 5 MiB */
  readonly maxBodyBytes?: number;
  /** Most events in one capture document (GS1-EPCIS-Capture-Limit). @default 10000 */
  readonly maxEventsPerCapture?: number;
  /** How long tills may trust a published manifest, ms; the hub re-publishes every quarter of it. @default 24 h */
  readonly manifestTtlMs?: number;
  /** Fastify's logger: `false` for none, `true` for JSON lines (pino) on stdout, or pino options. @default true */
  readonly logger?: FastifyServerOptions["logger"];
  /** Where time comes from. @default the system clock */
  readonly clock?: Clock;
}

const StorageSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("sqlite") }),
  z.object({ kind: z.literal("postgres"), url: z.string().regex(/^postgres(ql)?:\/\//, "a postgres:// URL") }),
]);

const OptionsSchema = z.object({
  dataDir: z.string().min(1),
  port: z.int().min(0).max(65_535).default(8787),
  host: z.string().min(1).default("127.0.0.1"),
  storage: StorageSchema.default({ kind: "sqlite" }),
  adminToken: z.string().min(16, "an admin token has at least 16 characters").optional(),
  maxBodyBytes: z
    .int()
    .min(1024)
    .max(1024 ** 3)
    .default(5 * 1024 * 1024),
  maxEventsPerCapture: z.int().min(1).max(1_000_000).default(10_000),
  manifestTtlMs: z
    .int()
    .min(60_000)
    .default(24 * 3_600_000),
});

/** StartHubOptions with every default filled in. */
export type HubConfig = z.infer<typeof OptionsSchema> & Pick<StartHubOptions, "logger" | "clock">;

/** Validates options (from code, the CLI or the environment). INVALID_CONFIG names each bad field. */
export function parseHubOptions(options: StartHubOptions): Result<HubConfig, HubError> {
  const { logger, clock, ...plain } = options;
  const parsed = OptionsSchema.safeParse(plain);
  if (!parsed.success)
    return { ok: false, error: issuesError("INVALID_CONFIG", "invalid hub options", parsed.error.issues) };
  return {
    ok: true,
    value: { ...parsed.data, ...(logger === undefined ? {} : { logger }), ...(clock === undefined ? {} : { clock }) },
  };
}
