// scangate-gs1: prints how ScanGate reads a scan, for integrators debugging a scanner's settings.
//   scangate-gs1 "]d2010950600013435217261231<GS>10ABC123"        a table
//   scangate-gs1 --json "(01)09506000134352(17)261231"             the ParseResult as JSON
//   echo "]C1…" | scangate-gs1 -                                   read the scan from standard input
import { toDigitalLink, toHri } from "./format.js";
import type { Gs1Data } from "./gs1-data.js";
import { type ParseOptions, parse } from "./parse.js";

/** Where the CLI writes; injected so tests can read it. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = `Usage: scangate-gs1 [options] <scan | ->

Reads a scan the way @scangate/gs1 does and prints the result.
A GS (FNC1) can be typed as <GS>, {GS}, \\x1d or \\u001d; "-" reads the scan from standard input.

Options:
  --json              print the parse result as JSON
  --today YYYY-MM-DD  reference date for two-digit years (default: today)
  --strict            association-rule violations are errors
  --gs <text>         a keyboard-wedge substitute for GS (repeatable), e.g. --gs "|"
  --domain <url>      Digital Link domain for the printed URI (default https://id.gs1.org)
  --help              this text`;

const TYPED_GS = /<GS>|\{GS\}|\\x1d|\\u001d/gi;

/** Runs the CLI; returns the process exit code (0 read, 1 not GS1 / invalid, 2 usage). */
export function runCli(args: readonly string[], output: CliOutput, stdinText?: string): number {
  let json = false;
  let domain: string | undefined;
  const options: { today?: string; strict?: boolean; gsSubstitutes: string[] } = { gsSubstitutes: [] };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const value = (): string | undefined => args[++i];
    if (arg === "--help" || arg === "-h") {
      output.out(USAGE);
      return 0;
    } else if (arg === "--json") json = true;
    else if (arg === "--strict") options.strict = true;
    else if (arg === "--today") options.today = value() ?? "";
    else if (arg === "--gs") options.gsSubstitutes.push(value() ?? "");
    else if (arg === "--domain") domain = value();
    else if (arg.startsWith("--")) {
      output.err(`Unknown option ${arg}\n\n${USAGE}`);
      return 2;
    } else positional.push(arg);
  }
  const scanArgument = positional[0];
  if (positional.length !== 1 || scanArgument === undefined) {
    output.err(USAGE);
    return 2;
  }
  if (options.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.today)) {
    output.err(`--today takes a date as YYYY-MM-DD, not "${options.today}"`);
    return 2;
  }
  const scan = (scanArgument === "-" ? (stdinText ?? "") : scanArgument).replace(TYPED_GS, "\u001d");
  const result = parse(scan, options as ParseOptions);
  if (json) {
    output.out(JSON.stringify(result, null, 2));
    return result.ok ? 0 : 1;
  }
  if (!result.ok) {
    const { code, message } = result.error;
    output.err(`✗ ${code}: ${message}`);
    return 1;
  }
  output.out(describe(result.value, domain));
  return 0;
}

function describe(data: Gs1Data, domain: string | undefined): string {
  const rows = data.elements.map(({ ai, title, raw, value }) => [
    `(${ai})`,
    title,
    raw,
    typeof value === "object"
      ? `${value.decimal}${"unit" in value ? ` ${value.unit}` : ""}${"currency" in value && value.currency ? ` ${value.currency}` : ""}${value.kind === "percent" ? " %" : ""}`
      : String(value),
  ]);
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => (row[column] as string).length)));
  const lines = [`✓ ${data.source}${data.symbology ? ` (${data.symbology})` : ""}`];
  for (const row of rows)
    lines.push(
      `  ${row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join("  ")
        .trimEnd()}`,
    );
  lines.push(`  HRI: ${toHri(data)}`);
  const link = toDigitalLink(data, domain === undefined ? {} : { domain });
  if (link.ok) lines.push(`  Digital Link: ${link.value}`);
  for (const warning of data.warnings) lines.push(`  ! ${warning.code}: ${warning.message}`);
  return lines.join("\n");
}
