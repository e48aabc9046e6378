/**
 * Row `verify`: `liuhen verify FILE --key KEY --json`, the real built command (apps/tui/bin/liuhen.js) in a
 * child process, on a genuine export of a generated log (1,000,000 events; 5,000 with --quick), against
 * SHA-256 of the same file's bytes streamed the same way (node:crypto, in a child process too).
 *
 * Targets (issue 9): at least 0.5 of the raw hashing rate, and a peak memory under 150 MB, as a streaming
 * verifier should have whatever the size of the log.
 *
 * Every run of the command must report the file Verified, with the size, head and checkpoint count the
 * generator computed: a run that does not fails the row (a wrong file would measure nothing), and so does a
 * baseline that did not hash the bytes the generator wrote.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type GeneratedExport, writeExportFile } from "../corpus/export-file.js";
import { type ChildRun, distFile, runNode } from "../lib/child.js";
import { liuhenBin } from "../lib/liuhen-bin.js";
import { median } from "../lib/measure.js";
import { type Amount, type Figure, formatRate, limitCheck, ratioCheck } from "../lib/report.js";
import type { Row, RowOutcome } from "../lib/row.js";

export const EXPORT_SEED = "liuhen-verify-export-1";
const FULL_EVENTS = 1_000_000;
/** Few: the command's start-up alone takes seconds, and the smoke run must stay short. */
const QUICK_EVENTS = 5_000;
/** A full run's rounds: each verifies the whole file once (minutes at a million events). */
const FULL_ROUNDS = 3;
const QUICK_ROUNDS = 1;
const TARGET_VS_RAW = 0.5;
/** Peak memory limit, MB (10^6 bytes: the stricter reading of "150 MB"). */
const TARGET_PEAK_MB = 150;
const MB = 1e6;

const excerpt = (run: ChildRun) =>
  `exit ${run.code ?? run.signal}; stdout: ${run.stdout.slice(0, 1500)}; stderr: ${run.stderr.slice(0, 1500)}`;

/** The command's JSON report must be the verdict the generator expects, or nothing was measured. */
const checkVerified = (run: ChildRun, file: GeneratedExport): void => {
  let report: Record<string, unknown>;
  try {
    report = JSON.parse(run.stdout) as Record<string, unknown>;
  } catch {
    throw new Error(`liuhen verify did not print a JSON report: ${excerpt(run)}`);
  }
  const expected = {
    _tag: "Verified",
    agencyId: file.agencyId,
    treeSize: file.events,
    rootHash: file.rootHash,
    checkpoints: file.checkpoints,
    keySource: "argument",
  };
  const wrong = Object.entries(expected).filter(([k, v]) => report[k] !== v);
  if (run.code !== 0 || wrong.length > 0 || (report.notes as ReadonlyArray<string>)?.length !== 0) {
    throw new Error(
      `liuhen verify did not verify the generated export (${wrong.map(([k, v]) => `${k}: ${JSON.stringify(report[k])}, expected ${JSON.stringify(v)}`).join("; ") || "notes or exit code"}): ${excerpt(run)}`,
    );
  }
};

interface Contender {
  readonly name: string;
  readonly run: () => Promise<ChildRun>;
}

/** A rate figure from child runs: `amount` counted per run (MB, events) over wall clock and child CPU time. */
const childFigure = (
  label: string,
  runs: ReadonlyArray<ChildRun>,
  amount: number,
  unit: string,
): Figure & { readonly cpuPerRound: ReadonlyArray<number> } => {
  const perRound = runs.map((r) => amount / (r.wallMs / 1000));
  const cpuPerRound = runs.map((r) => amount / (Math.max(r.cpuMs, 0.001) / 1000));
  return {
    label,
    perSecond: median(perRound),
    min: Math.min(...perRound),
    max: Math.max(...perRound),
    opsPerRound: amount,
    perRound,
    perCpuSecond: median(cpuPerRound),
    cpuPerRound,
    inProcess: true,
    unit,
  };
};

const peak = (label: string, runs: ReadonlyArray<ChildRun>): Amount => {
  const perRound = runs.map((r) => r.peakRssBytes / MB);
  return {
    kind: "amount",
    label,
    unit: "MB",
    value: Math.max(...perRound),
    min: Math.min(...perRound),
    max: Math.max(...perRound),
    perRound,
  };
};

const round1 = (x: number) => Math.round(x * 10) / 10;

