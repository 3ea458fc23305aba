// The docs' links: every relative link in docs/*.md points at something that exists, and docs/index.md links every
// guide in docs/ and every package README and package guide, so a newcomer can reach each page from the index.
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const docsDir = join(root, "docs");
// Written by tools, so they may not exist in a fresh checkout: `pnpm bench` and `pnpm api-docs`.
const GENERATED = new Set(["docs/benchmarks.md", "docs/api"]);

const LINK = /\]\(([^)\s]+)\)/g;

/** The relative link targets of a markdown text, without #anchors, as repository paths. */
function linkTargets(file: string, text: string): string[] {
  const withoutCode = text.replace(/^```[^\n]*\n[\s\S]*?^```/gm, "");
  return [...withoutCode.matchAll(LINK)]
    .map((match) => match[1] ?? "")
    .filter((target) => !/^[a-z]+:/i.test(target) && !target.startsWith("#"))
    .map((target) => relative(root, join(dirname(join(root, file)), decodeURI(target.split("#")[0] ?? ""))));
}

const docFiles = (await readdir(docsDir)).filter((name) => name.endsWith(".md")).map((name) => `docs/${name}`);

it("has no relative link in docs/ that points at a missing file", async () => {
  const broken: string[] = [];
  for (const file of docFiles)
    for (const target of linkTargets(file, await readFile(join(root, file), "utf8")))
      if (!GENERATED.has(target) && !existsSync(join(root, target))) broken.push(`${file} → ${target}`);
  expect(broken).toEqual([]);
});

it("links every guide and every package doc from docs/index.md", async () => {
  const linked = new Set(linkTargets("docs/index.md", await readFile(join(docsDir, "index.md"), "utf8")));
  const packages = await readdir(join(root, "packages"));
  const expected = [...docFiles.filter((file) => file !== "docs/index.md"), "docs/benchmarks.md"];
  for (const name of packages) {
    expected.push(`packages/${name}/README.md`);
    const guides = join(root, "packages", name, "docs");
    if (existsSync(guides))
      for (const guide of await readdir(guides))
        if (guide.endsWith(".md")) expected.push(`packages/${name}/docs/${guide}`);
  }
  expect(expected.filter((file) => !linked.has(file))).toEqual([]);
});
