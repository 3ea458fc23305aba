// Finds the fenced code blocks of a markdown file. The fence's info string carries the docs' convention: a language
// first, then `runnable` (executed by test/docs/code-samples.test.ts) or `illustration` (shown, never run).

/** One fenced block. */
export interface CodeBlock {
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The language word of the info string (`""` when there is none). */
  readonly lang: string;
  /** The other words of the info string (`runnable`, `illustration`). */
  readonly marks: readonly string[];
  readonly code: string;
}

/** Languages that are code (and so must be either executed or marked as illustration); others are data or text. */
export const CODE_LANGUAGES: ReadonlySet<string> = new Set([
  "ts",
  "typescript",
  "tsx",
  "js",
  "javascript",
  "mjs",
  "jsx",
  "sh",
  "bash",
  "shell",
  "console",
  "zsh",
]);

const FENCE = /^(\s*)(`{3,}|~{3,})(.*)$/;

/** Every fenced block of `text`, in order. An unclosed fence runs to the end of the file, as CommonMark reads it. */
export function codeBlocks(file: string, text: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = text.split("\n");
  let open: { fence: string; line: number; info: string; body: string[] } | undefined;
  lines.forEach((lineText, index) => {
    const match = FENCE.exec(lineText);
    if (open === undefined) {
      if (match) open = { fence: match[2] ?? "", line: index + 1, info: (match[3] ?? "").trim(), body: [] };
      return;
    }
    const closes = match && (match[2] ?? "").startsWith(open.fence) && (match[3] ?? "").trim() === "";
    if (!closes) {
      open.body.push(lineText);
      return;
    }
    blocks.push(blockOf(file, open));
    open = undefined;
  });
  if (open !== undefined) blocks.push(blockOf(file, open));
  return blocks;
}

function blockOf(file: string, open: { line: number; info: string; body: string[] }): CodeBlock {
  const [lang = "", ...marks] = open.info.split(/\s+/).filter((word) => word !== "");
  return { file, line: open.line, lang, marks, code: `${open.body.join("\n")}\n` };
}
