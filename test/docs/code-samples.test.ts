// "Every code sample in the docs is executed by a test." Each fenced block of docs/*.md in a code language is either
// marked `runnable` in its info string (```ts runnable, ```sh runnable) and executed here against real servers, or
// marked `illustration` (a fragment that needs a browser, a device or a secret). An unmarked code block fails.
// TypeScript samples are imported through vitest (the workspace packages resolve to their sources); shell samples
// run in bash in an empty temp folder with the BUILT command-line tools on PATH (`pnpm test` builds first; run
// `pnpm run build` before calling vitest directly).
import { execFile } from "node:child_process";
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { CODE_LANGUAGES, type CodeBlock, codeBlocks } from "./support/markdown-code.js";
import { startSampleWorld } from "./support/sample-world.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));
const docsDir = join(root, "docs");
// Inside the repository, so that imports of the workspace packages and fake-indexeddb resolve; a dot folder, so that
// neither tsc nor the packages' globs pick it up.
const samplesDir = join(root, "test", "docs", ".samples");
const SHELL = new Set(["sh", "bash", "shell"]);
const TS = new Set(["ts", "typescript"]);
const COMMANDS: Record<string, string> = {
  "scangate-feed": "packages/rules/bin/scangate-feed.mjs",
  "scangate-hub": "packages/hub/bin/scangate-hub.mjs",
  "scangate-gs1": "packages/gs1/bin/scangate-gs1.mjs",
};

const docFiles = (await readdir(docsDir)).filter((name) => name.endsWith(".md")).sort();
const blocks: CodeBlock[] = [];
for (const name of docFiles) blocks.push(...codeBlocks(`docs/${name}`, await readFile(join(docsDir, name), "utf8")));
const runnable = blocks.filter((block) => block.marks.includes("runnable"));
const where = (block: CodeBlock) => `${block.file}:${block.line}`;

afterAll(() => rm(samplesDir, { recursive: true, force: true }));

describe("the docs' code blocks", () => {
  it("are each marked runnable or illustration, in a language the test can run", () => {
    const problems: string[] = [];
    for (const block of blocks) {
      if (block.lang === "") problems.push(`${where(block)}: a fence without a language (use text, json, ts …)`);
      const runs = block.marks.includes("runnable");
      const shown = block.marks.includes("illustration");
      if (CODE_LANGUAGES.has(block.lang) && runs === shown)
        problems.push(`${where(block)}: ${block.lang} block must be marked either runnable or illustration`);
      if (runs && !TS.has(block.lang) && !SHELL.has(block.lang))
        problems.push(`${where(block)}: only ts and sh samples can be runnable`);
    }
    expect(problems).toEqual([]);
    expect(runnable.length).toBeGreaterThanOrEqual(7);
  });
});

async function withWorld<T>(use: (env: Record<string, string>) => Promise<T>): Promise<T> {
  const world = await startSampleWorld();
  try {
    return await use(world.env);
  } finally {
    await world.close();
  }
}

async function runTypeScript(block: CodeBlock, env: Record<string, string>): Promise<string[]> {
  await mkdir(samplesDir, { recursive: true });
  const file = join(samplesDir, `${basename(block.file, ".md")}-${block.line}.ts`);
  await writeFile(file, block.code);
  const saved = { ...process.env };
  const logged: string[] = [];
  const log = console.log;
  Object.assign(process.env, env);
  console.log = (...args: unknown[]) => {
    logged.push(args.map((arg) => (typeof arg === "string" ? arg : JSON.stringify(arg))).join(" "));
  };
  try {
    await import(/* @vite-ignore */ file);
  } finally {
    console.log = log;
    for (const key of Object.keys(env)) delete process.env[key];
    Object.assign(process.env, saved);
  }
  return logged;
}

async function runShell(block: CodeBlock, env: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "scangate-docs-sh-"));
  try {
    const bin = join(dir, ".bin");
    await mkdir(bin);
    for (const [name, script] of Object.entries(COMMANDS)) {
      await writeFile(join(bin, name), `#!/bin/sh\nexec "${process.execPath}" "${join(root, script)}" "$@"\n`);
      await chmod(join(bin, name), 0o755);
    }
    const { stdout } = await run("bash", ["-euo", "pipefail", "-c", block.code], {
      cwd: dir,
      env: { ...process.env, ...env, PATH: `${bin}:${process.env.PATH ?? ""}` },
      timeout: 30_000,
    });
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

it("type-checks every TypeScript sample against the packages' types", { timeout: 120_000 }, async () => {
  const dir = join(samplesDir, "typecheck");
  await mkdir(dir, { recursive: true });
  const samples = runnable.filter((block) => TS.has(block.lang));
  for (const block of samples)
    await writeFile(join(dir, `${basename(block.file, ".md")}-${block.line}.ts`), block.code);
  const tsconfig = { extends: "../../../../tsconfig.base.json", include: ["*.ts"] };
  await writeFile(join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  const result = await run(process.execPath, [tsc, "-p", dir], { cwd: root }).then(
    () => "",
    (error: { stdout?: string }) => error.stdout ?? String(error),
  );
  expect(result).toBe("");
  expect(samples.length).toBeGreaterThan(0);
});

describe("each runnable docs sample", () => {
  for (const block of runnable)
    it(`runs without an error: ${where(block)} (${block.lang})`, { timeout: 60_000 }, async () => {
      const output = await withWorld((env) =>
        TS.has(block.lang) ? runTypeScript(block, env).then((lines) => lines.join("\n")) : runShell(block, env),
      );
      // A sample proves its own result with assert; that it finished is what is checked here.
      expect(typeof output).toBe("string");
    });
});
