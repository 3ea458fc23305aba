// The process side of scangate-feed: arguments, the real clock, exit code. No top-level await: tsup also builds
// this entry as CommonJS.
import { runFeedCli } from "./cli.js";

const io = {
  out: (text: string) => console.log(text),
  err: (text: string) => console.error(text),
  nowMs: () => Date.now(),
};
runFeedCli(process.argv.slice(2), io).then((exitCode) => {
  process.exitCode = exitCode;
});