export const verifyRow: Row = {
  id: "verify",
  title: "liuhen verify of an export (streaming, offline) vs SHA-256 of the same bytes",
  unit: "MB/s",
  run: async ({ quick, plan, log }): Promise<RowOutcome> => {
    const bin = liuhenBin();
    const sha256Stream = distFile("../baselines/sha256-stream.js");
    const events = quick ? QUICK_EVENTS : FULL_EVENTS;
    const rounds = Math.min(plan.rounds, quick ? QUICK_ROUNDS : FULL_ROUNDS);
    const dir = mkdtempSync(join(tmpdir(), "liuhen-bench-verify-"));
    try {
      const path = join(dir, "export.jsonl");
      log(`verify: writing an export of ${events.toLocaleString("en-US")} generated events to ${path}`);
      const t0 = performance.now();
      const file = await writeExportFile({ path, events, seed: EXPORT_SEED });
      const generatedMs = performance.now() - t0;
      log(
        `verify: ${(file.bytes / MB).toFixed(1)} MB, ${file.checkpoints} checkpoints, head ${file.rootHash} (${(generatedMs / 1000).toFixed(1)} s)`,
      );
      const keyFile = join(dir, "agency.pub");
      writeFileSync(keyFile, `${file.verifierKey}\n`);
      const usageFile = join(dir, "usage.json");

      const raw: Contender = {
        name: "raw",
        run: async () => {
          const run = await runNode(sha256Stream, ["raw", path], usageFile);
          const out = JSON.parse(run.stdout || "{}") as { bytes?: number; sha256?: string };
          if (run.code !== 0 || out.bytes !== file.bytes || out.sha256 !== file.sha256) {
            throw new Error(`the SHA-256 baseline did not hash the file written: ${excerpt(run)}`);
          }
          return run;
        },
      };
      const lines: Contender = {
        name: "lines",
        run: async () => {
          const run = await runNode(sha256Stream, ["lines", path], usageFile);
          const out = JSON.parse(run.stdout || "{}") as { events?: number };
          if (run.code !== 0 || out.events !== file.events) {
            throw new Error(`the line-by-line baseline did not hash every event line: ${excerpt(run)}`);
          }
          return run;
        },
      };
      const verify: Contender = {
        name: "verify",
        run: async () => {
          const run = await runNode(bin, ["verify", path, "--key", keyFile, "--json"], usageFile);
          checkVerified(run, file);
          return run;
        },
      };
      // The command's start-up alone (the same modules load for every command), to tell its share of the
      // time and memory from the verification's; full runs only, to keep the smoke run short.
      const startup: Contender = {
        name: "startup",
        run: async () => {
          const run = await runNode(bin, ["--help"], usageFile);
          if (run.code !== 0 || !run.stdout.includes("verify")) {
            throw new Error(`liuhen --help failed: ${excerpt(run)}`);
          }
          return run;
        },
      };
      const contenders = quick ? [verify, raw, lines] : [verify, raw, lines, startup];

      // No warm-up run: the file was just written, so every run reads it from the page cache.
      log(
        `verify: measuring (${rounds} round(s), each runs ${contenders.map((c) => c.name).join(", ")} once)`,
      );
      const runs = new Map<string, Array<ChildRun>>(contenders.map((c) => [c.name, []]));
      for (let round = 0; round < rounds; round++) {
        for (let k = 0; k < contenders.length; k++) {
          const c = contenders[(round + k) % contenders.length] as Contender;
          const run = await c.run();
          runs.get(c.name)?.push(run);
          log(
            `verify: round ${round + 1}, ${c.name}: ${(run.wallMs / 1000).toFixed(2)} s, peak RSS ${(run.peakRssBytes / MB).toFixed(1)} MB`,
          );
        }
      }
      const verifyRuns = runs.get("verify") as Array<ChildRun>;
      const rawRuns = runs.get("raw") as Array<ChildRun>;
      const lineRuns = runs.get("lines") as Array<ChildRun>;
      const startupRuns = runs.get("startup") ?? [];

      const mb = file.bytes / MB;
      const verifyMB = childFigure("liuhen verify", verifyRuns, mb, "MB");
      const verifyEvents = childFigure("liuhen verify", verifyRuns, file.events, "events");
      const rawMB = childFigure("SHA-256 stream", rawRuns, mb, "MB");
      const linesMB = childFigure("readline + SHA-256 per line", lineRuns, mb, "MB");
      const perRound = verifyMB.perRound.map((v, i) => v / (rawMB.perRound[i] as number));
      const ratio = {
        of: "verify",
        to: "raw",
        median: median(perRound),
        min: Math.min(...perRound),
        max: Math.max(...perRound),
        perRound,
      };
      const vsLines = median(verifyMB.perRound.map((v, i) => v / (linesMB.perRound[i] as number)));
      const memory = peak("peak RSS", verifyRuns);
      const rawMemory = peak("peak RSS", rawRuns);
      const startupNote =
        startupRuns.length === 0
          ? "Start-up alone (liuhen --help) is measured in full runs only."
          : `Start-up alone (liuhen --help, the same modules loaded): ${(median(startupRuns.map((r) => r.wallMs)) / 1000).toFixed(2)} s wall, ${(median(startupRuns.map((r) => r.cpuMs)) / 1000).toFixed(2)} CPU-s, peak RSS ${peak("", startupRuns).value.toFixed(1)} MB (median time, largest peak of ${startupRuns.length} runs).`;
      const atExit = Math.max(...verifyRuns.map((r) => r.maxRssBytes)) / MB;
      const sampled = verifyRuns.map((r) => r.sampledHwmBytes);
      const sampledMax = sampled.every((s) => s !== null)
        ? Math.max(...(sampled as Array<number>)) / MB
        : null;

      return {
        status: "measured",
        checks: [
          ratioCheck("MB/s vs raw SHA-256", verifyMB, rawMB, ratio, TARGET_VS_RAW, "≥ 0.5 of raw"),
          limitCheck("peak memory (RSS)", memory, TARGET_PEAK_MB, `≤ ${TARGET_PEAK_MB} MB`),
        ],
        notes: [
          ...(quick
            ? [
                `Quick (smoke) run: ${events.toLocaleString("en-US")} events, one round, so the command's start-up (seconds) dominates its time and memory: the full run's figures are the ones to read.`,
              ]
            : []),
          `liuhen verify: ${formatRate(verifyEvents.perSecond)} events/s [${formatRate(verifyEvents.min)}–${formatRate(verifyEvents.max)}], ${formatRate(verifyMB.perSecond)} MB/s (wall clock, start-up included; median of ${rounds} run(s)); ${formatRate(verifyEvents.perCpuSecond)} events/s per CPU-s of the child.`,
          `Export: ${file.events.toLocaleString("en-US")} events of ${file.agencyId} (seed ${EXPORT_SEED}, bench/src/corpus/export-file.ts), ${file.checkpoints.toLocaleString("en-US")} signed checkpoints (one per 10 minutes of the log's clock, events 1–62 s apart), ${mb.toFixed(1)} MB (event lines ${((file.eventBytes / file.bytes) * 100).toFixed(1)} %), built with the store's canonical encoding, leaf hashing, Merkle frontier and checkpoint signing, key made for the run; written in ${(generatedMs / 1000).toFixed(1)} s, untimed.`,
          `Subject: node apps/tui/bin/liuhen.js verify FILE --key KEYFILE --json, a child process per run; every run reported Verified with ${file.events} events, head ${file.rootHash} and ${file.checkpoints} checkpoints, key from the argument.`,
          "Baseline: SHA-256 (node:crypto) of the whole file, streamed with fs.createReadStream in 64 KiB chunks as the verifier reads it, in a child process too (node bench/dist/baselines/sha256-stream.js raw); its digest matched the file's. MB = 10^6 bytes; both rates count the whole file.",
          `For scale, not a target: readline over the same stream and a leaf hash SHA-256(0x00 ‖ line) of each event line (the least a per-event verifier does): ${formatRate(linesMB.perSecond)} MB/s; the verifier runs at ${vsLines.toFixed(2)}× that.`,
          `Peak memory: the child's own peak RSS, the larger of getrusage's ru_maxrss in its exit handler (process.resourceUsage().maxRSS, written by bench/src/lib/usage-at-exit.ts, preloaded with --import: the command itself is unchanged) and its VmHWM sampled from /proc every 50 ms (which also sees the process's teardown): ${atExit.toFixed(1)} MB and ${sampledMax === null ? "not available" : `${sampledMax.toFixed(1)} MB`}. NODE_OPTIONS is not passed on and no heap limit set; the largest of the ${rounds} run(s) is judged. A bare Node process hashing the file peaks at ${rawMemory.value.toFixed(1)} MB.`,
          startupNote,
          `Rounds: ${rounds}, the order of command and baselines rotating; the ratio is the median of the per-round ratios. Machine: see the report's header.`,
        ],
        details: {
          export: {
            seed: EXPORT_SEED,
            events: file.events,
            checkpoints: file.checkpoints,
            bytes: file.bytes,
            eventBytes: file.eventBytes,
            rootHash: file.rootHash,
            generatedMs: Math.round(generatedMs),
          },
          runs: Object.fromEntries(
            [...runs].map(([name, rs]) => [
              name,
              rs.map((r) => ({
                wallMs: Math.round(r.wallMs),
                cpuMs: Math.round(r.cpuMs),
                maxRssMB: round1(r.maxRssBytes / MB),
                sampledVmHwmMB: r.sampledHwmBytes === null ? null : round1(r.sampledHwmBytes / MB),
              })),
            ]),
          ),
          verifyEventsPerSecond: verifyEvents.perRound,
          verifyEventsPerCpuSecond: verifyEvents.cpuPerRound,
          linesMBPerSecond: linesMB.perRound,
          verifyVsLines: vsLines,
        },
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
