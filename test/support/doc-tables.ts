// Keeps error-code tables in READMEs and docs honest: the codes a string-union type declares, and the codes a
// markdown table lists, read the same way in every package's docs test.
import { readFileSync } from "node:fs";

/** The UPPER_SNAKE members of `export type <typeName> = | "A" | "B" …;` in a source file, sorted. */
export function declaredCodes(sourceUrl: URL, typeName: string): string[] {
  const source = readFileSync(sourceUrl, "utf8");
  const declaration = new RegExp(`export type ${typeName} =([\\s\\S]*?);`).exec(source)?.[1] ?? "";
  return [...declaration.matchAll(/\| "([A-Z_]+)"/g)].map((match) => match[1] as string).sort();
}

/**
 * The codes in the first column of the markdown tables between the heading `from` and the text `to` (the end of
 * the file when absent), sorted. A row counts when its first cell is a code in backticks, however the table is
 * padded.
 */
export function documentedCodes(markdownUrl: URL, from: string, to?: string): string[] {
  const markdown = readFileSync(markdownUrl, "utf8");
  const start = markdown.indexOf(from);
  const end = to === undefined ? markdown.length : markdown.indexOf(to, start);
  const section = markdown.slice(start, end < 0 ? markdown.length : end);
  return [...section.matchAll(/^\| `([A-Z_]+)`\s*\|/gm)].map((match) => match[1] as string).sort();
}
