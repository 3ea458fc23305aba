// Picks the storage implementation named in the options.
import { join } from "node:path";
import type { StorageOption } from "../hub-options.js";
import type { HubStorage } from "./hub-storage.js";
import { postgresStorage } from "./postgres-storage.js";
import { sqliteStorage } from "./sqlite-storage.js";

/** Opens the configured storage; SQLite lives at dataDir/hub.sqlite. */
export async function openStorage(option: StorageOption, dataDir: string): Promise<HubStorage> {
  if (option.kind === "postgres") return postgresStorage({ url: option.url });
  return sqliteStorage({ file: join(dataDir, "hub.sqlite") });
}
