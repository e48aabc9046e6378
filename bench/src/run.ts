/**
 * `npm run bench [-- [--quick] [row …]]`: runs the benchmark rows (all, or those named), prints a table on
 * stdout and writes the report to bench/results.json (bench/results.quick.json with --quick, so a smoke run
 * never overwrites a full one). Progress goes to stderr.
 *
 * Benchmarks are not tests: a missed target is reported, not failed on. The exit code is 1 only when a row
 * could not be measured honestly (a baseline that disagrees with the subject, a crash), so `--quick` keeps
 * the rows from rotting.
 */
import { writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { loadAverage, machine } from "./lib/machine.js";
import { FULL_PLAN, QUICK_PLAN } from "./lib/measure.js";
import { type RowResult, table } from "./lib/report.js";
import type { Row } from "./lib/row.js";
import { appendPostgresRow } from "./rows/append-postgres.js";
import { appendSqliteRow } from "./rows/append-sqlite.js";
import { assessRow } from "./rows/assess.js";
import { httpRow } from "./rows/http.js";
import { statisticsRow } from "./rows/statistics.js";
import { tuiStartRow } from "./rows/tui-start.js";
import { verifyRow } from "./rows/verify.js";
import { webRow } from "./rows/web.js";

const ROWS: ReadonlyArray<Row> = [
  assessRow,
  appendSqliteRow,
  appendPostgresRow,
  verifyRow,
  httpRow,
  statisticsRow,
  tuiStartRow,
  webRow,
];

const usage = `usage: npm run bench -- [--quick] [row …]
rows: ${ROWS.map((r) => r.id).join(", ")}
  --quick   each row briefly (smoke); writes bench/results.quick.json
`;

const main = async (): Promise<number> => {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(usage);
    return 0;
  }
  const quick = args.includes("--quick");
  const named = args.filter((a) => !a.startsWith("--"));
  const unknown = named.filter((n) => !ROWS.some((r) => r.id === n));
  if (unknown.length > 0) {
    process.stderr.write(`unknown row(s): ${unknown.join(", ")}\n${usage}`);
    return 2;
  }
  const selected = named.length === 0 ? ROWS : ROWS.filter((r) => named.includes(r.id));
  const plan = quick ? QUICK_PLAN : FULL_PLAN;
  const host = machine();
  const log = (message: string) => process.stderr.write(`${message}\n`);
  log(
    `bench: ${quick ? "quick (smoke) run" : "full run"} on ${host.cpuModel}, ${host.cores} cores, Node ${host.node}; load ${host.loadAverageAtStart.join(" ")}`,
  );

  const started = new Date();
  const results: Array<RowResult> = [];
  for (const row of selected) {
    const startedAt = new Date().toISOString();
    const t0 = performance.now();
    log(`— ${row.id}: ${row.title}`);
    let outcome: Awaited<ReturnType<Row["run"]>>;
    try {
      outcome = await row.run({ quick, plan, machine: host, log });
    } catch (error) {
      outcome = {
        status: "failed",
        reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        checks: [],
        notes: error instanceof Error && error.stack ? [error.stack] : [],
      };
    }
    results.push({
      id: row.id,
      title: row.title,
      unit: row.unit,
      machine: host,
      startedAt,
      durationMs: Math.round(performance.now() - t0),
      plan,
      ...outcome,
    });
  }

  const report = {
    kind: "liuhen-bench",
    mode: quick ? "quick" : "full",
    date: started.toISOString(),
    machine: host,
    loadAverageAtEnd: loadAverage(),
    rows: results,
  };
  const out = fileURLToPath(new URL(quick ? "../results.quick.json" : "../results.json", import.meta.url));
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);

  process.stdout.write(
    `Liuhen benchmarks, ${report.mode} run, ${report.date}\n` +
      `machine: ${host.cpuModel}, ${host.cores} cores (${host.availableParallelism} available), Node ${host.node}, ${host.platform} ${host.arch}; load ${host.loadAverageAtStart.join(" ")} → ${report.loadAverageAtEnd.join(" ")}\n\n` +
      `${table(results)}\n\n` +
      results
        .filter((r) => r.status === "measured" || r.status === "failed" || r.status === "skipped")
        .map((r) => `${r.id}: ${r.title}\n${r.notes.map((n) => `  - ${n}`).join("\n")}`)
        .join("\n") +
      `\n\nreport: ${out}\n`,
  );
  return results.some((r) => r.status === "failed") ? 1 : 0;
};

process.exitCode = await main();
