/**
 * The HTTP contenders run as child processes, each on a SQLite file of its own: started, waited for until
 * they say which port they listen on, measured from outside (CPU time from /proc), and stopped.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";

export interface Listening {
  readonly child: ChildProcess;
  readonly url: string;
  /** User + system CPU time of the child so far, ms; null where /proc is not there. */
  readonly cpuMs: () => number | null;
  readonly stop: () => Promise<void>;
}

// Linux reports utime and stime in clock ticks of USER_HZ, 100 per second on every architecture it runs on.
const TICKS_PER_SECOND = 100;

const cpuMsOf = (pid: number): number | null => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
};

/**
 * Starts `node script args…` and resolves once a line of its stdout gives the port (`portOf` finds it);
 * rejects if it exits first or takes longer than `timeoutMs`.
 */
export const startListening = (
  script: string,
  args: ReadonlyArray<string>,
  env: NodeJS.ProcessEnv,
  portOf: (line: string) => number | undefined,
  timeoutMs = 120_000,
): Promise<Listening> =>
  new Promise((resolve, reject) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    delete childEnv.NODE_OPTIONS;
    const child = spawn(process.execPath, [script, ...args], {
      env: childEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let stderr = "";
    let settled = false;
    const timer = setTimeout(
      () => fail(new Error(`${script} did not start in ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`${error.message}\n${stderr.slice(-2000)}`));
    };
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.on("exit", (code, signal) =>
      fail(new Error(`${script} exited (${code ?? signal}) before listening`)),
    );
    child.stdout?.on("data", (chunk: Buffer) => {
      if (settled) return;
      output += chunk.toString("utf8");
      const lines = output.split("\n");
      output = lines.pop() ?? "";
      for (const line of lines) {
        const port = portOf(line);
        if (port === undefined) continue;
        settled = true;
        clearTimeout(timer);
        const pid = child.pid as number;
        resolve({
          child,
          url: `http://127.0.0.1:${port}`,
          cpuMs: () => cpuMsOf(pid),
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              child.once("exit", () => done());
              child.kill("SIGTERM");
              setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
            }),
        });
        return;
      }
    });
  });

/** The port in a JSON line that has one: the server's `listening` log line, or the baseline's {"port": n}. */
export const jsonPort = (line: string): number | undefined => {
  if (!line.startsWith("{")) return undefined;
  try {
    const value = JSON.parse(line) as Record<string, unknown>;
    const port = value.port ?? (value.annotations as Record<string, unknown> | undefined)?.port;
    return typeof port === "number" && port > 0 ? port : undefined;
  } catch {
    return undefined;
  }
};
