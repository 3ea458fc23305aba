// docs/camera.md must list exactly the status codes and options the code has.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
const cameraDoc = read("../docs/camera.md");

/** The string literals of a union type declared in a source file. */
function unionMembers(file: string, typeName: string): string[] {
  const declaration = new RegExp(`export type ${typeName} =([\\s\\S]*?);\\n`).exec(read(file))?.[1] ?? "";
  return [...declaration.matchAll(/\| "([^"]+)"/g)].map((match) => match[1] as string).sort();
}

/** The field names of an interface declared in a source file. */
function interfaceFields(file: string, interfaceName: string): string[] {
  const body = new RegExp(`export interface ${interfaceName} \\{([\\s\\S]*?)\\n\\}`).exec(read(file))?.[1] ?? "";
  return [...body.matchAll(/^ {2}readonly (\w+)\??:/gm)].map((match) => match[1] as string).sort();
}

/** The `code` cells in the first column of the first table after a heading. */
function firstColumn(heading: string): string[] {
  const start = cameraDoc.indexOf(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const lines = cameraDoc.slice(start).split("\n").slice(1);
  const table = lines.slice(lines.findIndex((line) => line.startsWith("|")));
  const rows = table.slice(
    0,
    table.findIndex((line) => !line.startsWith("|")),
  );
  return rows.flatMap((row) => /^\| `([^`]+)`/.exec(row)?.[1] ?? []).sort();
}

describe("docs/camera.md", () => {
  it("lists every status diagnostic code, and no other", () => {
    const codes = unionMembers("../src/camera/camera-diagnostics.ts", "CameraDiagnosticCode");
    expect(codes.length).toBeGreaterThan(5);
    expect(firstColumn("### Status codes")).toEqual(codes);
  });

  it("lists every camera() option, and no other", () => {
    const options = interfaceFields("../src/camera/camera.ts", "CameraOptions");
    expect(options.length).toBeGreaterThan(8);
    expect(firstColumn("## `camera(video, options)`")).toEqual(options);
  });
});
