/**
 * Runs a command as a child Node process and measures it from outside and from inside: wall-clock time from
 * spawn to exit (start-up included), and, from the child itself (`usage-at-exit.ts`, preloaded with
 * `--import`), its peak resident set size and CPU time as getrusage reports them in its `exit` handler. On
 * Linux the child's `/proc/<pid>/status` VmHWM (the same high-water mark, kept by the kernel) is also sampled
 * while it runs: it sees what the process touches after its exit handler (a little, while it tears down),
 * and the exit handler sees the peak between two samples; `peakRssBytes` is the larger of the two.
 */
import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const PRELOAD = new URL("./usage-at-exit.js", import.meta.url);

export interface ChildRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly wallMs: number;
  /** User + system CPU time of the child (its own threads), from getrusage at exit. */
  readonly cpuMs: number;
  /** Peak resident set size, bytes (ru_maxrss at exit). */
  readonly maxRssBytes: number;
  /** The largest VmHWM read from /proc while the child ran, bytes; null where /proc is not there. */
  readonly sampledHwmBytes: number | null;
  /** The child's peak RSS: the larger of `maxRssBytes` and `sampledHwmBytes`. */
  readonly peakRssBytes: number;
}

const vmHwmBytes = (pid: number): number | null => {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m === null ? null : Number(m[1]) * 1024;
  } catch {
    return null;
  }
};

/**
 * `node [nodeArgs] script args…` with the usage preload; `usageFile` is where the child writes its usage
 * (removed after). NODE_OPTIONS is not passed on, so nothing from the bench's environment (a heap limit,
 * say) changes the child.
 */
export const runNode = (
  script: string,
  args: ReadonlyArray<string>,
  usageFile: string,
  options: { readonly sampleEveryMs?: number } = {},
): Promise<ChildRun> =>
  new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, LIUHEN_BENCH_USAGE_FILE: usageFile };
    delete env.NODE_OPTIONS;
    rmSync(usageFile, { force: true });
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", PRELOAD.href, script, ...args], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const stdout: Array<Buffer> = [];
    const stderr: Array<Buffer> = [];
    child.stdout.on("data", (b: Buffer) => stdout.push(b));
    child.stderr.on("data", (b: Buffer) => stderr.push(b));
    let sampled: number | null = null;
    const sample = () => {
      if (child.pid === undefined) return;
      const hwm = vmHwmBytes(child.pid);
      if (hwm !== null) sampled = Math.max(sampled ?? 0, hwm);
    };
    const timer = setInterval(sample, options.sampleEveryMs ?? 50);
    child.once("error", (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.once("close", (code, signal) => {
      const wallMs = performance.now() - started;
      clearInterval(timer);
      let usage: { maxRssKiB: number; userCpuMicros: number; systemCpuMicros: number };
      try {
        usage = JSON.parse(readFileSync(usageFile, "utf8"));
      } catch (cause) {
        reject(
          new Error(
            `${script} exited (code ${code}, signal ${signal}) without reporting its resource usage: ${cause instanceof Error ? cause.message : String(cause)}; stderr: ${Buffer.concat(stderr).toString("utf8").slice(0, 2000)}`,
          ),
        );
        return;
      } finally {
        rmSync(usageFile, { force: true });
      }
      resolve({
        code,
        signal,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
        wallMs,
        cpuMs: (usage.userCpuMicros + usage.systemCpuMicros) / 1000,
        maxRssBytes: usage.maxRssKiB * 1024,
        sampledHwmBytes: sampled,
        peakRssBytes: Math.max(usage.maxRssKiB * 1024, sampled ?? 0),
      });
    });
  });

/** A file of this package's build (dist/), by its path relative to dist/lib/. */
export const distFile = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));
