// The API reference (`typedoc.json`, written to docs/api by `pnpm api-docs`) must build from the packages' TSDoc:
// TypeDoc fails on a broken entry point, a type error in a package's source or an unreadable comment. Warnings
// (an unresolved {@link}) are allowed and printed by `pnpm api-docs`.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));

it("builds the API reference of all seven packages without an error", { timeout: 120_000 }, async () => {
  const { stdout, stderr } = await run(
    process.execPath,
    [`${root}node_modules/typedoc/bin/typedoc`, "--emit", "none", "--logLevel", "Verbose"],
    { cwd: root, timeout: 110_000 },
  );
  // A failing build exits non-zero (execFile rejects); a clean one converts and validates every entry point.
  const output = `${stdout}${stderr}`;
  expect(output).toMatch(/Finished conversion/);
  expect(output).toMatch(/Validation took/);
  expect(output).not.toMatch(/\[error\]/);
});
