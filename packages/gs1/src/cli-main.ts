// The process side of scangate-gs1: arguments, standard input, exit code.
import { runCli } from "./cli.js";

const args = process.argv.slice(2);
const output = { out: (text: string) => console.log(text), err: (text: string) => console.error(text) };
if (args.includes("-")) {
  readStandardInput().then((stdinText) => {
    process.exitCode = runCli(args, output, stdinText);
  });
} else {
  process.exitCode = runCli(args, output);
}

async function readStandardInput(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("latin1")
    .replace(/[\r\n]+$/, "");
}
