/**
 * Child processes for the crash, backup and concurrency tests: a TypeScript script run by `node --import tsx`,
 * which reports on stdout one JSON object per line. Only whole lines count: a line
 * cut off by a kill was never acknowledged.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface ScriptChild<Line> {
  readonly child: ChildProcess;
  /** The whole lines received so far, parsed. */
  readonly lines: Array<Line>;
  /** Resolves once `predicate` holds for the lines received, or rejects after `timeoutMs`. */
  readonly waitFor: (predicate: (lines: ReadonlyArray<Line>) => boolean, timeoutMs: number) => Promise<void>;
  readonly exited: Promise<{ readonly code: number | null; readonly signal: NodeJS.Signals | null }>;
  readonly stderr: () => string;
}

export const runScript = <Line>(script: URL, args: ReadonlyArray<string>): ScriptChild<Line> => {
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(script), ...args], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  const lines: Array<Line> = [];
  const waiters = new Set<() => void>();
  let pending = "";
  let errors = "";
  child.stdout?.setEncoding("utf8");
  child.stdout?.on("data", (chunk: string) => {
    pending += chunk;
    for (let end = pending.indexOf("\n"); end !== -1; end = pending.indexOf("\n")) {
      const line = pending.slice(0, end);
      pending = pending.slice(end + 1);
      if (line.trim() !== "") lines.push(JSON.parse(line) as Line);
    }
    for (const wake of waiters) wake();
  });
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    errors += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("exit", (code, signal) => {
      for (const wake of waiters) wake();
      resolve({ code, signal });
    });
  });
  const waitFor = (predicate: (lines: ReadonlyArray<Line>) => boolean, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (predicate(lines)) {
          done();
          resolve();
        } else if (child.exitCode !== null || child.signalCode !== null) {
          done();
          reject(new Error(`the child exited (${child.exitCode ?? child.signalCode}) first:\n${errors}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no such line within ${timeoutMs} ms; the child said:\n${errors}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  return { child, lines, waitFor, exited, stderr: () => errors };
};

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
