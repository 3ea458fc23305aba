// The process side of scangate-hub: arguments, environment, signals, exit code. No top-level await: tsup also
// builds this entry as CommonJS.
import { runHubCli } from "./cli/cli.js";
import { systemClock } from "./clock.js";

const stopped = new Promise<void>((resolve) => {
  process.once("SIGINT", () => resolve());
  process.once("SIGTERM", () => resolve());
});

runHubCli(process.argv.slice(2), {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
  env: process.env,
  untilStopped: () => stopped,
  clock: systemClock,
}).then(
  (exitCode) => {
    // Nothing is left running (the hub closed its socket, timers and storage), so Node exits with this code.
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
