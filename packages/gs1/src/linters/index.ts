// Placeholder until the linters land: every GS1 Syntax Test named by the dictionary, by name.
import type { Linter } from "./types.js";

export const LINTERS: Readonly<Record<string, Linter>> = {};
