// Side-by-side benchmark tables: ScanGate and its peers measured in the same run, with ratios.
import { Bench } from "tinybench";

/**
 * Runs one group of tasks that do the same job and prints µs per operation, ops/s and each task's
 * ratio to the first task (ScanGate's): "3.20×" means the task is 3.2 times slower than ScanGate.
 * @param {string} title what the tasks do
 * @param {Array<[string, () => unknown]>} tasks name and function; the first is the baseline
 * @param {{ timeMs?: number }} [options]
 * @returns {Promise<Array<{ name: string, microsPerOp: number, ratio: number }>>}
 */
export async function compare(title, tasks, { timeMs = 500 } = {}) {
  const bench = new Bench({ time: timeMs, warmupTime: 100 });
  for (const [name, fn] of tasks) bench.add(name, fn);
  await bench.run();
  const rows = bench.tasks.map((task) => {
    const result = task.result;
    if (result?.state !== "completed") throw new Error(`benchmark "${task.name}" did not complete`);
    return { name: task.name, microsPerOp: result.latency.mean * 1000, p99Micros: result.latency.p99 * 1000 };
  });
  const baseline = rows[0]?.microsPerOp ?? 1;
  const withRatios = rows.map((row) => ({ ...row, ratio: row.microsPerOp / baseline }));
  console.log(`### ${title}`);
  console.table(
    Object.fromEntries(
      withRatios.map((row) => [
        row.name,
        {
          "µs/op": row.microsPerOp.toFixed(3),
          "p99 µs": row.p99Micros.toFixed(3),
          "ops/s": Math.round(1e6 / row.microsPerOp).toLocaleString("en"),
          "× ScanGate": `${row.ratio.toFixed(2)}×`,
        },
      ]),
    ),
  );
  return withRatios;
}
