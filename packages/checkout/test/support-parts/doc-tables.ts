// Reads error codes out of a TypeScript union and out of a Markdown table, so a test can hold the docs to the code.
import { readFileSync } from "node:fs";

/** The `"UPPER_SNAKE"` members of `export type <name> = | "A" | "B";` in the source file at `sourceUrl`. */
export function unionCodes(sourceUrl: URL, name: string): string[] {
  const source = readFileSync(sourceUrl, "utf8");
  const declaration = new RegExp(`export type ${name} =([\\s\\S]*?);`).exec(source)?.[1] ?? "";
  return [...declaration.matchAll(/\| "([A-Z_]+)"/g)].map((match) => match[1] ?? "").sort();
}

/** The codes in the first column (`` | `CODE` | ``) of the Markdown at `docsUrl`, from heading `from` to `to`. */
export function tableCodes(docsUrl: URL, from: string, to?: string): string[] {
  const docs = readFileSync(docsUrl, "utf8");
  const start = docs.indexOf(from);
  const section = docs.slice(start, to === undefined ? undefined : docs.indexOf(to, start + from.length));
  return [...section.matchAll(/^\| `([A-Z_]+)` +\|/gm)].map((match) => match[1] ?? "").sort();
}
