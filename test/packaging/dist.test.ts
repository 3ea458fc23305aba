// The built packages (not the sources the other tests use) must load in a plain Node process, as ESM and as CJS.
// `pnpm test` builds before running vitest; run `pnpm run build` first when calling vitest directly.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const packageFolders = readdirSync(`${root}/packages`).sort();

it("loads every built package with import and with require in plain Node", () => {
  const output = execFileSync(process.execPath, ["examples/workspace-tour/tour.mjs", "--json"], {
    cwd: root,
    encoding: "utf8",
  });
  const rows: Array<{ package: string; esmExports: number; cjsExports: number }> = JSON.parse(output);
  expect(rows.map((row) => row.package)).toEqual(packageFolders.map((folder) => `@scangate/${folder}@0.0.0`));
  for (const row of rows) expect(row.cjsExports).toBe(row.esmExports);
});

it("runs the built scangate-gs1 command", () => {
  const output = execFileSync(
    process.execPath,
    ["packages/gs1/bin/scangate-gs1.mjs", "--json", "(01)09506000134352(17)261231"],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  expect(JSON.parse(output)).toMatchObject({ ok: true, value: { gtin: "09506000134352", expiry: "2026-12-31" } });
});
