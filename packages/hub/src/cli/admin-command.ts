// `scangate-hub notice …` and `scangate-hub policy …`: an HTTP client of a running hub's admin API, so notices and
// the store policy change the same way whether an operator types them or a script posts them.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { HubCliIo } from "./cli.js";
import type { ParsedArguments } from "./cli-arguments.js";

/** Runs `notice list | add <file> | close <id>` or `policy show | set <file>`; 0 done, 1 refused, 2 usage. */
export async function runAdminCommand(
  command: "notice" | "policy",
  { positional, flags }: ParsedArguments,
  io: HubCliIo,
): Promise<number> {
  const [action, argument] = positional;
  const hubUrl = (typeof flags.hub === "string" ? flags.hub : io.env.HUB_URL) ?? "http://127.0.0.1:8787/";
  const token = await adminToken(flags, io);
  if (token === undefined) {
    io.err("✗ INVALID_CONFIG: no admin token (--token, HUB_ADMIN_TOKEN or <data>/admin-token)");
    return 2;
  }
  const request = async (method: string, path: string, body?: string) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers["content-type"] = "application/json";
    const base = hubUrl.endsWith("/") ? hubUrl : `${hubUrl}/`;
    const response = await fetch(new URL(path, base), { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    (response.ok ? io.out : io.err)(response.ok ? text : `✗ ${response.status} ${text}`);
    return response.ok ? 0 : 1;
  };
  const sendFile = async (method: string, path: string, file: string) => {
    const body = await readFile(file, "utf8").catch(() => undefined);
    if (body !== undefined) return request(method, path, body);
    io.err(`✗ INVALID_CONFIG: cannot read ${file}`);
    return 2;
  };
  if (command === "policy") {
    if (action === "show") return request("GET", "admin/policy");
    if (action === "set" && argument !== undefined) return sendFile("PUT", "admin/policy", argument);
    io.err("✗ INVALID_CONFIG: use policy show | policy set <policy.json>");
    return 2;
  }
  if (action === "list") return request("GET", "admin/notices");
  if (action === "add" && argument !== undefined) return sendFile("POST", "admin/notices", argument);
  if (action === "close" && argument !== undefined) {
    const status = typeof flags.status === "string" ? flags.status : "closed";
    return request("POST", `admin/notices/${encodeURIComponent(argument)}/close`, JSON.stringify({ status }));
  }
  io.err("✗ INVALID_CONFIG: use notice list | notice add <notices.json> | notice close <id>");
  return 2;
}

async function adminToken(flags: ParsedArguments["flags"], io: HubCliIo): Promise<string | undefined> {
  if (typeof flags.token === "string") return flags.token;
  if (io.env.HUB_ADMIN_TOKEN !== undefined) return io.env.HUB_ADMIN_TOKEN;
  const dataDir = (typeof flags.data === "string" ? flags.data : io.env.HUB_DATA_DIR) ?? "./hub-data";
  return (await readFile(join(dataDir, "admin-token"), "utf8").catch(() => undefined))?.trim();
}
