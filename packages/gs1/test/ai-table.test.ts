import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { aiLengthForPrefix, allAis, lookupAi } from "../src/ai-table.js";

const packageRoot = fileURLToPath(new URL("..", import.meta.url));
const dictionary = readFileSync(new URL("../../../../shared/data/gs1-syntax-dictionary.txt", import.meta.url), "utf8");

describe("the AI table generated from the GS1 Syntax Dictionary", () => {
  it("is up to date with the dictionary", () => {
    const output = execFileSync(process.execPath, ["scripts/generate-ai-table.mjs", "--check"], {
      cwd: packageRoot,
      encoding: "utf8",
    });
    expect(output).toContain("up to date");
  });

  it("keeps the dictionary's copyright and licence header, as Apache-2.0 asks", () => {
    const generated = readFileSync(`${packageRoot}/src/generated/ai-dictionary.ts`, "utf8");
    expect(generated).toContain("// # Copyright (c) 2021-2025 GS1 AISBL");
    expect(generated).toContain('// # Licensed under the Apache License, Version 2.0 (the "License");');
  });

  it("defines all 541 AIs of the dictionary's 224 entries, with its flags and attributes", () => {
    const entries = dictionary.split("\n").filter((line) => /^\d/.test(line));
    expect(entries).toHaveLength(224);
    const ais = allAis();
    expect(ais).toHaveLength(541);
    const definitions = ais.map((ai) => lookupAi(ai));
    expect(definitions.filter((d) => d?.predefinedLength)).toHaveLength(337);
    expect(definitions.filter((d) => d?.dlDataAttribute)).toHaveLength(525);
    expect(definitions.filter((d) => d?.dlQualifierSequences)).toHaveLength(16);
  });

  it("reads components, linters, requisites, exclusions and Digital Link key sequences", () => {
    expect(lookupAi("01")).toMatchObject({
      title: "GTIN",
      predefinedLength: true,
      components: [{ charset: "N", minLength: 14, maxLength: 14, optional: false, linters: ["csum", "gcppos2"] }],
      excludes: ["255", "37"],
      dlQualifierSequences: [["22", "10", "21"], ["235"]],
    });
    expect(lookupAi("253")?.components).toEqual([
      { charset: "N", minLength: 13, maxLength: 13, optional: false, linters: ["csum", "gcppos1"] },
      { charset: "X", minLength: 1, maxLength: 17, optional: true, linters: [] },
    ]);
    expect(lookupAi("250")?.requires).toEqual([
      [
        ["01", "21"],
        ["03", "21"],
        ["8006", "21"],
      ],
    ]);
    expect(lookupAi("3103")).toMatchObject({
      title: "NET WEIGHT (kg)",
      excludes: ["310n"],
      minLength: 6,
      maxLength: 6,
    });
    expect(lookupAi("8030")?.components[0]?.charset).toBe("Z");
    expect(lookupAi("99")?.maxLength).toBe(90);
    expect(lookupAi("3106")).toBeUndefined();
  });

  it("gives every AI sharing two leading digits the same length (GenSpecs §3.2)", () => {
    for (const ai of allAis()) expect(aiLengthForPrefix(ai.slice(0, 2))).toBe(ai.length);
    expect(aiLengthForPrefix("01")).toBe(2);
    expect(aiLengthForPrefix("42")).toBe(3);
    expect(aiLengthForPrefix("80")).toBe(4);
    expect(aiLengthForPrefix("05")).toBeUndefined();
  });
});
