// The README's error table must list exactly the codes of HubErrorCode, each with the status the hub answers.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HTTP_STATUS } from "../src/errors.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const errorsSource = readFileSync(new URL("../src/errors.ts", import.meta.url), "utf8");

describe("README.md", () => {
  it("lists every hub error code with its HTTP status, and no other", () => {
    const declaration = /export type HubErrorCode =([\s\S]*?);\n/.exec(errorsSource)?.[1] ?? "";
    const codes = [...declaration.matchAll(/\| "([A-Z_]+)"/g)].map((match) => match[1]).sort();
    const table = readme.slice(readme.indexOf("## Errors"), readme.indexOf("## CLI"));
    const rows = [...table.matchAll(/^\| `([A-Z_]+)` +\| (\d{3}|—) +\|/gm)].map(
      (match) => [match[1], match[2]] as const,
    );
    expect(codes.length).toBe(16);
    expect(rows.map(([code]) => code).sort()).toEqual(codes);
    for (const [code, status] of rows)
      if (code !== "INVALID_CONFIG")
        expect({ code, status: Number(status) }).toEqual({
          code,
          status: HTTP_STATUS[code as keyof typeof HTTP_STATUS],
        });
  });
});
