// One fresh database per test file on the run's throwaway cluster, so files running in parallel never share rows.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/** Creates an empty database and returns its URL. */
export async function createTestDatabase(): Promise<string> {
  const adminUrl = inject("hubPostgresUrl");
  const name = `hub_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}
