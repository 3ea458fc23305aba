// Command-line arguments and environment variables, read with zod into typed options (INVALID_CONFIG otherwise).
// Flags win over the environment: HUB_DATA_DIR, HUB_PORT, HUB_HOST, HUB_POSTGRES_URL, HUB_ADMIN_TOKEN, HUB_URL.
import { z } from "zod";
import { type HubError, hubError, issuesError, type Result } from "../errors.js";

/** Flags (without the leading "--") and positional arguments. */
export interface ParsedArguments {
  readonly positional: readonly string[];
  readonly flags: Readonly<Record<string, string | true>>;
}

const VALUE_FLAGS = new Set(["data", "port", "host", "postgres", "admin-token", "hub", "token", "status"]);
const SWITCHES = new Set(["activate", "help"]);

/** Splits `--name value` / `--name=value` / switches from positional arguments. */
export function splitArguments(args: readonly string[]): Result<ParsedArguments, HubError> {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (SWITCHES.has(name)) flags[name] = true;
    else if (VALUE_FLAGS.has(name)) {
      const value = inline ?? args[index + 1];
      if (value === undefined) return { ok: false, error: hubError("INVALID_CONFIG", `--${name} needs a value`) };
      if (inline === undefined) index += 1;
      flags[name] = value;
    } else return { ok: false, error: hubError("INVALID_CONFIG", `unknown option --${name}`) };
  }
  return { ok: true, value: { positional, flags } };
}

const ServerArgumentsSchema = z.object({
  dataDir: z.string().min(1).default("./hub-data"),
  port: z.coerce.number().int().min(0).max(65_535).default(8787),
  host: z.string().min(1).default("127.0.0.1"),
  postgres: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "a postgres:// URL")
    .optional(),
  adminToken: z.string().min(16).optional(),
});
/** What `start` and `seed-demo` run with. */
export type ServerArguments = z.infer<typeof ServerArgumentsSchema>;

/** start / seed-demo / rotate-key options from flags and environment. */
export function serverArguments(
  flags: ParsedArguments["flags"],
  env: Readonly<Record<string, string | undefined>>,
): Result<ServerArguments, HubError> {
  const pick = (flag: string, variable: string) => {
    const value = flags[flag];
    return typeof value === "string" ? value : env[variable];
  };
  const parsed = ServerArgumentsSchema.safeParse({
    dataDir: pick("data", "HUB_DATA_DIR"),
    port: pick("port", "HUB_PORT"),
    host: pick("host", "HUB_HOST"),
    postgres: pick("postgres", "HUB_POSTGRES_URL"),
    adminToken: pick("admin-token", "HUB_ADMIN_TOKEN"),
  });
  if (!parsed.success)
    return { ok: false, error: issuesError("INVALID_CONFIG", "invalid options", parsed.error.issues) };
  return { ok: true, value: parsed.data };
}
